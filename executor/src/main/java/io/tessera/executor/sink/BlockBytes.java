package io.tessera.executor.sink;

import io.tessera.executor.Block;
import io.tessera.executor.Shapes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A block's elements as every sink writes them: little-endian bytes in row-major order, and the
 * contiguous runs in which a block lands inside a larger row-major array (a chunk or a whole file).
 */
final class BlockBytes {
    /** Receives one run: {@code length} elements from {@code blockOffset} of the block go to {@code targetOffset}. */
    interface RunVisitor {
        void run(int blockOffset, long targetOffset, int length) throws IOException;
    }

    private BlockBytes() {
    }

    /** Puts elements {@code [from, from + count)} of {@code block} into {@code out} at its position, advancing it. */
    static void put(Block block, int from, int count, ByteBuffer out) {
        ByteBuffer buffer = out.order(ByteOrder.LITTLE_ENDIAN);
        int at = buffer.position();
        switch (block.dtype()) {
            case BOOL, INT8, UINT8 -> buffer.put((byte[]) block.data(), from, count);
            case INT16, UINT16 -> buffer.asShortBuffer().put((short[]) block.data(), from, count);
            case INT32, UINT32 -> buffer.asIntBuffer().put((int[]) block.data(), from, count);
            case INT64, UINT64 -> buffer.asLongBuffer().put((long[]) block.data(), from, count);
            case FLOAT32 -> buffer.asFloatBuffer().put((float[]) block.data(), from, count);
            case FLOAT64 -> buffer.asDoubleBuffer().put((double[]) block.data(), from, count);
        }
        buffer.position(at + count * block.dtype().itemSize());
    }

    /**
     * The bytes of a whole stored chunk of {@code chunkShape} holding {@code block} (of shape
     * {@code count}, the chunk clipped to the array) in its corner, zeros elsewhere.
     */
    static byte[] padded(Block block, long[] count, long[] chunkShape, int chunkBytes) throws IOException {
        byte[] bytes = new byte[chunkBytes];
        padded(block, count, chunkShape, ByteBuffer.wrap(bytes));
        return bytes;
    }

    /** As {@link #padded(Block, long[], long[], int)}, into {@code out} from 0 to its limit (the chunk's bytes). */
    static void padded(Block block, long[] count, long[] chunkShape, ByteBuffer out) throws IOException {
        ByteBuffer buffer = out.order(ByteOrder.LITTLE_ENDIAN);
        if (!java.util.Arrays.equals(count, chunkShape)) {
            zero(buffer); // an edge block leaves the rest of the chunk as zeros
        }
        int itemSize = block.dtype().itemSize();
        forEachRun(count, chunkShape, new long[count.length], (from, target, length) -> {
            buffer.position((int) (target * itemSize));
            put(block, from, length, buffer);
        });
    }

    private static void zero(ByteBuffer buffer) {
        int limit = buffer.limit();
        int at = 0;
        for (; at + 8 <= limit; at += 8) {
            buffer.putLong(at, 0L);
        }
        for (; at < limit; at++) {
            buffer.put(at, (byte) 0);
        }
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
        long[] strides = Shapes.strides(targetShape);
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
