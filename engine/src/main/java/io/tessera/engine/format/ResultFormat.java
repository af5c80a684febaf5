package io.tessera.engine.format;

import io.tessera.engine.TesseraException;
import io.tessera.engine.result.StatementResult;
import java.util.Locale;

/** A way to write results and errors: text (as NumPy prints), JSON lines, or CSV cells. */
public interface ResultFormat {
    /** The text for one statement's result, ending with a newline. */
    String format(StatementResult result);

    /** The line for an error, or null when the format writes none to standard output. */
    String error(TesseraException error);

    /** The format called {@code name}: text, json or csv. */
    static ResultFormat named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextFormat();
            case "json" -> new JsonFormat();
            case "csv" -> new CsvFormat();
            default -> throw TesseraException.of(TesseraException.Category.ARGUMENT, "unknown format '" + name
                    + "': use text, json or csv");
        };
    }

    /** The one line an error gets on standard error: {@code error: ...}. */
    static String errorLine(TesseraException error) {
        return "error: " + error.getMessage().replace('\n', ' ');
    }
}
