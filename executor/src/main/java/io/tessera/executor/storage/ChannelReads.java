package io.tessera.executor.storage;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;
import io.tessera.executor.FlatRuns;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Positional reads from a file channel: whole byte ranges, and boxes of contiguously stored arrays. */
final class ChannelReads {
    private ChannelReads() {
    }

    /**
     * Fills {@code buffer} (to its limit) from {@code position}, then flips it for reading; tells
     * {@code readAhead} (when there is one) what was read.
     */
    static void readFully(FileChannel channel, ByteBuffer buffer, long position, String fileName,
            ReadAhead readAhead) {
        try {
            long at = position;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw new ExecutorException(ExecutorException.Kind.IO, fileName + " is truncated: it ends at byte "
                            + channel.size() + " but data reaches byte " + (position + buffer.limit()));
                }
                at += n;
            }
            buffer.flip();
            if (readAhead != null) {
                readAhead.afterRead(position, buffer.limit());
            }
        } catch (IOException e) {
            throw new ExecutorException(ExecutorException.Kind.IO, "cannot read " + fileName + ": "
                    + Hdf5File.reason(e), e);
        }
    }

    /**
     * Reads {@code box} of a row-major array of {@code shape} stored from byte {@code dataStart},
     * one contiguous run at a time.
     */
    static Block readBox(FileChannel channel, ReadAhead readAhead, long dataStart, long[] shape, DType dtype,
            ByteOrder order, Box box, IoContext io, ArraySource source, String fileName) {
        Block block = io.allocate(dtype, box.intShape());
        int itemSize = dtype.itemSize();
        FlatRuns.runs(shape, box, (elementOffset, boxOffset, count) -> {
            long byteOffset = elementOffset * itemSize;
            int done = 0;
            while (done < count) {
                int piece = Math.min(count - done, FlatRuns.MAX_READ_BYTES / itemSize);
                ByteBuffer raw = io.rawBuffer(piece * itemSize);
                readFully(channel, raw, dataStart + byteOffset + (long) done * itemSize, fileName, readAhead);
                ByteDecoder.decode(raw, order, block, boxOffset + done, piece);
                done += piece;
            }
            io.bytesRead(source, (long) count * itemSize);
        });
        return block;
    }
}
