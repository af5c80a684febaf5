package io.tessera.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.Session;
import io.tessera.engine.Settings;
import io.tessera.engine.Tessera;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell driven through a dumb terminal: what a person types and what they see. */
class ReplTest {
    @TempDir
    Path home;

    private String run(String typed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("dumb")
                .streams(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), out).build();
                Session session = Tessera.open(Outcome.FIXTURES, true, Settings.defaults())) {
            assertEquals(0, new Repl(terminal, session, "text", home.resolve("history")).run());
        }
        return out.toString(StandardCharsets.UTF_8).replace("\r", ""); // a terminal ends lines with CR LF
    }

    @Test
    void statementsSpanLinesAndEndWithASemicolon() throws IOException {
        String shown = run("SELECT 1\n + 1 AS two;\nSELECT sum(a) AS s FROM npy('a.npy'); SELECT 3 AS three;\n\\q\n");
        assertTrue(shown.contains("two: int64 = 2\n"), shown);
        assertTrue(shown.contains("s: int64 = 66\n"), shown);
        assertTrue(shown.contains("three: int64 = 3\n"), shown);
    }

    @Test
    void aSyntaxErrorShowsItsLineWithACaretAndTheShellGoesOn() throws IOException {
        String shown = run("SELECT (1 +\n 2));\nSELECT 4 AS four;\n");
        assertTrue(shown.contains(" 2));\n   ^\nerror: syntax error at line 2, column 4"), shown);
        assertTrue(shown.contains("four: int64 = 4\n"), shown);
    }

    @Test
    void backslashCommandsChangeHowResultsPrint() throws IOException {
        String shown = run("\\timing\nSELECT 5 AS five;\n\\format json\nSELECT 6 AS six;\n\\format xml\n\\nope\n\\help\n");
        assertTrue(shown.contains("timing is on"), shown);
        assertTrue(shown.matches("(?s).*five: int64 = 5\ntime: [0-9.]+ ms, read 0 B\n.*"), shown);
        assertTrue(shown.contains("{\"columns\":[{\"name\":\"six\""), shown);
        assertTrue(shown.contains("error: unknown format 'xml'"), shown);
        assertTrue(shown.contains("error: unknown command \\nope"), shown);
        assertTrue(shown.contains("\\timing [on|off]"), shown);
    }

    @Test
    void historyIsKeptForTheNextRun() throws IOException {
        run("SELECT 7 AS seven;\n\\q\n");
        String history = Files.readString(home.resolve("history"));
        assertTrue(history.contains("SELECT 7 AS seven;"), history);
    }
}
