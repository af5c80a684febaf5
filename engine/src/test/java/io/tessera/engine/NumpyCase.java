package io.tessera.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case of a file under {@code src/test/fixtures/numpy/cases}: queries that must all give what a
 * NumPy expression gave (one expected item per select item), or must all fail with an error of
 * one category. The file's format is written by {@code reference.py}, beside it.
 *
 * @param queries the statements to run, each ending in the SELECT whose result is checked
 * @param numpy the NumPy expressions that computed the items (or raised), for failure messages
 * @param errorCategory the category of the expected {@link TesseraException}, or null
 * @param numpyError what NumPy raised, for failure messages, or null
 */
record NumpyCase(String name, List<String> queries, List<String> numpy, List<NumpyExpectedItem> items,
                 String errorCategory, String numpyError) {
    NumpyCase {
        requireNonNull(name, "name is null");
        queries = List.copyOf(queries);
        numpy = List.copyOf(numpy);
        items = List.copyOf(items);
        if (items.isEmpty() == (errorCategory == null)) {
            throw new IllegalArgumentException(name + ": a case has expected items or an expected error");
        }
    }

    static NumpyCase parse(JsonNode node) {
        String name = node.path("name").asText();
        List<String> numpy = new ArrayList<>();
        node.path("numpy").forEach(expression -> numpy.add(expression.asText()));
        List<NumpyExpectedItem> items = new ArrayList<>();
        node.path("items").forEach(item -> items.add(NumpyExpectedItem.parse(item)));
        JsonNode error = node.path("error");
        return new NumpyCase(name, expand(node), numpy, items,
                error.isMissingNode() ? null : error.path("category").asText(),
                error.isMissingNode() ? null : error.path("numpy").asText(null));
    }

    /**
     * The queries of a case: its template with source {@code i} of every alias put in (cycling
     * through an alias's sources when it has fewer), then the first query again after each of its
     * {@code settings} ({@code threads = 1}, say).
     */
    private static List<String> expand(JsonNode node) {
        String template = node.path("query").asText();
        JsonNode bind = node.path("bind");
        int count = 1;
        for (JsonNode sources : bind) {
            count = Math.max(count, sources.size());
        }
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String query = template;
            for (Map.Entry<String, JsonNode> alias : bind.properties()) {
                JsonNode sources = alias.getValue();
                query = query.replace("{" + alias.getKey() + "}", sources.get(i % sources.size()).asText());
            }
            queries.add(query);
        }
        for (JsonNode setting : node.path("settings")) {
            queries.add("SET " + setting.asText() + "; " + queries.get(0));
        }
        return queries;
    }

    boolean expectsError() {
        return errorCategory != null;
    }
}
