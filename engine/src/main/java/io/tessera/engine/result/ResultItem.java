package io.tessera.engine.result;

import io.tessera.engine.TesseraException;
import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;

/**
 * One item of a query result: an array's values with its dtype and shape, or a string (such as
 * {@code x.dtype}), in which case {@code values} is null and {@code dtype} too. Values are
 * row-major; {@link #doubleValue()}, {@link #longValue()}, {@link #toDoubleArray()} and
 * {@link #toArray()} give them as plain Java values.
 */
public record ResultItem(String name, DType dtype, long[] shape, Block values, String text) {
    public boolean isText() {
        return text != null;
    }

    /** The dtype's name, or {@code str} for a string item. */
    public String dtypeName() {
        return isText() ? "str" : dtype.numpyName();
    }

    /** The value of a one-element item (a scalar result) as a double; integers convert as NumPy's float(). */
    public double doubleValue() {
        return single().getDouble(0);
    }

    /**
     * The value of a one-element item as a long: integers exactly (uint64 as its bits, see
     * {@link Long#toUnsignedString(long)}), bool 0 or 1, floats truncated toward zero.
     */
    public long longValue() {
        return single().getLong(0);
    }

    /** Every value, row-major, as float64. */
    public double[] toDoubleArray() {
        Block block = numeric("toDoubleArray()");
        double[] copy = new double[block.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = block.getDouble(i);
        }
        return copy;
    }

    /**
     * A copy of the values, row-major, in the Java array of the dtype's width: {@code double[]}
     * (float64), {@code float[]} (float32), {@code long[]} (int64, uint64), {@code int[]} (int32,
     * uint32), {@code short[]} (int16, uint16), {@code byte[]} (int8, uint8), {@code boolean[]} (bool).
     * Unsigned values keep their bits.
     */
    public Object toArray() {
        Block block = numeric("toArray()");
        if (dtype.isBool()) {
            boolean[] copy = new boolean[block.size()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = block.getLong(i) != 0;
            }
            return copy;
        }
        Object data = block.data();
        Object copy = Block.newArray(dtype, block.size());
        System.arraycopy(data, 0, copy, 0, block.size());
        return copy;
    }

    private Block numeric(String what) {
        if (isText()) {
            throw TesseraException.of(TesseraException.Category.TYPE, "item '" + name + "' is a string: "
                    + what + " needs numbers; read text()");
        }
        return values;
    }

    private Block single() {
        Block block = numeric("a scalar value");
        if (block.size() != 1) {
            throw TesseraException.of(TesseraException.Category.SHAPE, "item '" + name + "' has shape "
                    + Shapes.format(shape) + ", not one value: use toArray() or toDoubleArray()");
        }
        return block;
    }
}
