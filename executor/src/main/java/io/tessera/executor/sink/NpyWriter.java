package io.tessera.executor.sink;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a NumPy {@code .npy} file (format 1.0, or 2.0 for a very long header): the header, then
 * the array in C order, little-endian. Boxes are written where they belong with positional writes,
 * one per contiguous run, so any number of threads may write at once in any order.
 */
public final class NpyWriter implements ChunkSink, AutoCloseable {
    private final FileChannel channel;
    private final DType dtype;
    private final long[] shape;
    private final long dataStart;
    private final ThreadLocal<ByteBuffer> buffers = new ThreadLocal<>();

    public NpyWriter(Path path, DType dtype, long[] shape) throws IOException {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        byte[] header = header(dtype, shape);
        channel.write(ByteBuffer.wrap(header), 0);
        this.dataStart = header.length;
        long size = dtype.itemSize();
        for (long dim : shape) {
            size *= dim;
        }
        if (size > 0) {
            // the file has its full length from the start, whatever order the boxes come in
            channel.write(ByteBuffer.allocate(1), dataStart + size - 1);
        }
    }

    /** The magic string, version, header length and the header dict, padded to a multiple of 64 bytes. */
    static byte[] header(DType dtype, long[] shape) {
        StringBuilder dims = new StringBuilder();
        for (long dim : shape) {
            dims.append(dim).append(", ");
        }
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (shape.length == 0 ? "" : dims.substring(0, dims.length() - 2)) + ")";
        String dict = "{'descr': '" + dtype.typeString(ByteOrder.LITTLE_ENDIAN) + "', 'fortran_order': False, 'shape': "
                + tuple + ", }";
        boolean wide = dict.length() + 11 > 65535;
        int prefix = wide ? 12 : 10;
        int total = (prefix + dict.length() + 1 + 63) / 64 * 64;
        StringBuilder padded = new StringBuilder(dict);
        while (prefix + padded.length() + 1 < total) {
            padded.append(' ');
        }
        padded.append('\n');
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.put((byte) (wide ? 2 : 1)).put((byte) 0);
        if (wide) {
            out.putInt(padded.length());
        } else {
            out.putShort((short) padded.length());
        }
        out.put(padded.toString().getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    @Override
    public void write(Box box, Block block) throws IOException {
        int itemSize = dtype.itemSize();
        BlockBytes.forEachRun(box.count(), shape, box.start(), (from, target, length) -> {
            ByteBuffer buffer = buffer(length * itemSize);
            buffer.clear();
            BlockBytes.put(block, from, length, buffer);
            buffer.flip();
            long at = dataStart + target * itemSize;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        });
    }

    private ByteBuffer buffer(int bytes) {
        ByteBuffer buffer = buffers.get();
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(Math.max(bytes, 1 << 16));
            buffers.set(buffer);
        }
        return buffer;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
