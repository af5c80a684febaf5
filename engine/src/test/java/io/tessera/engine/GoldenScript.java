package io.tessera.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One golden {@code .test} file: its records in order, and a way to write it back with new expected
 * outputs (complete mode). The format is sqllogictest's, as DataFusion and DuckDB use it:
 *
 * <pre>
 * # a comment
 * statement ok
 * CREATE VIEW v AS npy('a.npy')
 *
 * statement error unknown name 'vv'
 * SELECT vv
 *
 * query            (or: query json, query csv)
 * SELECT sum(v, axis => 0) AS s
 * ----
 * s: int64 (3,) =
 * [18 22 26]
 *
 * explain          (or: explain reads, which compares only what follows "== Reads ==")
 * EXPLAIN SELECT ...
 * ----
 * ...
 * </pre>
 *
 * The SQL of a record runs up to a blank line or {@code ----}. An expected output may itself hold
 * blank lines (NumPy separates the 2-D blocks of a 3-D array by one), so it runs up to a blank line
 * followed by a new record or a comment, or to the end of the file.
 */
final class GoldenScript {
    /** What a record checks. */
    enum Kind { STATEMENT_OK, STATEMENT_ERROR, QUERY, EXPLAIN }

    /**
     * One record. {@code mode} is the output form: text, json or csv for a query; all or reads for
     * an explain; the expected message substring for a statement error. {@code expectedStart} and
     * {@code expectedEnd} are 0-based line indexes of the expected output (after {@code ----}), or
     * -1 when the record has none yet; {@code sqlEnd} is the index just past its SQL.
     */
    record Record(Kind kind, String mode, String sql, String expected, int line, int sqlEnd, int expectedStart,
                  int expectedEnd) {
        Record {
            Objects.requireNonNull(kind, "kind is null");
            Objects.requireNonNull(mode, "mode is null");
            Objects.requireNonNull(sql, "sql is null");
        }

        boolean hasOutput() {
            return kind == Kind.QUERY || kind == Kind.EXPLAIN;
        }
    }

    private final Path path;
    private final List<String> lines;
    private final List<Record> records;

    private GoldenScript(Path path, List<String> lines, List<Record> records) {
        this.path = path;
        this.lines = lines;
        this.records = records;
    }

    Path path() {
        return path;
    }

    List<Record> records() {
        return records;
    }

    static GoldenScript read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GoldenScript(path, lines, parse(path, lines));
    }

    private static List<Record> parse(Path path, List<String> lines) {
        List<Record> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String header = lines.get(i).strip();
            if (header.isEmpty() || header.startsWith("#")) {
                i++;
                continue;
            }
            int headerLine = i + 1;
            String[] words = header.split("\\s+", 3);
            Kind kind;
            String mode;
            switch (words[0]) {
                case "statement" -> {
                    if (words.length >= 2 && words[1].equals("ok") && words.length == 2) {
                        kind = Kind.STATEMENT_OK;
                        mode = "";
                    } else if (words.length >= 2 && words[1].equals("error")) {
                        kind = Kind.STATEMENT_ERROR;
                        mode = words.length == 3 ? words[2] : "";
                    } else {
                        throw bad(path, headerLine, "expected 'statement ok' or 'statement error <message>'");
                    }
                }
                case "query" -> {
                    kind = Kind.QUERY;
                    mode = words.length >= 2 ? words[1] : "text";
                    if (!List.of("text", "json", "csv").contains(mode) || words.length > 2) {
                        throw bad(path, headerLine, "expected 'query', 'query json' or 'query csv'");
                    }
                }
                case "explain" -> {
                    kind = Kind.EXPLAIN;
                    mode = words.length >= 2 ? words[1] : "all";
                    if (!List.of("all", "reads").contains(mode) || words.length > 2) {
                        throw bad(path, headerLine, "expected 'explain' or 'explain reads'");
                    }
                }
                default -> throw bad(path, headerLine, "unknown record '" + header + "'");
            }
            i++;
            StringBuilder sql = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
                sql.append(sql.length() > 0 ? "\n" : "").append(lines.get(i));
                i++;
            }
            if (sql.length() == 0) {
                throw bad(path, headerLine, "a record needs SQL below its header");
            }
            int sqlEnd = i;
            int expectedStart = -1;
            int expectedEnd = -1;
            String expected = null;
            if (i < lines.size() && lines.get(i).equals("----")) {
                if (kind != Kind.QUERY && kind != Kind.EXPLAIN) {
                    throw bad(path, headerLine, "only query and explain records have an expected output");
                }
                i++;
                expectedStart = i;
                while (i < lines.size() && !(lines.get(i).isBlank() && startsRecord(lines, i + 1))) {
                    i++;
                }
                expectedEnd = i;
                while (expectedEnd > expectedStart && lines.get(expectedEnd - 1).isBlank()) {
                    expectedEnd--;
                }
                expected = String.join("\n", lines.subList(expectedStart, expectedEnd));
            }
            records.add(new Record(kind, mode, sql.toString(), expected, headerLine, sqlEnd, expectedStart,
                    expectedEnd));
        }
        return List.copyOf(records);
    }

    /** True when the first non-blank line from {@code from} on starts a record or a comment, or there is none. */
    private static boolean startsRecord(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                return line.startsWith("#") || line.startsWith("statement ") || line.startsWith("query")
                        || line.startsWith("explain");
            }
        }
        return true;
    }

    private static IllegalArgumentException bad(Path path, int line, String message) {
        return new IllegalArgumentException(path.getFileName() + ":" + line + ": " + message);
    }

    /**
     * Writes the file back with {@code outputs.get(i)} as the expected output of record {@code i}
     * (a null entry keeps the record as it is); for a statement error the output is its message.
     */
    void rewrite(List<String> outputs) {
        List<String> result = new ArrayList<>(lines);
        // from the last record back, so earlier line indexes stay valid
        for (int r = records.size() - 1; r >= 0; r--) {
            Record record = records.get(r);
            String output = outputs.get(r);
            if (output == null) {
                continue;
            }
            if (record.kind() == Kind.STATEMENT_ERROR) {
                int header = record.line() - 1;
                result.set(header, "statement error " + output);
                continue;
            }
            List<String> replacement = output.isEmpty() ? List.of() : List.of(output.split("\n", -1));
            if (record.expectedStart() >= 0) {
                result.subList(record.expectedStart(), record.expectedEnd()).clear();
                result.addAll(record.expectedStart(), replacement);
            } else {
                List<String> inserted = new ArrayList<>();
                inserted.add("----");
                inserted.addAll(replacement);
                result.addAll(record.sqlEnd(), inserted);
            }
        }
        try {
            Files.writeString(path, String.join("\n", result) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
