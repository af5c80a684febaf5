package io.tessera.executor.storage;

import io.tessera.executor.Block;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Copies stored bytes into primitive arrays (and back), honouring the stored byte order. */
public final class ByteDecoder {
    private ByteDecoder() {
    }

    /**
     * Decodes {@code n} elements from {@code source} (from its position) into {@code target} starting
     * at element {@code offset}; advances the buffer's position.
     */
    public static void decode(ByteBuffer source, ByteOrder order, Block target, int offset, int n) {
        ByteBuffer in = source.slice().order(order);
        int itemSize = target.dtype().itemSize();
        switch (target.dtype()) {
            case BOOL -> {
                byte[] out = (byte[]) target.data();
                in.get(out, offset, n);
                for (int i = offset; i < offset + n; i++) {
                    out[i] = (byte) (out[i] != 0 ? 1 : 0);
                }
            }
            case INT8, UINT8 -> in.get((byte[]) target.data(), offset, n);
            case INT16, UINT16 -> in.asShortBuffer().get((short[]) target.data(), offset, n);
            case INT32, UINT32 -> in.asIntBuffer().get((int[]) target.data(), offset, n);
            case INT64, UINT64 -> in.asLongBuffer().get((long[]) target.data(), offset, n);
            case FLOAT32 -> in.asFloatBuffer().get((float[]) target.data(), offset, n);
            case FLOAT64 -> in.asDoubleBuffer().get((double[]) target.data(), offset, n);
        }
        source.position(source.position() + n * itemSize);
    }

}
