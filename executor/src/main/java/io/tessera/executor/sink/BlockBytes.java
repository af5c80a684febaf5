package io.tessera.executor.sink;

import io.tessera.executor.Block;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Encodes runs of a block's elements as little-endian bytes, the byte order every sink writes. */
public final class BlockBytes {
    private BlockBytes() {
    }

    /** Puts elements {@code [offset, offset + count)} of {@code block} into {@code out} at its position. */
    public static void put(Block block, int offset, int count, ByteBuffer out) {
        ByteBuffer buffer = out.order(ByteOrder.LITTLE_ENDIAN);
        int at = buffer.position();
        switch (block.dtype()) {
            case BOOL, INT8, UINT8 -> buffer.put((byte[]) block.data(), offset, count);
            case INT16, UINT16 -> buffer.asShortBuffer().put((short[]) block.data(), offset, count);
            case INT32, UINT32 -> buffer.asIntBuffer().put((int[]) block.data(), offset, count);
            case INT64, UINT64 -> buffer.asLongBuffer().put((long[]) block.data(), offset, count);
            case FLOAT32 -> buffer.asFloatBuffer().put((float[]) block.data(), offset, count);
            case FLOAT64 -> buffer.asDoubleBuffer().put((double[]) block.data(), offset, count);
        }
        buffer.position(at + count * block.dtype().itemSize());
    }
}
