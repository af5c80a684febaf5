package io.tessera.executor.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes of a block's elements as HDF5 stores them here: little-endian, in row-major order, and
 * the runs in which a block lands inside a larger row-major array (a chunk or a whole dataset).
 */
final class Hdf5Elements {
    /** Receives one run: {@code length} elements from {@code blockOffset} of the block go to {@code targetOffset}. */
    interface RunVisitor {
        void run(int blockOffset, long targetOffset, int length) throws IOException;
    }

    private Hdf5Elements() {
    }

    /**
     * Puts {@code count} elements of a block's primitive array, from element {@code from}, into
     * {@code out} at its position (advancing it), little-endian. Bools are bytes 0 and 1 already.
     */
    static void put(ByteBuffer out, Object data, int from, int count) {
        ByteBuffer le = out.order(ByteOrder.LITTLE_ENDIAN);
        int bytes;
        if (data instanceof byte[] array) {
            le.put(array, from, count);
            return;
        } else if (data instanceof short[] array) {
            le.asShortBuffer().put(array, from, count);
            bytes = 2 * count;
        } else if (data instanceof int[] array) {
            le.asIntBuffer().put(array, from, count);
            bytes = 4 * count;
        } else if (data instanceof long[] array) {
            le.asLongBuffer().put(array, from, count);
            bytes = 8 * count;
        } else if (data instanceof float[] array) {
            le.asFloatBuffer().put(array, from, count);
            bytes = 4 * count;
        } else if (data instanceof double[] array) {
            le.asDoubleBuffer().put(array, from, count);
            bytes = 8 * count;
        } else {
            throw new IllegalArgumentException("a block's data cannot be a " + data.getClass().getSimpleName());
        }
        le.position(le.position() + bytes);
    }

    /**
     * Visits, in order, the runs in which a row-major block of shape {@code count} lands in a
     * row-major array of {@code targetShape} when placed at {@code targetStart}. Trailing axes that
     * the block spans whole merge into longer runs; a 0-d block is one run of one element; a block
     * with a zero-length axis has no runs.
     */
    static void forEachRun(long[] count, long[] targetShape, long[] targetStart, RunVisitor visitor)
            throws IOException {
        int rank = count.length;
        for (long length : count) {
            if (length == 0) {
                return;
            }
        }
        if (rank == 0) {
            visitor.run(0, 0, 1);
            return;
        }
        int inner = rank - 1;
        while (inner > 0 && count[inner] == targetShape[inner]) {
            inner--;
        }
        long runLength = 1;
        for (int axis = inner; axis < rank; axis++) {
            runLength *= count[axis];
        }
        long[] strides = new long[rank];
        long stride = 1;
        for (int axis = rank - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= targetShape[axis];
        }
        long base = 0;
        for (int axis = 0; axis < rank; axis++) {
            base += targetStart[axis] * strides[axis];
        }
        long[] position = new long[inner]; // over the axes outside the runs
        int blockOffset = 0;
        while (true) {
            long target = base;
            for (int axis = 0; axis < inner; axis++) {
                target += position[axis] * strides[axis];
            }
            visitor.run(blockOffset, target, (int) runLength);
            blockOffset += (int) runLength;
            int axis = inner - 1;
            while (axis >= 0 && ++position[axis] == count[axis]) {
                position[axis] = 0;
                axis--;
            }
            if (axis < 0) {
                return;
            }
        }
    }
}
