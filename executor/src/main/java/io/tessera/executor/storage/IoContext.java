package io.tessera.executor.storage;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import java.nio.ByteBuffer;
import java.util.zip.Inflater;

/**
 * What a reading thread reuses from one chunk to the next: raw and decoded byte buffers, an
 * inflater, and where to allocate decoded blocks and report what it read.
 */
public interface IoContext {
    /** A direct little-endian buffer of at least {@code bytes}, positioned at 0 with limit {@code bytes}. */
    ByteBuffer rawBuffer(int bytes);

    /** A second direct buffer, distinct from {@link #rawBuffer}, for a filter's output. */
    ByteBuffer scratchBuffer(int bytes);

    Inflater inflater();

    /** A block for decoded chunk data, given back when the operator or task that read it is done. */
    Block allocate(DType dtype, int[] shape);

    /** Records that {@code bytes} were read from {@code source}. */
    void bytesRead(ArraySource source, long bytes);

    /** Throws when the statement has been cancelled. */
    void checkCancelled();

}
