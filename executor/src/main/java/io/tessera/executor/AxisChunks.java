package io.tessera.executor;

import java.util.Arrays;

/**
 * How one axis is cut into chunks: regularly (every chunk {@code size} long but the last), which
 * takes no memory however long the axis, or at explicit boundaries {@code 0 = b0 < ... < bk = n}.
 */
public sealed interface AxisChunks {
    /** The axis's length. */
    long length();

    /** How many chunks. */
    int count();

    /** Where chunk {@code index} starts. */
    long start(int index);

    /** How long chunk {@code index} is. */
    default long size(int index) {
        return start(index + 1) - start(index);
    }

    /** The chunk that holds position {@code position}. */
    int chunkOf(long position);

    /** The longest chunk. */
    long maxSize();

    /** Every boundary, from 0 to the length. */
    default long[] bounds() {
        long[] bounds = new long[count() + 1];
        for (int i = 0; i <= count(); i++) {
            bounds[i] = start(i);
        }
        return bounds;
    }

    /** Chunks of {@code size} along an axis of {@code length}, the last one shorter where it must be. */
    static AxisChunks regular(long length, long size) {
        long chunk = Math.max(1, Math.min(size, Math.max(length, 1)));
        long count = (length + chunk - 1) / chunk;
        if (count > Integer.MAX_VALUE) {
            throw new ExecutorException(ExecutorException.Kind.MEMORY, "an axis of " + length + " in chunks of "
                    + chunk + " makes more than " + Integer.MAX_VALUE + " chunks; use larger chunks");
        }
        return new Regular(length, chunk);
    }

    /** Chunks between explicit boundaries; regular ones are recognised and kept compact. */
    static AxisChunks of(long[] bounds) {
        int count = bounds.length - 1;
        if (count >= 1) {
            long size = bounds[1] - bounds[0];
            boolean regular = size > 0;
            for (int i = 1; i < count - 1 && regular; i++) {
                regular = bounds[i + 1] - bounds[i] == size;
            }
            long last = bounds[count] - bounds[count - 1];
            if (regular && last > 0 && last <= size) {
                return new Regular(bounds[count], size);
            }
        }
        return new Explicit(bounds.clone());
    }

    /** Every chunk {@code size} long but the last. */
    record Regular(long length, long size) implements AxisChunks {
        @Override
        public int count() {
            return (int) ((length + size - 1) / size);
        }

        @Override
        public long start(int index) {
            return Math.min(length, index * size);
        }

        @Override
        public int chunkOf(long position) {
            return (int) Math.min(position / size, Math.max(count() - 1, 0));
        }

        @Override
        public long maxSize() {
            return length == 0 ? 0 : Math.min(size, length);
        }
    }

    /** Chunks between the given boundaries. */
    record Explicit(long[] boundaries) implements AxisChunks {
        @Override
        public long length() {
            return boundaries[boundaries.length - 1];
        }

        @Override
        public int count() {
            return boundaries.length - 1;
        }

        @Override
        public long start(int index) {
            return boundaries[index];
        }

        @Override
        public int chunkOf(long position) {
            int found = Arrays.binarySearch(boundaries, position);
            return found >= 0 ? Math.min(found, boundaries.length - 2) : -found - 2;
        }

        @Override
        public long maxSize() {
            long max = 0;
            for (int i = 0; i + 1 < boundaries.length; i++) {
                max = Math.max(max, boundaries[i + 1] - boundaries[i]);
            }
            return max;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Explicit e && Arrays.equals(boundaries, e.boundaries);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(boundaries);
        }
    }
}
