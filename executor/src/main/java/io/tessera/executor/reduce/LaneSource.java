package io.tessera.executor.reduce;

/** Supplies the values of a block, in row-major order, as lanes a reducer can read. */
public interface LaneSource {
    /** The most elements one {@link #load} may ask for. */
    int batch();

    /**
     * Makes elements {@code [start, start + n)} available and returns the lane holding them; element
     * {@code start} is at {@link #offset()} in that lane.
     */
    Object load(int start, int n);

    /** Where the first loaded element sits in the lane {@link #load} returned last. */
    int offset();
}
