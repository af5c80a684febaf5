package io.tessera.executor.sink;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.ChunkGrids;
import io.tessera.executor.DType;

/** One array an {@code INTO} statement writes: its name, dtype, shape and the chunks it arrives in. */
public record ResultItem(String name, DType dtype, long[] shape, ChunkGrid chunks) {
    /** The chunk shape a chunked sink stores: the planner computes the item on a regular grid of it. */
    public long[] storedChunks() {
        return ChunkGrids.largestChunks(chunks);
    }
}
