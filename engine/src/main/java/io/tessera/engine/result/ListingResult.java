package io.tessera.engine.result;

import java.util.List;
import java.util.Map;

/** SHOW VIEWS or SHOW FUNCTIONS: rows of named columns. */
public record ListingResult(String kind, List<String> columns, List<Map<String, String>> rows)
        implements StatementResult {
    public ListingResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
