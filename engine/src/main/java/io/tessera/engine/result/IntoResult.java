package io.tessera.engine.result;

import java.util.List;
import java.util.Map;

/**
 * What a {@code SELECT ... INTO sink} wrote: the sink and its arguments, each array written, their
 * bytes in all, and what writing took.
 */
public record IntoResult(Map<String, Object> into, List<Written> items, long bytes, double elapsedMs,
        long bytesRead, long peakMemoryBytes) implements StatementResult {
    /** One array written: its item name, where it went (a dataset, or the file), dtype and shape. */
    public record Written(String name, String target, String dtype, long[] shape, long bytes) {
    }

    public IntoResult {
        items = List.copyOf(items);
    }
}
