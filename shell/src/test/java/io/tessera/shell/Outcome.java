package io.tessera.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What one run of the {@code tessera} command gave: its exit status and what it wrote to standard
 * output and standard error. Runs go through {@link Main#run} in this JVM, so they are quick.
 */
record Outcome(int status, String out, String err) {
    /** The fixtures the golden tests read (made by engine/src/test/fixtures/make_fixtures.py). */
    static final Path FIXTURES = Path.of("../engine/src/test/fixtures/golden").toAbsolutePath().normalize();

    static Outcome run(String... args) {
        return runWithInput("", args);
    }

    static Outcome runWithInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, outStream, errStream, in);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A query over the fixtures, confined to them. */
    static Outcome query(String... argsThenQuery) {
        String[] args = new String[argsThenQuery.length + 3];
        args[0] = "--root";
        args[1] = FIXTURES.toString();
        System.arraycopy(argsThenQuery, 0, args, 2, argsThenQuery.length - 1);
        args[args.length - 2] = "-c";
        args[args.length - 1] = argsThenQuery[argsThenQuery.length - 1];
        return run(args);
    }

    List<String> errLines() {
        return err.isEmpty() ? List.of() : List.of(err.split("\n"));
    }

    /** Asserts a success: status 0 and nothing on standard error. */
    Outcome succeeded() {
        assertEquals("", err, "standard error of a successful run");
        assertEquals(0, status, "exit status");
        return this;
    }

    /**
     * Asserts the error contract: status 1, exactly one line {@code error: ...} on standard error
     * containing {@code expected}, no stack trace, and not an internal error.
     */
    Outcome failedWith(String expected) {
        assertEquals(1, status, () -> "exit status; stdout: " + out + " stderr: " + err);
        List<String> lines = errLines();
        assertEquals(1, lines.size(), () -> "one line on standard error, got:\n" + err);
        String line = lines.get(0);
        assertTrue(line.startsWith("error: "), () -> "the error line starts with 'error: ': " + line);
        assertTrue(line.contains(expected), () -> "the error line contains '" + expected + "': " + line);
        assertFalse(line.contains("internal error"), () -> "a user's mistake is not an internal error: " + line);
        assertFalse(line.matches(".*\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*(Exception|Error)\\b.*"),
                () -> "no Java exception class names in the message: " + line);
        assertFalse(err.contains("\tat ") || out.contains("\tat "), "no stack trace");
        return this;
    }
}
