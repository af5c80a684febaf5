package io.tessera.planner;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;

/** What DESCRIBE reports of an array: its name, dtype, shape, chunks and size in bytes. */
public record ArrayInfo(String name, DType dtype, long[] shape, ChunkGrid chunks, long bytes) {
}
