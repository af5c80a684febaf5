package io.tessera.executor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense, row-major piece of an array held in one primitive array: {@code byte[]} for bool, int8
 * and uint8, {@code short[]} for (u)int16, {@code int[]} for (u)int32, {@code long[]} for (u)int64,
 * {@code float[]} and {@code double[]}. The primitive array may be longer than the block (buffers are
 * pooled); only the first {@link #size()} elements belong to it.
 */
public final class Block {
    private final DType dtype;
    private final int[] shape;
    private final int size;
    private final Object data;

    public Block(DType dtype, int[] shape, Object data) {
        this.dtype = Objects.requireNonNull(dtype, "dtype is null");
        this.shape = shape.clone();
        this.size = Shapes.intSize(shape);
        this.data = Objects.requireNonNull(data, "data is null");
        if (java.lang.reflect.Array.getLength(data) < size) {
            throw new IllegalArgumentException("data holds fewer than " + size + " elements");
        }
    }

    /** A new block backed by a fresh primitive array. */
    public static Block allocate(DType dtype, int[] shape) {
        return new Block(dtype, shape, newArray(dtype, Shapes.intSize(shape)));
    }

    /** A 0-d block holding one double, converted to {@code dtype}. */
    public static Block scalar(DType dtype, double value) {
        Block block = allocate(dtype, new int[0]);
        block.setDouble(0, value);
        return block;
    }

    /** A 0-d block holding one long (integer bits), converted to {@code dtype}. */
    public static Block scalarLong(DType dtype, long value) {
        Block block = allocate(dtype, new int[0]);
        block.setLong(0, value);
        return block;
    }

    /** A primitive array of the kind that holds {@code dtype}. */
    public static Object newArray(DType dtype, int length) {
        return switch (dtype) {
            case BOOL, INT8, UINT8 -> new byte[length];
            case INT16, UINT16 -> new short[length];
            case INT32, UINT32 -> new int[length];
            case INT64, UINT64 -> new long[length];
            case FLOAT32 -> new float[length];
            case FLOAT64 -> new double[length];
        };
    }

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return size;
    }

    /** The backing primitive array. */
    public Object data() {
        return data;
    }

    /** The same data seen with another shape of the same size. */
    public Block reshape(int[] newShape) {
        if (Shapes.intSize(newShape) != size) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape) + " to "
                    + Arrays.toString(newShape));
        }
        return new Block(dtype, newShape, data);
    }

    /** Element {@code i} (row-major) as a double; integers convert as NumPy would (uint64 unsigned). */
    public double getDouble(int i) {
        return switch (dtype) {
            case BOOL, INT8 -> ((byte[]) data)[i];
            case UINT8 -> ((byte[]) data)[i] & 0xFF;
            case INT16 -> ((short[]) data)[i];
            case UINT16 -> ((short[]) data)[i] & 0xFFFF;
            case INT32 -> ((int[]) data)[i];
            case UINT32 -> ((int[]) data)[i] & 0xFFFFFFFFL;
            case INT64 -> ((long[]) data)[i];
            case UINT64 -> Numbers.unsignedToDouble(((long[]) data)[i]);
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
        };
    }

    /**
     * Element {@code i} as a long: integers sign- or zero-extended (uint64 as its bits), bool 0 or 1,
     * floats truncated toward zero.
     */
    public long getLong(int i) {
        return switch (dtype) {
            case BOOL, INT8 -> ((byte[]) data)[i];
            case UINT8 -> ((byte[]) data)[i] & 0xFF;
            case INT16 -> ((short[]) data)[i];
            case UINT16 -> ((short[]) data)[i] & 0xFFFF;
            case INT32 -> ((int[]) data)[i];
            case UINT32 -> ((int[]) data)[i] & 0xFFFFFFFFL;
            case INT64, UINT64 -> ((long[]) data)[i];
            case FLOAT32 -> (long) ((float[]) data)[i];
            case FLOAT64 -> (long) ((double[]) data)[i];
        };
    }

    /** Stores a double, converting it to this block's dtype as NumPy's astype would. */
    public void setDouble(int i, double value) {
        if (dtype.isFloat()) {
            if (dtype == DType.FLOAT32) {
                ((float[]) data)[i] = (float) value;
            } else {
                ((double[]) data)[i] = value;
            }
        } else {
            setLong(i, Numbers.doubleToIntegerBits(value, dtype));
        }
    }

    /** Stores integer bits, wrapped to this block's dtype; a float block receives the value converted. */
    public void setLong(int i, long value) {
        switch (dtype) {
            case BOOL -> ((byte[]) data)[i] = (byte) (value != 0 ? 1 : 0);
            case INT8, UINT8 -> ((byte[]) data)[i] = (byte) value;
            case INT16, UINT16 -> ((short[]) data)[i] = (short) value;
            case INT32, UINT32 -> ((int[]) data)[i] = (int) value;
            case INT64, UINT64 -> ((long[]) data)[i] = value;
            case FLOAT32 -> ((float[]) data)[i] = (float) value;
            case FLOAT64 -> ((double[]) data)[i] = value;
        }
    }

    /** Copies {@code n} elements between blocks of the same dtype. */
    public static void copy(Block source, int sourceOffset, Block target, int targetOffset, int n) {
        if (source.dtype != target.dtype) {
            throw new IllegalArgumentException("cannot copy " + source.dtype + " into " + target.dtype);
        }
        System.arraycopy(source.data, sourceOffset, target.data, targetOffset, n);
    }

    @Override
    public String toString() {
        return "Block[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
