package io.tessera.engine.format;

import java.util.Locale;
import io.tessera.engine.TesseraException;
import io.tessera.engine.result.DescribeResult;
import io.tessera.engine.result.ExplainResult;
import io.tessera.engine.result.IntoResult;
import io.tessera.engine.result.ListingResult;
import io.tessera.engine.result.MessageResult;
import io.tessera.engine.result.QueryResult;
import io.tessera.engine.result.ResultItem;
import io.tessera.engine.result.SourceRead;
import io.tessera.engine.result.StatementResult;
import io.tessera.executor.Shapes;
import io.tessera.executor.run.MemoryBudget;
import java.util.Map;

/**
 * The text form shared by the shell, golden tests and JDBC's strings: each item as
 * {@code name: dtype = value} for scalars, or its dtype and shape followed by the array as NumPy
 * prints it.
 */
public final class TextFormat implements ResultFormat {
    @Override
    public String format(StatementResult result) {
        if (result instanceof QueryResult query) {
            return query(query);
        }
        if (result instanceof ExplainResult explain) {
            return explain(explain);
        }
        if (result instanceof IntoResult into) {
            return into(into);
        }
        if (result instanceof DescribeResult describe) {
            return describe(describe);
        }
        if (result instanceof ListingResult listing) {
            return listing(listing);
        }
        return ((MessageResult) result).message() + "\n";
    }

    /** One item: {@code s: float64 = 12.5}, or a header line and the array below it. */
    public static String item(ResultItem item) {
        if (item.isText()) {
            return item.name() + ": str = '" + item.text() + "'";
        }
        if (item.shape().length == 0) {
            return item.name() + ": " + item.dtypeName() + " = " + NumpyText.format(item.values());
        }
        return item.name() + ": " + item.dtypeName() + " " + Shapes.format(item.shape()) + " =\n"
                + NumpyText.format(item.values());
    }

    /** One line per array written: {@code wrote t2m: float64 (31, 2880, 5760) to sub.hdf5:/t2m (3.8 GiB)}. */
    private static String into(IntoResult into) {
        StringBuilder text = new StringBuilder();
        for (IntoResult.Written written : into.items()) {
            text.append("wrote ").append(written.name()).append(": ").append(written.dtype()).append(' ')
                    .append(Shapes.format(written.shape())).append(" to ").append(written.target()).append(" (")
                    .append(MemoryBudget.formatBytes(written.bytes())).append(")\n");
        }
        return text.toString();
    }

    private static String query(QueryResult query) {
        StringBuilder text = new StringBuilder();
        for (ResultItem item : query.items()) {
            text.append(item(item)).append('\n');
        }
        return text.toString();
    }

    private static String explain(ExplainResult explain) {
        StringBuilder text = new StringBuilder(explain.planText());
        text.append("== ").append(explain.analyzed() ? "Read" : "Reads").append(" ==\n");
        for (SourceRead read : explain.sources()) {
            if (read.generated()) {
                text.append(read.source()).append(": generates ").append(MemoryBudget.formatBytes(read.bytesRead()))
                        .append(" of ").append(MemoryBudget.formatBytes(read.bytesTotal())).append(String.format(
                                java.util.Locale.ROOT, " (%.3g%%) in %d chunks",
                                100.0 * read.bytesRead() / Math.max(1, read.bytesTotal()), read.chunksRead()))
                        .append('\n');
                continue;
            }
            text.append(read.source()).append(": chunks ").append(read.chunksRead()).append(" of ")
                    .append(read.chunksTotal()).append(", bytes ").append(MemoryBudget.formatBytes(read.bytesRead()))
                    .append(" of ").append(MemoryBudget.formatBytes(read.bytesTotal())).append('\n');
        }
        text.append("tasks: ").append(explain.tasks()).append('\n');
        if (explain.analyzed()) {
            text.append("elapsed: ").append(explain.elapsedMs()).append(" ms, peak memory: ")
                    .append(MemoryBudget.formatBytes(explain.peakMemoryBytes())).append('\n');
        }
        return text.toString();
    }

    private static String describe(DescribeResult describe) {
        StringBuilder text = new StringBuilder();
        for (DescribeResult.Description array : describe.arrays()) {
            text.append(array.name()).append(": ").append(array.dtype()).append(' ')
                    .append(Shapes.format(array.shape())).append(" chunks=").append(array.chunks())
                    .append(" bytes=").append(array.bytes()).append('\n');
        }
        return text.toString();
    }

    private static String listing(ListingResult listing) {
        StringBuilder text = new StringBuilder();
        for (Map<String, String> row : listing.rows()) {
            if (listing.columns().contains("signature")) {
                text.append(String.format(Locale.ROOT, "%-44s %s\n", row.get("signature"), row.get("kind")));
            } else {
                text.append(row.get("name")).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public String error(TesseraException error) {
        return null;
    }
}
