package io.tessera.shell;

import io.tessera.engine.Session;
import io.tessera.engine.TesseraException;
import io.tessera.engine.format.ResultFormat;
import io.tessera.engine.result.IntoResult;
import io.tessera.engine.result.QueryResult;
import io.tessera.engine.result.StatementResult;
import io.tessera.executor.run.MemoryBudget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The interactive shell: statements span lines and end with {@code ;}, history persists between
 * runs, backslash commands change how results print, and Ctrl-C cancels the running statement
 * while the shell goes on (Ctrl-D or {@code \q} leaves).
 */
final class Repl {
    private static final String PROMPT = "tessera> ";
    private static final String CONTINUATION = "     ...> ";

    private final Terminal terminal;
    private final Session session;
    private final Path history;
    private ResultFormat format;
    private String formatName;
    private boolean timing;

    Repl(Terminal terminal, Session session, String formatName, Path history) {
        this.terminal = terminal;
        this.session = session;
        this.format = ResultFormat.named(formatName);
        this.formatName = formatName;
        this.history = history;
    }

    /** Reads and runs statements until Ctrl-D or {@code \q}; returns the exit status. */
    int run() {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("tessera")
                .parser(new StatementParser())
                .completer(new StatementCompleter(session))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .build();
        PrintWriter out = terminal.writer();
        out.println("Tessera: statements end with ;  \\help for help, \\q or Ctrl-D to leave.");
        while (true) {
            String text;
            try {
                text = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C while typing drops the statement
            } catch (EndOfFileException e) {
                out.flush();
                return 0;
            }
            String command = text.strip();
            if (command.isEmpty()) {
                continue;
            }
            if (command.startsWith("\\")) {
                if (!backslash(command, out)) {
                    out.flush();
                    return 0;
                }
                continue;
            }
            execute(text, out);
        }
    }

    private void execute(String text, PrintWriter out) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.cancel());
        long start = System.nanoTime();
        // a dumb terminal (or none) cannot redraw a line in place: no bar there
        ProgressBar bar = terminal.getType().startsWith(Terminal.TYPE_DUMB) ? null : new ProgressBar(out);
        session.onProgress(bar);
        try {
            session.execute(text, result -> {
                if (bar != null) {
                    bar.clear();
                }
                out.print(format.format(result));
                if (timing) {
                    out.println(timingLine(result, (System.nanoTime() - start) / 1e6));
                }
                out.flush();
            });
        } catch (TesseraException e) {
            if (bar != null) {
                bar.clear();
            }
            out.print(caret(text, e));
            out.println(ResultFormat.errorLine(e));
        } finally {
            if (bar != null) {
                bar.close();
            }
            session.onProgress(null);
            terminal.handle(Terminal.Signal.INT, previous);
            out.flush();
        }
    }

    /** The line of the statement holding a syntax error, with a caret under its column. */
    static String caret(String text, TesseraException e) {
        if (!e.hasPosition()) {
            return "";
        }
        String[] lines = text.split("\n", -1);
        if (e.line() > lines.length) {
            return "";
        }
        String line = lines[e.line() - 1];
        int column = Math.max(1, Math.min(e.column(), line.length() + 1));
        return line + "\n" + " ".repeat(column - 1) + "^\n";
    }

    private static String timingLine(StatementResult result, double wallMs) {
        long bytes = result instanceof QueryResult query ? query.bytesRead()
                : result instanceof IntoResult into ? into.bytesRead() : 0;
        return String.format(Locale.ROOT, "time: %.1f ms, read %s", wallMs, MemoryBudget.formatBytes(bytes));
    }

    /** Runs a backslash command; false when it asks to leave. */
    private boolean backslash(String command, PrintWriter out) {
        String[] words = command.split("\\s+");
        switch (words[0]) {
            case "\\q", "\\quit" -> {
                return false;
            }
            case "\\timing" -> {
                timing = words.length > 1 ? words[1].equalsIgnoreCase("on") : !timing;
                out.println("timing is " + (timing ? "on" : "off"));
            }
            case "\\format" -> {
                if (words.length < 2) {
                    out.println("format is " + formatName);
                } else {
                    try {
                        format = ResultFormat.named(words[1]);
                        formatName = words[1].toLowerCase(Locale.ROOT);
                        out.println("format is " + formatName);
                    } catch (TesseraException e) {
                        out.println(ResultFormat.errorLine(e));
                    }
                }
            }
            case "\\help", "\\?" -> out.print("""
                    Statements end with ; and may span lines (see docs/LANGUAGE.md).
                      \\timing [on|off]        print each statement's time and bytes read
                      \\format text|csv|json   how results print
                      \\q                      leave (or Ctrl-D); Ctrl-C cancels a running statement
                    """);
            default -> out.println("error: unknown command " + words[0] + " (\\help lists them)");
        }
        return true;
    }

    /** Keeps reading lines until the statement is complete. */
    private static final class StatementParser extends DefaultParser {
        StatementParser() {
            setEscapeChars(new char[0]); // a backslash starts a shell command, it escapes nothing
            setQuoteChars(new char[0]); // the completer sees quotes as typed, to complete paths inside them
        }

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !StatementEnd.isComplete(line)) {
                throw new EOFError(-1, cursor, "the statement goes on until ;");
            }
            return super.parse(line, cursor, context);
        }
    }
}
