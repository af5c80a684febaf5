package io.tessera.executor.storage;

import io.tessera.executor.Box;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;

/**
 * An array kept in storage and read one stored chunk at a time. Implementations are safe to read
 * from many threads at once.
 */
public interface ArraySource {
    /** How EXPLAIN and error messages name this source, e.g. {@code data/x.hdf5:/t2m}. */
    String description();

    DType dtype();

    long[] shape();

    /** The units this source reads: stored chunks, or for contiguous data the boxes it reads at once. */
    ChunkGrid storageGrid();

    /** Bytes that reading this chunk takes from storage (compressed size where compressed). */
    long storedBytes(int[] chunk);

    /** Reads and decodes one chunk of {@link #storageGrid()}. */
    ChunkData readChunk(int[] chunk, IoContext io);

    /** A key that identifies this source among all sources of a statement (for sharing reads). */
    default Object identity() {
        return this;
    }

    /** The box of a chunk, clipped to the array. */
    default Box chunkBox(int[] chunk) {
        return storageGrid().chunkBox(chunk);
    }
}
