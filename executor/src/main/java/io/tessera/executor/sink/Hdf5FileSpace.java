package io.tessera.executor.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of the file being written: space is handed out by moving the end of the file forward
 * (one atomic add, so many threads may reserve at once) and filled by positional writes, which
 * FileChannel lets threads issue concurrently. Addresses are 64-bit file offsets.
 */
final class Hdf5FileSpace {
    private final FileChannel channel;
    private final AtomicLong end;

    /** Space starting at {@code start}; the bytes before it are reserved (for the superblock). */
    Hdf5FileSpace(FileChannel channel, long start) {
        this.channel = channel;
        this.end = new AtomicLong(start);
    }

    /** Reserves {@code bytes} at the end of the file and returns their address. */
    long reserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot reserve " + bytes + " bytes");
        }
        return end.getAndAdd(bytes);
    }

    /** Where the next reservation would start: the file's length once everything reserved is written. */
    long end() {
        return end.get();
    }

    /** Writes all of {@code data} (position to limit) at {@code address}. */
    void write(long address, ByteBuffer data) throws IOException {
        long at = address;
        while (data.hasRemaining()) {
            at += channel.write(data, at);
        }
    }

    void write(long address, Hdf5Bytes data) throws IOException {
        write(address, data.toBuffer());
    }
}
