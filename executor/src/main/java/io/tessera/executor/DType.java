package io.tessera.executor;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;

/**
 * The element types of arrays, with NumPy 2's names, sizes and promotion rules. Integers and bool
 * compute in {@code long} lanes, floats in {@code double} lanes.
 */
public enum DType {
    BOOL("bool", 1, Kind.BOOL),
    INT8("int8", 1, Kind.SIGNED),
    INT16("int16", 2, Kind.SIGNED),
    INT32("int32", 4, Kind.SIGNED),
    INT64("int64", 8, Kind.SIGNED),
    UINT8("uint8", 1, Kind.UNSIGNED),
    UINT16("uint16", 2, Kind.UNSIGNED),
    UINT32("uint32", 4, Kind.UNSIGNED),
    UINT64("uint64", 8, Kind.UNSIGNED),
    FLOAT32("float32", 4, Kind.FLOAT),
    FLOAT64("float64", 8, Kind.FLOAT);

    /** The families of dtypes that promotion distinguishes. */
    public enum Kind { BOOL, SIGNED, UNSIGNED, FLOAT }

    private final String numpyName;
    private final int itemSize;
    private final Kind kind;

    DType(String numpyName, int itemSize, Kind kind) {
        this.numpyName = numpyName;
        this.itemSize = itemSize;
        this.kind = kind;
    }

    /** The NumPy name: {@code float64}, {@code uint8}, {@code bool}. */
    public String numpyName() {
        return numpyName;
    }

    public int itemSize() {
        return itemSize;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isBool() {
        return kind == Kind.BOOL;
    }

    public boolean isFloat() {
        return kind == Kind.FLOAT;
    }

    /** True for the signed and unsigned integers (not bool). */
    public boolean isInteger() {
        return kind == Kind.SIGNED || kind == Kind.UNSIGNED;
    }

    public boolean isUnsigned() {
        return kind == Kind.UNSIGNED;
    }

    /** True when values of this dtype compute in {@code double} lanes, false for {@code long} lanes. */
    public boolean isDoubleLane() {
        return kind == Kind.FLOAT;
    }

    @Override
    public String toString() {
        return numpyName;
    }

    /** Parses a NumPy dtype name; also accepts the aliases {@code float}, {@code int}, {@code double}. */
    public static Optional<DType> parse(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (DType dtype : values()) {
            if (dtype.numpyName.equals(key)) {
                return Optional.of(dtype);
            }
        }
        return switch (key) {
            case "float", "double", "f8" -> Optional.of(FLOAT64);
            case "f4", "single" -> Optional.of(FLOAT32);
            case "int", "i8", "long" -> Optional.of(INT64);
            case "i4" -> Optional.of(INT32);
            case "bool_", "boolean" -> Optional.of(BOOL);
            default -> Optional.empty();
        };
    }

    /** The smallest signed integer dtype of this many bytes, or empty past 8. */
    private static Optional<DType> signed(int bytes) {
        return switch (bytes) {
            case 1 -> Optional.of(INT8);
            case 2 -> Optional.of(INT16);
            case 4 -> Optional.of(INT32);
            case 8 -> Optional.of(INT64);
            default -> Optional.empty();
        };
    }

    /**
     * NumPy's type string ({@code dtype.str}) in {@code order}: {@code <f8}, {@code >i4}; one-byte
     * types have no byte order ({@code |u1}, {@code |b1}). As {@code .npy} headers and Zarr write it.
     */
    public String typeString(ByteOrder order) {
        String prefix = itemSize == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<";
        String letter = switch (kind) {
            case BOOL -> "b";
            case SIGNED -> "i";
            case UNSIGNED -> "u";
            case FLOAT -> "f";
        };
        return prefix + letter + itemSize;
    }

    /** The dtype of a NumPy type string's kind and size ({@code f8}, {@code u1}, {@code b1}), if Tessera has it. */
    public static Optional<DType> ofKindAndSize(String kindAndSize) {
        for (DType dtype : values()) {
            if (dtype.typeString(ByteOrder.LITTLE_ENDIAN).substring(1).equals(kindAndSize)) {
                return Optional.of(dtype);
            }
        }
        return Optional.empty();
    }

    /** NumPy 2's {@code promote_types} for the dtypes Tessera has (float16 results become float32). */
    public static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a.kind == Kind.BOOL) {
            return b;
        }
        if (b.kind == Kind.BOOL) {
            return a;
        }
        if (a.kind == Kind.FLOAT || b.kind == Kind.FLOAT) {
            DType integer = a.kind == Kind.FLOAT ? b : a;
            DType floating = a.kind == Kind.FLOAT ? a : b;
            if (integer.kind == Kind.FLOAT) {
                return a.itemSize >= b.itemSize ? a : b;
            }
            // an integer of 1 or 2 bytes fits float32 exactly; wider ones need float64
            return integer.itemSize <= 2 ? floating : FLOAT64;
        }
        if (a.kind == b.kind) {
            return a.itemSize >= b.itemSize ? a : b;
        }
        DType signed = a.kind == Kind.SIGNED ? a : b;
        DType unsigned = a.kind == Kind.UNSIGNED ? a : b;
        if (signed.itemSize > unsigned.itemSize) {
            return signed;
        }
        return signed(unsigned.itemSize * 2).orElse(FLOAT64);
    }

    /** The float dtype that NumPy's float functions give for this dtype (float16 results become float32). */
    public DType toFloat() {
        return switch (this) {
            case FLOAT32, FLOAT64 -> this;
            case BOOL, INT8, UINT8, INT16, UINT16 -> FLOAT32;
            default -> FLOAT64;
        };
    }

    /** The smallest value of an integer dtype. */
    public long minValue() {
        return switch (this) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> Long.MIN_VALUE;
            default -> 0;
        };
    }

    /** The largest value of an integer dtype; for uint64 the bits of 2^64-1 (i.e. -1). */
    public long maxValue() {
        return switch (this) {
            case BOOL -> 1;
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case INT64 -> Long.MAX_VALUE;
            case UINT8 -> 0xFF;
            case UINT16 -> 0xFFFF;
            case UINT32 -> 0xFFFFFFFFL;
            case UINT64 -> -1L;
            default -> throw new IllegalStateException(this + " is not an integer dtype");
        };
    }

    /** Wraps a long to this integer dtype's width and signedness, as C's conversion does. */
    public long wrap(long value) {
        return switch (this) {
            case BOOL -> value != 0 ? 1 : 0;
            case INT8 -> (byte) value;
            case INT16 -> (short) value;
            case INT32 -> (int) value;
            case UINT8 -> value & 0xFF;
            case UINT16 -> value & 0xFFFF;
            case UINT32 -> value & 0xFFFFFFFFL;
            default -> value;
        };
    }
}
