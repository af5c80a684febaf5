package io.tessera.engine.result;

import io.tessera.executor.ChunkGrid;
import java.util.List;

/** DESCRIBE's answer: per array its name, dtype, shape, chunks and bytes. */
public record DescribeResult(List<Description> arrays) implements StatementResult {
    /** One array, with its chunk grid. */
    public record Description(String name, String dtype, long[] shape, ChunkGrid chunks, long bytes) {
    }

    public DescribeResult {
        arrays = List.copyOf(arrays);
    }
}
