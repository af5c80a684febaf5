package io.tessera.executor.kernel;

/**
 * How one target axis of a strided copy is filled: {@code count} positions, the j-th at target
 * index {@code targetStart + j} (or {@code targetIndex[j]}) reading from source offset
 * {@code sourceStart + j * sourceStep} (or {@code sourceOffset[j]}), offsets in elements.
 */
public record AxisMap(int count, int targetStart, int[] targetIndex, long sourceStart, long sourceStep,
                      long[] sourceOffset) {

    /** Consecutive target positions reading an arithmetic run of the source. */
    public static AxisMap run(int count, int targetStart, long sourceStart, long sourceStep) {
        return new AxisMap(count, targetStart, null, sourceStart, sourceStep, null);
    }

    /** Explicit target positions and source offsets. */
    public static AxisMap of(int[] targetIndex, long[] sourceOffset) {
        return new AxisMap(targetIndex.length, 0, targetIndex, 0, 0, sourceOffset);
    }

    int target(int j) {
        return targetIndex == null ? targetStart + j : targetIndex[j];
    }

    long source(int j) {
        return sourceOffset == null ? sourceStart + j * sourceStep : sourceOffset[j];
    }

    public boolean isArithmetic() {
        return targetIndex == null && sourceOffset == null;
    }
}
