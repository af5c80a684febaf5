package io.tessera.executor.generate;

import io.tessera.executor.Block;
import io.tessera.executor.DType;

/**
 * An array whose elements are computed, not stored: each element is a pure function of its flat
 * (row-major) index in the whole array, so any chunking, slice or thread count gives the same values
 * and a slice computes only the elements it selects.
 */
public interface Generator {
    /** How EXPLAIN names it, with every parameter that decides its values (a drawn seed included). */
    String description();

    DType dtype();

    long[] shape();

    /**
     * Writes the elements at flat indices {@code firstIndex + j * indexStep}, {@code j < count}, to
     * {@code out} at {@code offset + j}.
     */
    void fill(Block out, int offset, int count, long firstIndex, long indexStep);
}
