package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden file format: records, expected outputs holding blank lines, and complete mode's rewrite. */
class GoldenScriptTest {
    private static final String SCRIPT = """
            # a comment
            statement ok
            CREATE VIEW v AS
              SELECT 1 AS one

            statement error unknown name 'x'
            SELECT x

            query
            SELECT cube
            ----
            cube: int64 (2, 1, 1) =
            [[[0]]

             [[1]]]

            query json
            SELECT 1
            """;

    @TempDir
    Path temp;

    @Test
    void parsesRecordsAndKeepsBlankLinesInsideExpectedOutput() throws IOException {
        List<GoldenScript.Record> records = GoldenScript.read(write(SCRIPT)).records();
        assertEquals(4, records.size());
        assertEquals(GoldenScript.Kind.STATEMENT_OK, records.get(0).kind());
        assertEquals("CREATE VIEW v AS\n  SELECT 1 AS one", records.get(0).sql());
        assertEquals(2, records.get(0).line());
        assertEquals("unknown name 'x'", records.get(1).mode());
        assertEquals("cube: int64 (2, 1, 1) =\n[[[0]]\n\n [[1]]]", records.get(2).expected());
        assertEquals("json", records.get(3).mode());
        assertNull(records.get(3).expected());
    }

    @Test
    void rewriteReplacesAndAddsExpectedOutputs() throws IOException {
        Path file = write(SCRIPT);
        GoldenScript script = GoldenScript.read(file);
        script.rewrite(Arrays.asList(null, null, "cube: int64 = 3", "{\"values\":[1]}"));
        String text = Files.readString(file);
        assertTrue(text.contains("SELECT cube\n----\ncube: int64 = 3\n\nquery json\nSELECT 1\n----\n{\"values\":[1]}\n"),
                text);
        List<GoldenScript.Record> again = GoldenScript.read(file).records();
        assertEquals("{\"values\":[1]}", again.get(3).expected());
        assertEquals("SELECT x", again.get(1).sql(), "records that were not rewritten stay as they were");
    }

    @Test
    void unknownRecordIsRefusedWithItsLine() throws IOException {
        Path file = write("statement ok\nSELECT 1\n\nquerry\nSELECT 2\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> GoldenScript.read(file));
        assertEquals("golden.test:4: unknown record 'querry'", error.getMessage());
    }

    private Path write(String text) throws IOException {
        return Files.writeString(temp.resolve("golden.test"), text);
    }
}
