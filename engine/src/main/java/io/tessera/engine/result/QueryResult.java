package io.tessera.engine.result;

import java.util.List;

/** The values a SELECT returned, and what running it took. */
public record QueryResult(List<ResultItem> items, double elapsedMs, long bytesRead, long peakMemoryBytes)
        implements StatementResult {
    public QueryResult {
        items = List.copyOf(items);
    }
}
