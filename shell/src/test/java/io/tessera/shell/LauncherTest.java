package io.tessera.shell;

import static io.tessera.shell.Outcome.FIXTURES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./tessera} launcher at the repository root, run as a process: the exit status the
 * shell sees, and the error contract on a real standard error. The launcher builds the project when
 * it is not built (printing "tessera: building" on standard error), so a first run warms it up.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "tessera").toAbsolutePath().normalize();

    /** What a process printed and returned. */
    record Finished(int status, String out, String err) {
    }

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void buildOnce() throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is an executable script");
        Finished warmUp = launch("", "--version");
        assertEquals(0, warmUp.status(), warmUp.err());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void runsQueriesWithExitStatusZero() throws Exception {
        Finished finished = launch("", "--root", FIXTURES.toString(), "-c",
                "SELECT sum(a) AS s FROM npy('a.npy'); SELECT t2m[2, 4, 6] AS t FROM stack('weather/*.h5', 't2m')");
        assertEquals("", finished.err());
        assertEquals(0, finished.status());
        assertEquals("s: int64 = 66\nt: float32 = 83.5\n", finished.out());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void readsAScriptFromStandardInput() throws Exception {
        Finished finished = launch("SELECT 6 * 7 AS answer;\n", "--format", "json");
        assertEquals(0, finished.status(), finished.err());
        assertTrue(finished.out().startsWith("{\"columns\":[{\"name\":\"answer\",\"dtype\":\"int64\",\"shape\":[]}],"
                + "\"values\":[42],\"elapsed_ms\":"), finished.out());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void errorIsOneLineOnStandardErrorWithExitStatusOne() throws Exception {
        Finished finished = launch("", "--root", FIXTURES.toString(), "-c", "SELECT 1 AS one;\nSELECT aa FROM npy('a.npy') AS a");
        assertEquals(1, finished.status());
        assertEquals("one: int64 = 1\n", finished.out());
        assertEquals("error: unknown name 'aa'; did you mean 'a'? (line 2, column 8)\n", finished.err());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void badOptionIsOneLineWithExitStatusOne() throws Exception {
        Finished finished = launch("", "--threads", "none");
        assertEquals(1, finished.status());
        assertEquals(1, finished.err().lines().count(), finished.err());
        assertTrue(finished.err().startsWith("error: "), finished.err());
    }

    // A lazy array of 10^18 elements is only metadata until it is read (Dask plans it too); asking
    // for its shape must not run out of memory, let alone print a JVM stack trace.
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void hugeLazyArrayHasAShape() throws Exception {
        Finished finished = launch("", "-c", "SELECT ones((1000000000, 1000000000)).shape AS s");
        assertEquals("", finished.err());
        assertEquals("s: int64 (2,) =\n[1000000000 1000000000]\n", finished.out());
        assertEquals(0, finished.status());
    }

    // More elements than 64 bits count: NumPy says "array is too big"; Tessera must say so in one line.
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void arrayTooBigToCountIsOneLine() throws Exception {
        Finished finished = launch("", "-c", "SELECT ones((99999999999, 99999999999)).shape AS s");
        assertEquals(1, finished.status());
        assertEquals(1, finished.err().lines().count(), finished.err());
        assertTrue(finished.err().startsWith("error: "), finished.err());
        assertFalse(finished.err().contains("Exception") || finished.err().contains("Error:"), finished.err());
    }

    /** A write stopped by a signal (Ctrl-C, kill) leaves neither the target nor its hidden temporary. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aKilledWriteLeavesNoFile(@TempDir Path root) throws Exception {
        Process process = new ProcessBuilder(LAUNCHER.toString(), "--root", root.toString(), "-c",
                "SELECT sin(arange(400000000.0)) INTO npy('big.npy')")
                .directory(LAUNCHER.getParent().toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (listing(root).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(process.isAlive(), "the statement was still writing when stopped");
            assertTrue(listing(root).stream().allMatch(name -> name.startsWith(".big.npy.tessera-")),
                    "only the hidden temporary exists while writing: " + listing(root));
            process.destroy(); // SIGTERM, as kill sends
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "tessera stopped");
        } finally {
            process.destroyForcibly();
        }
        assertEquals(List.of(), listing(root));
    }

    private static List<String> listing(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static Finished launch(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("tessera-out", ".txt");
        Path err = Files.createTempFile("tessera-err", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(LAUNCHER.getParent().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("tessera did not finish: " + String.join(" ", command));
            }
            return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
