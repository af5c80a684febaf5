package io.tessera.executor.sink;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Turns a block into the bytes of one stored chunk, as HDF5's filter pipeline would: the block is
 * laid into a chunk of the full chunk shape (edge chunks padded with zeros, which readers drop),
 * then shuffled (byte k of every element together, for each k) and deflated (a zlib stream, as the
 * deflate filter writes with {@code compress2}). Many threads encode at once.
 */
final class Hdf5ChunkEncoder {
    /** The largest chunk this writer encodes (one Java array holds it; libhdf5's own limit is 4 GiB). */
    static final long MAX_CHUNK_BYTES = 1L << 30;

    private final long[] chunkShape;
    private final int itemSize;
    private final int chunkBytes;
    private final boolean shuffle;
    private final int deflateLevel;
    private final ThreadLocal<ByteBuffer> unfiltered = new ThreadLocal<>();

    Hdf5ChunkEncoder(DType dtype, long[] chunkShape, boolean shuffle, int deflateLevel) {
        this.chunkShape = chunkShape.clone();
        this.itemSize = dtype.itemSize();
        long elements = 1;
        for (long length : chunkShape) {
            elements *= length;
            if (elements * itemSize > MAX_CHUNK_BYTES) {
                throw new IllegalArgumentException("chunks of " + Arrays.toString(chunkShape) + " " + dtype
                        + " exceed " + MAX_CHUNK_BYTES + " bytes");
            }
        }
        this.chunkBytes = (int) (elements * itemSize);
        this.shuffle = shuffle;
        this.deflateLevel = deflateLevel;
    }

    /**
     * The encoded chunk holding {@code block}, whose shape is {@code count} (the chunk clipped to the
     * array). Unfiltered, it is the calling thread's direct buffer, valid until its next call: the
     * channel then writes it without another copy.
     */
    ByteBuffer encode(Block block, long[] count) throws IOException {
        if (!shuffle && deflateLevel < 0) {
            ByteBuffer direct = unfiltered.get();
            if (direct == null || direct.capacity() < chunkBytes) {
                direct = ByteBuffer.allocateDirect(chunkBytes);
                unfiltered.set(direct);
            }
            direct.clear().limit(chunkBytes);
            BlockBytes.padded(block, count, chunkShape, direct);
            return direct.position(0).limit(chunkBytes);
        }
        byte[] raw = BlockBytes.padded(block, count, chunkShape, chunkBytes);
        byte[] bytes = shuffle && itemSize > 1 ? shuffle(raw, itemSize) : raw;
        return deflateLevel >= 0 ? deflate(bytes, deflateLevel) : ByteBuffer.wrap(bytes);
    }

    private static byte[] shuffle(byte[] in, int itemSize) {
        int elements = in.length / itemSize;
        byte[] out = new byte[in.length];
        for (int k = 0; k < itemSize; k++) {
            int base = k * elements;
            for (int e = 0, from = k; e < elements; e++, from += itemSize) {
                out[base + e] = in[from];
            }
        }
        return out;
    }

    private static ByteBuffer deflate(byte[] in, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(in);
            deflater.finish();
            // zlib's compressBound: what incompressible input can grow to
            long bound = in.length + (in.length >>> 12) + (in.length >>> 14) + (in.length >>> 25) + 13;
            byte[] out = new byte[(int) Math.min(bound, Integer.MAX_VALUE - 8)];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length + (out.length >>> 1) + 64);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return ByteBuffer.wrap(out, 0, length);
        } finally {
            deflater.end();
        }
    }
}
