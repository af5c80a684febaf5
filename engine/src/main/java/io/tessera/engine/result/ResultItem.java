package io.tessera.engine.result;

import io.tessera.executor.Block;
import io.tessera.executor.DType;

/**
 * One item of a query result: an array's values with its dtype and shape, or a string (such as
 * {@code x.dtype}), in which case {@code values} is null and {@code dtype} too.
 */
public record ResultItem(String name, DType dtype, long[] shape, Block values, String text) {
    public boolean isText() {
        return text != null;
    }

    /** The dtype's name, or {@code str} for a string item. */
    public String dtypeName() {
        return isText() ? "str" : dtype.numpyName();
    }
}
