package io.tessera.shell;

import static io.tessera.shell.Outcome.FIXTURES;
import static io.tessera.shell.Outcome.query;
import static io.tessera.shell.Outcome.run;
import static io.tessera.shell.Outcome.runWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Bad input gets one clear line and exit status 1, never a stack trace, never a hang": every kind
 * of user-facing error through the command. {@link Outcome#failedWith} checks the contract (one
 * {@code error: } line, status 1, no stack trace, not an internal error); each test checks the line
 * says what went wrong, and the timeout that nothing hangs. Broken files are made here, in a
 * temporary directory, from the golden fixtures.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommandLineErrorsTest {
    @TempDir
    Path temp;

    // ------------------------------------------------------------------ syntax, with line and column

    @Test
    void syntaxErrorInAMultiLineFileNamesLineAndColumn() throws IOException {
        Path script = Files.writeString(temp.resolve("bad.sql"), """
                SELECT a
                  FROM npy('a.npy') AS a
                 WHERE a > 1;
                """);
        run("--root", FIXTURES.toString(), "-f", script.toString())
                .failedWith("syntax error at line 3, column 2: unexpected 'WHERE'");
    }

    @Test
    void syntaxErrorFromStandardInput() {
        runWithInput("SELECT 1;\nSELECT sum(1, 2\n", "--root", FIXTURES.toString())
                .failedWith("syntax error at line 3, column 1: unexpected end of input");
    }

    @Test
    void syntaxErrorStopsTheScriptBeforeAnyStatementRuns() {
        Outcome outcome = query("SELECT 1 AS one; SELECT 2 2").failedWith("line 1, column 27");
        // the script is parsed whole before it runs, so nothing is printed
        assertEquals("", outcome.out());
    }

    @Test
    void unterminatedStringOverSeveralLinesIsOneLine() {
        query("SELECT 'first\nsecond\nthird").failedWith("syntax error at line 1, column 8: unterminated string");
    }

    @Test
    void longOffendingTokenIsShortened() {
        String name = "x".repeat(300);
        Outcome outcome = query("SELECT 1 " + name).failedWith("syntax error at line 1, column 10");
        assertTrue(outcome.err().length() < 200, "the message quotes a bounded piece: " + outcome.err());
    }

    // ------------------------------------------------------------------ names, with the closest known ones

    @Test
    void unknownNameSuggestsTheClosest() {
        query("SELECT aa FROM npy('a.npy') AS a").failedWith("unknown name 'aa'; did you mean 'a'?");
    }

    @Test
    void unknownFunctionSuggestsTheClosest() {
        Outcome outcome = query("SELECT maen(ones(3))").failedWith("unknown function 'maen'; did you mean ");
        assertTrue(outcome.err().contains("'mean'"), outcome.err());
    }

    @Test
    void unknownDatasetListsThoseThereAre() {
        query("SELECT t2n FROM hdf5('weather/day1.h5', 't2n')")
                .failedWith("no dataset '/t2n' in weather/day1.h5 (it holds /pressure, /t2m)");
    }

    @Test
    void unknownArgumentNameSuggestsTheClosest() {
        query("SELECT sum(ones(3), axes => 0)").failedWith("sum() has no argument 'axes'; did you mean 'axis'");
    }

    @Test
    void unknownSettingSuggestsTheClosest() {
        query("SET memory_limt = '1GB'").failedWith("unknown setting 'memory_limt'; did you mean 'memory_limit'?");
    }

    // ------------------------------------------------------------------ shapes and argument values

    @Test
    void broadcastingErrorNamesBothShapes() {
        query("SELECT a + v FROM npy('a.npy'), npy('v.npy')")
                .failedWith("operands could not be broadcast together with shapes (4, 3) (5,)");
    }

    @Test
    void axisOutOfRange() {
        query("SELECT mean(a, axis => -3) FROM npy('a.npy')")
                .failedWith("axis -3 is out of bounds for array of dimension 2");
    }

    @Test
    void badDtypeName() {
        query("SELECT astype(ones(2), 'f32')").failedWith("unknown dtype 'f32'");
    }

    @Test
    void badSettingValues() {
        query("SET threads = 'lots'").failedWith("threads must be an integer, not 'lots'");
        query("SET chunk_bytes = '12 parsecs'").failedWith("invalid size '12 parsecs'");
    }

    // ------------------------------------------------------------------ files

    @Test
    void missingFile() {
        query("SELECT x FROM hdf5('missing.h5')").failedWith("file not found: missing.h5");
        query("SELECT x FROM npy('missing.npy')").failedWith("file not found: missing.npy");
        query("SELECT x FROM stack('missing/*.h5')").failedWith("no files match 'missing/*.h5'");
    }

    @Test
    void directoryInsteadOfAFile() {
        query("SELECT x FROM hdf5('weather')").failedWith("weather is a directory, not an HDF5 file");
    }

    @ParameterizedTest(name = "HDF5 file cut to {0} bytes")
    @ValueSource(ints = {0, 8, 100, 1000, 3000, 5000, 5550})
    void truncatedHdf5File(int size) throws IOException {
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("weather/day1.h5"));
        Files.write(temp.resolve("cut.h5"), Arrays.copyOf(whole, size));
        inTemp("SELECT sum(t2m) FROM hdf5('cut.h5')").failedWith("cut.h5");
    }

    @Test
    void randomBytesAreNotAnHdf5File() throws IOException {
        Files.write(temp.resolve("noise.h5"), randomBytes(4000, 1));
        inTemp("SELECT x FROM hdf5('noise.h5')").failedWith("noise.h5 is not a readable HDF5 file");
    }

    @Test
    void hdf5SignatureFollowedByRandomBytes() throws IOException {
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        byte[] bytes = randomBytes(3000, 2);
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        Files.write(temp.resolve("fake.h5"), bytes);
        inTemp("SELECT x FROM hdf5('fake.h5')").failedWith("fake.h5");
    }

    @Test
    void damagedCompressedChunkIsFoundWhenRead() throws IOException {
        // the gzip chunks of t2m lie after the metadata; scrambling them leaves the file openable
        byte[] bytes = Files.readAllBytes(FIXTURES.resolve("weather/day1.h5"));
        for (int i = 2600; i < 4200; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(temp.resolve("scrambled.h5"), bytes);
        inTemp("SELECT sum(t2m) FROM hdf5('scrambled.h5', 't2m')").failedWith("scrambled.h5:/t2m is damaged");
    }

    @Test
    void truncatedNpyFile() throws IOException {
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("a.npy"));
        Files.write(temp.resolve("short.npy"), Arrays.copyOf(whole, 170));
        inTemp("SELECT sum(short) FROM npy('short.npy')").failedWith("short.npy is truncated");
        Files.write(temp.resolve("header.npy"), Arrays.copyOf(whole, 100));
        inTemp("SELECT sum(header) FROM npy('header.npy')").failedWith("header.npy is not a readable .npy file");
    }

    @Test
    void npyHeaderPromisingTerabytesIsRefusedAtOnce() throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }";
        header = header + " ".repeat(117 - header.length()) + "\n";
        byte[] start = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0};
        byte[] bytes = Arrays.copyOf(start, start.length + header.length() + 64);
        System.arraycopy(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, start.length,
                header.length());
        Files.write(temp.resolve("huge.npy"), bytes);
        inTemp("SELECT huge[0] FROM npy('huge.npy')").failedWith("huge.npy is truncated");
    }

    @Test
    void textFileIsNotAnNpyFile() throws IOException {
        Files.writeString(temp.resolve("notes.npy"), "just some text\n");
        inTemp("SELECT notes FROM npy('notes.npy')").failedWith("notes.npy is not a readable .npy file");
    }

    @Test
    void unreadableDtypeIsNamed() {
        query("SELECT half FROM hdf5('odd.h5', 'half')").failedWith("holds 16-bit floats, which Tessera does not read");
    }

    @Test
    void fileNameWithANewlineStillGivesOneLine() {
        query("SELECT x FROM npy('first\nsecond.npy')").failedWith("file not found: first second.npy");
    }

    // ------------------------------------------------------------------ the data root

    @Test
    void rootRefusesDotDot() throws IOException {
        Path root = rootWithOutsideFile();
        run("--root", root.toString(), "-c", "SELECT outside FROM npy('../outside.npy')")
                .failedWith("path '../outside.npy' is outside the data root");
        run("--root", root.toString(), "-c", "SELECT x FROM stack('../*.h5')").failedWith("is outside the data root");
    }

    @Test
    void rootRefusesAbsolutePathElsewhere() throws IOException {
        Path root = rootWithOutsideFile();
        String outside = temp.resolve("outside.npy").toString();
        run("--root", root.toString(), "-c", "SELECT outside FROM npy('" + outside + "')")
                .failedWith("is outside the data root");
    }

    @Test
    void rootRefusesSymbolicLinkPointingOut() throws IOException {
        Path root = rootWithOutsideFile();
        Files.createSymbolicLink(root.resolve("link.npy"), temp.resolve("outside.npy"));
        Files.createSymbolicLink(root.resolve("fixtures"), FIXTURES);
        run("--root", root.toString(), "-c", "SELECT link FROM npy('link.npy')")
                .failedWith("path 'link.npy' is outside the data root");
        run("--root", root.toString(), "-c", "SELECT a FROM npy('fixtures/a.npy')")
                .failedWith("is outside the data root");
        run("--root", root.toString(), "-c", "SELECT t2m FROM stack('fixtures/weather/*.h5', 't2m')")
                .failedWith("is outside the data root");
        // JUnit warns when it deletes a link to outside its temporary directory
        Files.delete(root.resolve("fixtures"));
    }

    @Test
    void rootAllowsSymbolicLinksThatStayInside() throws IOException {
        Path root = rootWithOutsideFile();
        Files.copy(FIXTURES.resolve("a.npy"), root.resolve("inside.npy"));
        Files.createSymbolicLink(root.resolve("alias.npy"), root.resolve("inside.npy"));
        Outcome outcome = run("--root", root.toString(), "-c", "SELECT max(alias) AS m FROM npy('alias.npy')")
                .succeeded();
        assertEquals("m: int64 = 11\n", outcome.out());
    }

    @Test
    void withoutRootNothingIsConfined() throws IOException {
        rootWithOutsideFile();
        String outside = temp.resolve("outside.npy").toString();
        Outcome outcome = run("-c", "SELECT max(outside) AS m FROM npy('" + outside + "')").succeeded();
        assertEquals("m: int64 = 11\n", outcome.out());
    }

    // ------------------------------------------------------------------ not supported yet

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT cumsum(arange(5))",
        "SELECT sort(linspace(0, 1, 5))",
        "SELECT ones((2, 2)) @ ones((2, 2))",
        "SELECT median(ones(3))",
        "SELECT a[a > 1] FROM npy('a.npy')",
        "SELECT a[a > 1] FROM npy('a.npy') INTO npy('out.npy')",
    })
    void unsupportedFeaturesSaySo(String sql) {
        query(sql).failedWith("is not supported yet");
        assertTrue(Files.notExists(FIXTURES.resolve("out.npy")), "no file was written");
    }

    // ------------------------------------------------------------------ helpers

    /** A directory {@code root} inside the temporary directory, with {@code outside.npy} beside it. */
    private Path rootWithOutsideFile() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Files.copy(FIXTURES.resolve("a.npy"), temp.resolve("outside.npy"), StandardCopyOption.REPLACE_EXISTING);
        return root;
    }

    private Outcome inTemp(String sql) {
        return run("--root", temp.toString(), "-c", sql);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
