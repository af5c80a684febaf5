package io.tessera.engine.result;

import io.tessera.engine.TesseraException;
import java.util.List;

/** The values a SELECT returned, and what running it took. */
public record QueryResult(List<ResultItem> items, double elapsedMs, long bytesRead, long peakMemoryBytes)
        implements StatementResult {
    public QueryResult {
        items = List.copyOf(items);
    }

    /** The item called {@code name} (its {@code AS} name, or the expression's text). */
    public ResultItem item(String name) {
        for (ResultItem item : items) {
            if (item.name().equals(name)) {
                return item;
            }
        }
        throw TesseraException.of(TesseraException.Category.NAME, "no item '" + name + "' in the result; its items: "
                + String.join(", ", items.stream().map(ResultItem::name).toList()));
    }
}
