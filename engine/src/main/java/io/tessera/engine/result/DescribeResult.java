package io.tessera.engine.result;

import java.util.List;

/** DESCRIBE's answer: per array its name, dtype, shape, chunks and bytes. */
public record DescribeResult(List<Description> arrays) implements StatementResult {
    /** One array; {@code chunks} has the block sizes per axis, as Dask's {@code .chunks}. */
    public record Description(String name, String dtype, long[] shape, List<long[]> chunks, long bytes) {
    }

    public DescribeResult {
        arrays = List.copyOf(arrays);
    }
}
