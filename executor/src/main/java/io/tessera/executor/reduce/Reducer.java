package io.tessera.executor.reduce;

import io.tessera.executor.Block;

/**
 * One reduction's arithmetic over partial states. A state holds one accumulator per output element;
 * values arrive as lanes ({@code double[]} for floats, {@code long[]} for integers and bool) either
 * as a run that reduces into one output ({@link #reduceRun}) or as a row whose elements go to
 * consecutive outputs ({@link #accumulate}). Partial states merge in the order of the data.
 */
public interface Reducer {
    /**
     * True when this reducer also takes float32 values as {@code float[]} lanes, so float32 data is
     * read in place rather than converted to doubles first.
     */
    default boolean readsFloats() {
        return false;
    }

    /** True when the reducer needs each value's position within the reduced axes (argmin, argmax). */
    default boolean usesPositions() {
        return false;
    }

    /** The state for {@code size} outputs, before any value. */
    Object newState(int size);

    /**
     * Folds {@code lane[offset .. offset + n)} into output {@code at}; {@code index} is the position
     * of the first value within the reduced axes (for argmin and argmax), the rest follow by 1.
     */
    void reduceRun(Object state, int at, Object lane, int offset, int n, long index);

    /**
     * Folds {@code rows} consecutive runs of {@code n} values, starting at {@code lane[offset]}, into
     * outputs {@code at, at + 1, ...}, each run starting at position {@code index} (a short reduced
     * innermost axis, such as {@code sum(..., axis => -1)} over 3 coordinates, comes as many runs).
     */
    default void reduceRuns(Object state, int at, Object lane, int offset, int n, int rows, long index) {
        for (int r = 0; r < rows; r++) {
            reduceRun(state, at + r, lane, offset + r * n, n, index);
        }
    }

    /** Folds {@code lane[offset + j]} into output {@code at + j} for j below n; all at position {@code index}. */
    void accumulate(Object state, int at, Object lane, int offset, int n, long index);

    /** Folds {@code later} (which saw values after those of {@code into}) into {@code into}. */
    void merge(Object into, Object later);

    /** Writes the result of output {@code i} to element {@code i} of {@code out}. */
    void finish(Object state, Block out);
}
