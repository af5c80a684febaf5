package io.tessera.shell;

import static io.tessera.shell.Outcome.FIXTURES;
import static io.tessera.shell.Outcome.query;
import static io.tessera.shell.Outcome.run;
import static io.tessera.shell.Outcome.runWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tessera} command end to end, in this JVM: where statements come from (-c, -f, standard
 * input), the output formats as LANGUAGE.md specifies them, the options, and the exit status.
 * The launcher script itself is run by {@link LauncherTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    // ------------------------------------------------------------------ where statements come from

    @Test
    void commandRunsOneStatement() {
        Outcome outcome = query("SELECT sum(a, axis => 0) AS s FROM npy('a.npy')").succeeded();
        assertEquals("s: int64 (3,) =\n[18 22 26]\n", outcome.out());
    }

    @Test
    void commandRunsSeveralStatementsInOrderSharingViews() {
        Outcome outcome = query("CREATE VIEW a AS SELECT a FROM npy('a.npy'); SELECT max(a) AS m;"
                + " DROP VIEW a; SELECT 2 AS two").succeeded();
        assertEquals("created view a\nm: int64 = 11\ndropped view a\ntwo: int64 = 2\n", outcome.out());
    }

    @Test
    void fileRunsItsStatementsWithComments() throws IOException {
        Path script = temp.resolve("script.sql");
        Files.writeString(script, """
                -- the first row of a
                SELECT a[0] AS row
                  FROM npy('a.npy');
                /* a block
                   comment */
                SELECT x FROM hdf5('two.h5');
                """);
        Outcome outcome = run("--root", FIXTURES.toString(), "-f", script.toString()).succeeded();
        assertEquals("row: int64 (3,) =\n[0 1 2]\nx: int32 (4,) =\n[1 2 3 4]\n", outcome.out());
    }

    @Test
    void standardInputIsTheScriptWithoutCommandOrFile() {
        Outcome outcome = runWithInput("SELECT 1 AS one;\nSELECT 2.5 AS f;\n", "--root", FIXTURES.toString())
                .succeeded();
        assertEquals("one: int64 = 1\nf: float64 = 2.5\n", outcome.out());
    }

    @Test
    void emptyScriptsPrintNothing() {
        assertEquals("", run("-c", "").succeeded().out());
        assertEquals("", run("-c", "-- only a comment").succeeded().out());
        assertEquals("", runWithInput("").succeeded().out());
    }

    @Test
    void commandAndFileTogetherAreRefused() throws IOException {
        Path script = Files.writeString(temp.resolve("s.sql"), "SELECT 1");
        run("-c", "SELECT 1", "-f", script.toString()).failedWith("give -c or -f, not both");
    }

    @Test
    void missingScriptFileIsOneLine() {
        Outcome outcome = run("-f", temp.resolve("missing.sql").toString()).failedWith("file not found");
        assertTrue(outcome.err().contains("missing.sql"), outcome.err());
    }

    // ------------------------------------------------------------------ the first error stops the script

    @Test
    void firstErrorStopsTheStatementsAfterIt() {
        Outcome outcome = query("SELECT 1 AS one; SELECT nope; SELECT 3 AS three")
                .failedWith("unknown name 'nope'");
        assertEquals("one: int64 = 1\n", outcome.out(), "the statements before the error ran, those after did not");
    }

    @Test
    void failedCreateLeavesNoViewForLaterStatements() {
        query("CREATE VIEW v AS SELECT nope; SELECT v").failedWith("unknown name 'nope'");
    }

    // ------------------------------------------------------------------ --format json

    @Test
    void jsonPrintsOneObjectPerStatementWithColumnsValuesAndElapsed() throws IOException {
        Outcome outcome = query("--format", "json",
                "SELECT a[:2] AS a, sum(a) AS s, mean(a) AS m FROM npy('a.npy'); SELECT 1.5 AS f").succeeded();
        List<JsonNode> objects = jsonLines(outcome.out());
        assertEquals(2, objects.size(), outcome.out());
        JsonNode first = objects.get(0);
        assertEquals(Set.of("columns", "values", "elapsed_ms"), keys(first));
        JsonNode columns = first.get("columns");
        assertEquals(3, columns.size());
        for (JsonNode column : columns) {
            assertEquals(Set.of("name", "dtype", "shape"), keys(column));
        }
        assertEquals("a", columns.get(0).get("name").asText());
        assertEquals("int64", columns.get(0).get("dtype").asText());
        assertEquals("[2,3]", columns.get(0).get("shape").toString());
        assertEquals("[]", columns.get(1).get("shape").toString(), "a scalar's shape is []");
        assertEquals("float64", columns.get(2).get("dtype").asText());
        assertEquals("[[[0,1,2],[3,4,5]],66,5.5]", first.get("values").toString());
        assertTrue(first.get("elapsed_ms").isNumber());
        assertTrue(first.get("elapsed_ms").asDouble() >= 0);
        assertEquals("[1.5]", objects.get(1).get("values").toString());
    }

    @Test
    void jsonWritesNanAndInfinitiesAsStrings() throws IOException {
        Outcome outcome = query("--format", "json", "SELECT n AS n FROM npy('nans.npy') AS n").succeeded();
        JsonNode values = jsonLines(outcome.out()).get(0).get("values").get(0);
        assertEquals("[[1.0,\"NaN\",3.0,4.0],[\"NaN\",\"NaN\",-1.0,\"Infinity\"]]", values.toString());
        JsonNode negative = jsonLines(query("--format", "json", "SELECT -inf AS x").succeeded().out()).get(0);
        assertEquals("\"-Infinity\"", negative.get("values").get(0).toString());
    }

    @Test
    void jsonExplainHasPlanTasksAndSources() throws IOException {
        Outcome outcome = query("--format", "json",
                "EXPLAIN SELECT t2m[0, :2, :3] FROM stack('weather/*.h5', 't2m')").succeeded();
        JsonNode explain = jsonLines(outcome.out()).get(0);
        assertTrue(keys(explain).containsAll(Set.of("plan", "tasks", "sources")), explain.toString());
        assertFalse(explain.has("elapsed_ms"), "only EXPLAIN ANALYZE reports time");
        assertTrue(explain.get("plan").asText().contains("Scan"), explain.get("plan").asText());
        assertEquals(1, explain.get("tasks").asLong());
        JsonNode source = explain.get("sources").get(0);
        assertTrue(keys(source).containsAll(Set.of("source", "chunks_read", "chunks_total", "bytes_read")),
                source.toString());
        assertEquals("stack('weather/*.h5'):/t2m", source.get("source").asText());
        assertEquals(1, source.get("chunks_read").asLong());
        assertEquals(27, source.get("chunks_total").asLong());
        assertTrue(source.get("bytes_read").asLong() > 0);
    }

    @Test
    void jsonExplainAnalyzeAddsElapsedAndPeakMemory() throws IOException {
        Outcome outcome = query("--format", "json",
                "EXPLAIN ANALYZE SELECT sum(t2m) FROM stack('weather/*.h5', 't2m')").succeeded();
        JsonNode explain = jsonLines(outcome.out()).get(0);
        assertTrue(explain.get("elapsed_ms").isNumber(), explain.toString());
        assertTrue(explain.get("peak_memory_bytes").asLong() > 0, explain.toString());
        assertEquals(27, explain.get("sources").get(0).get("chunks_read").asLong(), "it read every chunk");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void demoMakesItsDataRunsEveryStepAndDrawsThePictures() throws IOException {
        Path directory = temp.resolve("demo");
        for (int run = 0; run < 2; run++) { // a second run finds its data and its earlier output
            Outcome outcome = run("demo", "--dir", directory.toString()).succeeded();
            assertTrue(outcome.out().contains("INTO image('mean.png', cmap => 'RdBu_r');"), outcome.out());
            assertTrue(outcome.out().contains("wrote t2m: float64 (31, 180, 360) to sub.hdf5:/t2m"), outcome.out());
            assertTrue(outcome.out().contains("r: float64 (200,) ="), outcome.out());
        }
        for (String picture : List.of("mean.png", "anomaly.png")) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(directory.resolve(picture).toFile());
            assertEquals(720, image.getWidth(), picture);
            assertEquals(360, image.getHeight(), picture);
        }
        try (var listing = Files.list(directory)) {
            assertFalse(listing.anyMatch(path -> path.getFileName().toString().startsWith(".")), "no temporaries");
        }
    }

    @Test
    void intoWritesTheFileAndSaysWhatItWrote() throws IOException {
        Outcome outcome = run("--root", temp.toString(), "--format", "json", "-c",
                "SELECT random_normal(10, 0.1, shape => (50, 40), chunks => (7, 9), seed => 3) AS r "
                        + "INTO hdf5('r.h5', '/r', compression => 'gzip'); "
                        + "SELECT r[1:3, ::-13] AS a FROM hdf5('r.h5'); "
                        + "SELECT random_normal(10, 0.1, shape => (50, 40), seed => 3)[1:3, ::-13] AS b").succeeded();
        List<JsonNode> objects = jsonLines(outcome.out());
        JsonNode into = objects.get(0);
        assertEquals("hdf5", into.get("into").get("sink").asText(), into.toString());
        assertEquals("r.h5", into.get("into").get("path").asText());
        assertEquals("[50,40]", into.get("shape").toString());
        assertEquals("float64", into.get("dtype").asText());
        assertEquals(16000, into.get("bytes").asLong());
        assertEquals(objects.get(2).get("values"), objects.get(1).get("values"), "written and generated agree");
        assertTrue(Files.isRegularFile(temp.resolve("r.h5")));
        Outcome again = run("--root", temp.toString(), "-c", "SELECT ones(3) AS r INTO hdf5('r.h5')")
                .failedWith("dataset '/r' exists already in 'r.h5'");
        assertEquals("", again.out());
    }

    @Test
    void jsonErrorIsAnObjectOnStandardOutputAndALineOnStandardError() throws IOException {
        Outcome outcome = query("--format", "json", "SELECT 1 AS one;\nSELECT (1 +\n 2 ))")
                .failedWith("syntax error at line 3, column 5");
        List<JsonNode> objects = jsonLines(outcome.out());
        assertEquals(1, objects.size(), "a syntax error stops the script before it runs: " + outcome.out());
        JsonNode error = objects.get(0).get("error");
        assertTrue(keys(error).containsAll(Set.of("message", "line", "column")), error.toString());
        assertEquals(3, error.get("line").asInt());
        assertEquals(5, error.get("column").asInt());
        assertEquals("error: " + error.get("message").asText(), outcome.errLines().get(0));
    }

    @Test
    void jsonErrorAfterResultsComesAfterThem() throws IOException {
        Outcome outcome = query("--format", "json", "SELECT 1 AS one; SELECT sum(ones(2), axis => 3)")
                .failedWith("axis 3 is out of bounds");
        List<JsonNode> objects = jsonLines(outcome.out());
        assertEquals(2, objects.size(), outcome.out());
        assertTrue(objects.get(0).has("columns"));
        JsonNode error = objects.get(1).get("error");
        assertEquals(1, error.get("line").asInt());
        assertEquals(38, error.get("column").asInt(), "the column of the axis argument, counted on its line");
    }

    // ------------------------------------------------------------------ --format csv and text

    @Test
    void csvPrintsOneRowPerCellWithIndexColumns() {
        Outcome outcome = query("--format", "csv", "SELECT a[:2] AS a, a[0] * 0.5 AS h FROM npy('a.npy')")
                .succeeded();
        assertEquals("""
                i0,i1,a,h
                0,0,0,0.0
                0,1,1,0.5
                0,2,2,1.0
                1,0,3,0.0
                1,1,4,0.5
                1,2,5,1.0
                """, outcome.out());
    }

    @Test
    void csvRefusesItemsThatDoNotBroadcast() {
        Outcome outcome = query("--format", "csv", "SELECT ones(2) AS a, ones(3) AS b")
                .failedWith("csv needs items that broadcast together, not shapes (2,) and (3,)");
        assertEquals("", outcome.out());
    }

    @Test
    void textIsTheDefaultAndCanBeNamed() {
        String text = query("--format", "text", "SELECT 2.5 AS f").succeeded().out();
        assertEquals(query("SELECT 2.5 AS f").succeeded().out(), text);
        assertEquals("f: float64 = 2.5\n", text);
    }

    @Test
    void unknownFormatIsRefused() {
        query("--format", "xml", "SELECT 1").failedWith("unknown format 'xml': use text, json or csv");
    }

    // ------------------------------------------------------------------ --root, --threads, --memory-limit

    @Test
    void withoutRootRelativePathsResolveAgainstTheWorkingDirectory() {
        // surefire runs in the shell module's directory
        Outcome outcome = run("-c", "SELECT max(a) AS m FROM npy('../engine/src/test/fixtures/golden/a.npy')")
                .succeeded();
        assertEquals("m: int64 = 11\n", outcome.out());
    }

    @Test
    void rootMustBeADirectory() {
        run("--root", temp.resolve("missing").toString(), "-c", "SELECT 1").failedWith("is not a directory");
    }

    @Test
    void threadsDoNotChangeResults() {
        String sql = "SELECT std(t2m, axis => (1, 2)) AS s FROM stack('weather/*.h5', 't2m')";
        String one = query("--threads", "1", sql).succeeded().out();
        assertEquals(one, query("--threads", "7", sql).succeeded().out());
        assertTrue(one.startsWith("s: float32 (3,) ="), one);
    }

    @Test
    void threadsMustBeAPositiveInteger() {
        query("--threads", "0", "SELECT 1").failedWith("threads must be at least 1, not 0");
        query("--threads", "many", "SELECT 1").failedWith("'many' is not an int");
    }

    @Test
    void memoryLimitRefusesLargeResultsAndSuggestsInto() {
        query("--memory-limit", "2MB", "SELECT ones((1000, 1000))").failedWith("write it with INTO");
        Outcome reduced = query("--memory-limit", "2MB", "SELECT sum(ones((1000, 1000))) AS s").succeeded();
        assertEquals("s: float64 = 1000000.0\n", reduced.out());
    }

    @Test
    void memoryLimitMustBeASize() {
        query("--memory-limit", "lots", "SELECT 1").failedWith("invalid size 'lots'");
    }

    // ------------------------------------------------------------------ the command's own options

    @Test
    void helpAndVersionSucceed() {
        Outcome help = run("--help").succeeded();
        assertTrue(help.out().startsWith("Usage: tessera"), help.out());
        for (String option : List.of("-c", "-f", "--format", "--root", "--threads", "--memory-limit")) {
            assertTrue(help.out().contains(option), "--help names " + option);
        }
        assertTrue(run("--version").succeeded().out().startsWith("tessera "));
    }

    @Test
    void unknownOptionIsOneLineWithExitStatusOne() {
        run("--bogus").failedWith("Unknown option: '--bogus'");
        run("-c").failedWith("Missing required parameter");
    }

    // ------------------------------------------------------------------ helpers

    static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                objects.add(JSON.readTree(line));
            }
        }
        return objects;
    }

    static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }
}
