package io.tessera.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell in a real terminal: {@code ./tessera} runs under {@code script}, which gives
 * it a pseudo-terminal, and the test types into it as a person would (Ctrl-C is the byte 0x03,
 * which the terminal turns into SIGINT).
 */
class TerminalTest {
    private static final Path LAUNCHER = Path.of("..", "tessera").toAbsolutePath().normalize();
    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[=>]|\r");
    private static final String PROMPT = "tessera> ";

    @TempDir
    Path home;

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void buildOnce() throws Exception {
        Process build = new ProcessBuilder(LAUNCHER.toString(), "--version").redirectErrorStream(true).start();
        build.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertEquals(0, build.waitFor());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aPersonAtATerminal() throws Exception {
        try (Shell shell = new Shell(home)) {
            shell.awaitText(PROMPT, 60);

            shell.type("SELECT 1 +\r");
            shell.type("  41 AS answer;\r");
            shell.awaitText("answer: int64 = 42", 30);

            shell.type("SELECT sum(x) FROM random_normal(0, 1, shape => (200000, 20000)) AS x;\r");
            shell.awaitText(" chunks ", 30);  // the progress line, drawn after a second
            long start = System.nanoTime();
            shell.type("\u0003");
            shell.awaitText("error: statement cancelled", 10);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 1, "Ctrl-C took " + seconds + " s to cancel");
            String afterCancel = shell.screen().substring(shell.screen().lastIndexOf("error: statement cancelled"));
            assertTrue(!afterCancel.contains(" chunks "), "the progress line is erased: " + afterCancel);

            shell.type("SELECT 6 * 7 AS again;\r");
            shell.awaitText("again: int64 = 42", 30);
            shell.type("\\q\r");
            assertEquals(0, shell.exitStatus(30));
        }
        List<String> history = Files.readAllLines(home.resolve(".tessera_history"));
        assertTrue(history.stream().anyMatch(line -> line.contains("SELECT 6 * 7 AS again;")), history.toString());

        try (Shell shell = new Shell(home)) {
            shell.awaitText(PROMPT, 60);
            shell.type("\u0010\u0010");  // Ctrl-P twice (as the up arrow): back past \q to the last statement
            shell.type("\r");
            shell.awaitText("again: int64 = 42", 30);
            shell.awaitText("again: int64 = 42\n" + PROMPT, 30);  // keys typed before the prompt are not the line's
            shell.type("\u0004");   // Ctrl-D leaves
            assertEquals(0, shell.exitStatus(30));
        }
    }

    /** {@code ./tessera} in a pseudo-terminal of its own, and everything it has drawn so far. */
    private static final class Shell implements AutoCloseable {
        private final Process process;
        private final OutputStream keys;
        private final StringBuilder drawn = new StringBuilder();
        /** Where the screen stood when the last keys were typed: what they caused comes after it. */
        private int mark;

        Shell(Path home) throws IOException {
            String command = "stty cols 200 rows 50; exec " + LAUNCHER + " --root " + Outcome.FIXTURES;
            ProcessBuilder builder = new ProcessBuilder("script", "-qfec", command, "/dev/null");
            builder.environment().put("TERM", "xterm");
            builder.environment().put("JAVA_OPTS", "-Duser.home=" + home);
            builder.redirectErrorStream(true);
            process = builder.start();
            keys = process.getOutputStream();
            Thread reader = new Thread(() -> read(process.getInputStream()), "terminal-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream in) {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (drawn) {
                        drawn.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        drawn.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the terminal closed
            }
        }

        void type(String text) throws IOException {
            mark = screen().length();
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        /** What the terminal shows so far, without its escape sequences. */
        String screen() {
            synchronized (drawn) {
                return ESCAPES.matcher(drawn).replaceAll("");
            }
        }

        /** Waits for {@code text} to appear after the last keys typed. */
        void awaitText(String text, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            synchronized (drawn) {
                while (!screen().substring(mark).contains(text)) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        throw new AssertionError("no '" + text + "' on the screen after " + seconds + " s:\n"
                                + screen());
                    }
                    drawn.wait(Math.min(left, 50));
                }
            }
        }

        int exitStatus(int seconds) throws InterruptedException {
            assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "the shell did not leave:\n" + screen());
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
