package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tessera.engine.format.CsvFormat;
import io.tessera.engine.format.JsonFormat;
import io.tessera.engine.format.ResultFormat;
import io.tessera.engine.format.TextFormat;
import io.tessera.engine.result.StatementResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the golden files {@code src/test/resources/golden/*.test}: one dynamic test per record,
 * named {@code file:line}. The records of a file run in order in one session (so views and
 * settings carry over), over the data root {@code src/test/fixtures/golden}, confined to it.
 *
 * <p>With {@code -Dgolden.complete=true} the records without an expected output get Tessera's
 * output (and empty {@code statement error} messages get the actual message); with
 * {@code -Dgolden.complete=all} every expected output is rewritten, including those kept on purpose
 * where Tessera is wrong, so review that diff against NumPy like code before committing it.
 * {@code -Dgolden.files=a.test,b.test} limits a run (and a completion) to some files.
 */
class GoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Path FIXTURES = Path.of("src/test/fixtures/golden");
    private static final String COMPLETION = System.getProperty("golden.complete", "false");
    private static final boolean COMPLETE = COMPLETION.equals("true") || COMPLETION.equals("all");
    private static final boolean COMPLETE_ALL = COMPLETION.equals("all");
    private static final List<String> ONLY = Arrays.stream(System.getProperty("golden.files", "").split(","))
            .map(String::strip).filter(name -> !name.isEmpty()).toList();

    /** Open sessions, closed after all files ran; and in complete mode the outputs to write back. */
    private static final List<Session> SESSIONS = new ArrayList<>();
    private static final Map<GoldenScript, List<String>> COMPLETED = new LinkedHashMap<>();

    @TestFactory
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    Stream<DynamicNode> goldenFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(GOLDEN)) {
            files = listing.filter(p -> p.toString().endsWith(".test"))
                    .filter(p -> ONLY.isEmpty() || ONLY.contains(p.getFileName().toString()))
                    .sorted().toList();
        }
        assertFalse(files.isEmpty(), "no golden files under " + GOLDEN.toAbsolutePath());
        return files.stream().map(GoldenTest::container);
    }

    private static DynamicContainer container(Path file) {
        GoldenScript script = GoldenScript.read(file);
        String name = file.getFileName().toString();
        List<String> outputs = new ArrayList<>(Arrays.asList(new String[script.records().size()]));
        if (COMPLETE) {
            COMPLETED.put(script, outputs);
        }
        Session[] session = new Session[1];
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < script.records().size(); i++) {
            GoldenScript.Record record = script.records().get(i);
            int index = i;
            tests.add(DynamicTest.dynamicTest(name + ":" + record.line(), file.toUri(), () -> {
                if (session[0] == null) {
                    session[0] = open();
                }
                run(session[0], record, output -> outputs.set(index, output));
            }));
        }
        return DynamicContainer.dynamicContainer(name, file.toUri(), tests.stream());
    }

    private static synchronized Session open() {
        Session session = Tessera.open(FIXTURES, true, Settings.defaults().withThreads(4));
        SESSIONS.add(session);
        return session;
    }

    /** Receives the actual output of a record, for complete mode. */
    private interface Completion {
        void actual(String output);
    }

    private static void run(Session session, GoldenScript.Record record, Completion completion) {
        switch (record.kind()) {
            case STATEMENT_OK -> {
                try {
                    session.execute(record.sql());
                } catch (TesseraException e) {
                    fail("expected the statement to succeed, it failed with: " + e.getMessage(), e);
                }
            }
            case STATEMENT_ERROR -> {
                TesseraException error = failure(session, record.sql());
                assertNotEquals(TesseraException.Category.INTERNAL, error.category(),
                        "a user's mistake must not be an internal error: " + error.getMessage());
                if (record.mode().isEmpty()) {
                    completion.actual(error.getMessage());
                    assertTrue(COMPLETE, "statement error needs a message substring; actual: " + error.getMessage());
                } else {
                    assertTrue(error.getMessage().contains(record.mode()), () -> "expected an error containing\n  "
                            + record.mode() + "\nbut got\n  " + error.getMessage());
                }
            }
            case QUERY, EXPLAIN -> {
                String actual;
                try {
                    actual = output(session, record);
                } catch (TesseraException e) {
                    throw new AssertionError("expected a result, the statement failed with: " + e.getMessage(), e);
                }
                completion.actual(actual);
                if (record.expected() == null) {
                    assertTrue(COMPLETE, "no expected output (---- and below); run with -Dgolden.complete=true");
                } else if (!COMPLETE_ALL) {
                    assertEquals(record.expected(), actual);
                }
            }
        }
    }

    private static TesseraException failure(Session session, String sql) {
        try {
            session.execute(sql);
        } catch (TesseraException e) {
            return e;
        }
        throw new AssertionError("expected an error, the statement succeeded");
    }

    /** What the record's statements print in its form, with timings masked and trailing newlines removed. */
    private static String output(Session session, GoldenScript.Record record) {
        ResultFormat format = switch (record.mode()) {
            case "json" -> new JsonFormat();
            case "csv" -> new CsvFormat();
            default -> new TextFormat();
        };
        StringBuilder text = new StringBuilder();
        for (StatementResult result : session.execute(record.sql())) {
            text.append(format.format(result));
        }
        String output = mask(text.toString());
        if (record.kind() == GoldenScript.Kind.EXPLAIN && record.mode().equals("reads")) {
            int reads = Math.max(output.indexOf("== Reads =="), output.indexOf("== Read =="));
            assertTrue(reads >= 0, () -> "no '== Reads ==' section in\n" + text);
            output = output.substring(reads);
        }
        return output.replaceAll("\n+$", "");
    }

    /** Replaces what varies from run to run (times, peak memory) by {@code *}. */
    static String mask(String output) {
        return output
                .replaceAll("\"elapsed_ms\":[0-9.eE+-]+", "\"elapsed_ms\":*")
                .replaceAll("\"peak_memory_bytes\":[0-9]+", "\"peak_memory_bytes\":*")
                .replaceAll("(?m)^elapsed: .* ms, peak memory: .*$", "elapsed: * ms, peak memory: *");
    }

    /** Every fixture is read by some golden file (a file of weather/ counts when a glob of it is named). */
    @Test
    void everyFixtureIsUsed() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> listing = Files.list(GOLDEN)) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".test")).toList()) {
                all.append(Files.readString(file));
            }
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            for (Path fixture : walk.filter(Files::isRegularFile).toList()) {
                String relative = FIXTURES.relativize(fixture).toString().replace('\\', '/');
                String directory = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : null;
                if (!all.toString().contains("'" + relative + "'")
                        && (directory == null || !all.toString().contains("'" + directory + "/*"))) {
                    unused.add(relative);
                }
            }
        }
        assertTrue(unused.isEmpty(), "fixtures no golden file reads: " + unused);
    }

    @AfterAll
    static void finish() {
        SESSIONS.forEach(Session::close);
        SESSIONS.clear();
        COMPLETED.forEach((script, outputs) -> {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                GoldenScript.Record record = script.records().get(i);
                boolean fill = (record.hasOutput() && (COMPLETE_ALL || record.expected() == null))
                        || (record.kind() == GoldenScript.Kind.STATEMENT_ERROR && record.mode().isEmpty());
                kept.add(fill ? outputs.get(i) : null);
            }
            script.rewrite(kept);
        });
        COMPLETED.clear();
    }
}
