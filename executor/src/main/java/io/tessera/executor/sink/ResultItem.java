package io.tessera.executor.sink;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;

/** One array an {@code INTO} statement writes: its name, dtype, shape and the chunks it arrives in. */
public record ResultItem(String name, DType dtype, long[] shape, ChunkGrid chunks) {
}
