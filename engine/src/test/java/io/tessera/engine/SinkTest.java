package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.result.IntoResult;
import io.tessera.engine.result.StatementResult;
import io.tessera.executor.Block;
import io.tessera.executor.sink.ColorMap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INTO sinks end to end: what is written reads back equal, and a failed write leaves nothing. */
class SinkTest {
    @TempDir
    Path root;

    private Session session;

    @BeforeEach
    void open() {
        session = Tessera.open(root, true, Settings.defaults().withThreads(2).withChunkBytes(4096));
    }

    @AfterEach
    void close() {
        session.close();
    }

    private Block values(String query) {
        return session.query(query).items().get(0).values();
    }

    private static void assertSameValues(Block expected, Block actual) {
        assertEquals(expected.dtype(), actual.dtype());
        assertArrayEquals(expected.shape(), actual.shape());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.getDouble(i), actual.getDouble(i), 0.0, "element " + i);
        }
    }

    private IntoResult into(String statement) {
        List<StatementResult> results = session.execute(statement);
        return (IntoResult) results.get(results.size() - 1);
    }

    /** The directory holds exactly these names (no temporaries left behind). */
    private void assertFiles(String... names) throws IOException {
        try (Stream<Path> listing = Files.list(root)) {
            assertEquals(List.of(names), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void npyRoundTripsEveryDtypeAndLayout() throws IOException {
        for (String dtype : List.of("bool", "int8", "uint16", "int32", "uint64", "float32", "float64")) {
            String array = "astype(reshape(arange(-30, 30), (3, 4, 5)) * 7, '" + dtype + "')[:, ::-1, 1:]";
            IntoResult result = into("SELECT " + array + " AS a INTO npy('a.npy')");
            assertArrayEquals(new long[] {3, 4, 4}, result.items().get(0).shape());
            assertSameValues(values("SELECT " + array), values("SELECT a FROM npy('a.npy') AS a"));
        }
        assertFiles("a.npy");
    }

    @Test
    void npyOfScalarsAndEmptyArrays() {
        into("SELECT sum(arange(10)) INTO npy('s.npy')");
        assertEquals(45, values("SELECT s FROM npy('s.npy') AS s").getLong(0));
        into("SELECT zeros((0, 3)) INTO npy('e.npy')");
        assertArrayEquals(new int[] {0, 3}, values("SELECT e FROM npy('e.npy') AS e").shape());
    }

    @Test
    void hdf5RoundTripsSeveralItemsChunkedAndCompressed() throws IOException {
        String a = "reshape(arange(600), (20, 30))[::-1, 3:]";
        String b = "astype(eye(9, 11, k => 1), 'bool')";
        String c = "astype(linspace(-1, 1, 101), 'float32')";
        IntoResult result = into("SELECT " + a + " AS a, " + b + " AS b, " + c + " AS c, sum(arange(4)) AS d "
                + "INTO hdf5('m.h5', compression => 'gzip')");
        assertEquals(List.of("a", "b", "c", "d"), result.items().stream().map(IntoResult.Written::name).toList());
        assertEquals("m.h5:/b", result.items().get(1).target());
        assertSameValues(values("SELECT " + a), values("SELECT a FROM hdf5('m.h5', 'a') AS a"));
        assertSameValues(values("SELECT " + b), values("SELECT b FROM hdf5('m.h5', 'b') AS b"));
        assertSameValues(values("SELECT " + c), values("SELECT c FROM hdf5('m.h5', 'c') AS c"));
        assertEquals(6, values("SELECT d FROM hdf5('m.h5', 'd') AS d").getLong(0));
        try (io.jhdf.HdfFile file = new io.jhdf.HdfFile(root.resolve("m.h5"))) {
            assertArrayEquals(new int[] {20, 27}, file.getDatasetByPath("/a").getDimensions());
        }
        into("SELECT reshape(arange(60.0), (6, 10)) AS t INTO hdf5('t.h5', '/t', chunks => (4, 3))");
        io.tessera.engine.result.DescribeResult described = (io.tessera.engine.result.DescribeResult) session
                .execute("DESCRIBE hdf5('t.h5', 't')").get(0);
        assertEquals(3, described.arrays().get(0).chunks().maxChunk(1));
        assertEquals(4, described.arrays().get(0).chunks().maxChunk(0));
    }

    @Test
    void writtenFilesReadBackInNumpyAndH5py() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(python("import h5py, numpy") == 0, "no h5py for /usr/bin/python3");
        into("SELECT reshape(arange(-3000, 3000), (60, 100)) * 3 AS i, astype(eye(40, 50, k => 2), 'uint8') AS u, "
                + "where(eye(30) > 0, nan, reshape(linspace(0, 1, 900), (30, 30))) AS f INTO hdf5('p.h5', "
                + "compression => 'gzip')");
        into("SELECT astype(reshape(arange(24), (2, 3, 4)), 'int16')[:, ::-1] AS n INTO npy('p.npy')");
        assertEquals(0, python(String.join("\n",
                "import h5py, numpy as np",
                "f = h5py.File('p.h5', 'r')",
                "assert sorted(f) == ['f', 'i', 'u'], list(f)",
                "assert np.array_equal(f['i'][:], np.arange(-3000, 3000).reshape(60, 100) * 3)",
                "assert f['u'].dtype == np.uint8 and np.array_equal(f['u'][:], np.eye(40, 50, k=2).astype('uint8'))",
                "expected = np.where(np.eye(30) > 0, np.nan, np.linspace(0, 1, 900).reshape(30, 30))",
                "assert np.array_equal(f['f'][:], expected, equal_nan=True) and f['f'].compression == 'gzip'",
                "n = np.load('p.npy')",
                "assert n.dtype == np.int16",
                "assert np.array_equal(n, np.arange(24).reshape(2, 3, 4).astype('int16')[:, ::-1])")));
    }

    private int python(String script) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return -1;
        }
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", script).directory(root.toFile()).inheritIO()
                .start();
        return process.waitFor();
    }

    @Test
    void anExistingHdf5FileIsNotChanged() throws IOException {
        into("SELECT arange(5) AS x INTO hdf5('h.h5')");
        assertError("dataset '/x' exists already in 'h.h5'", "SELECT arange(6) AS x INTO hdf5('h.h5')");
        assertError("'h.h5' exists already", "SELECT arange(6) AS y INTO hdf5('h.h5')");
        assertError("several items", "SELECT arange(6) AS y, arange(2) AS z INTO hdf5('g.h5', 'y')");
        assertSameValues(values("SELECT arange(5)"), values("SELECT x FROM hdf5('h.h5') AS x"));
        assertFiles("h.h5");
    }

    @Test
    void zarrRoundTripsWithItsChunksAndCompression() {
        IntoResult result = into("SELECT reshape(linspace(0, 1, 600), (20, 30)) * eye(20, 30) + 1 AS z "
                + "INTO zarr('z.zarr', chunks => (7, 8), compression => 'zlib')");
        assertEquals("zarr", result.into().get("sink"));
        assertSameValues(values("SELECT reshape(linspace(0, 1, 600), (20, 30)) * eye(20, 30) + 1"),
                values("SELECT z FROM zarr('z.zarr') AS z"));
        io.tessera.executor.ChunkGrid stored = io.tessera.executor.storage.ZarrArray.open(root.resolve("z.zarr"), "z")
                .storageGrid();
        assertEquals(7, stored.maxChunk(0));
        assertEquals(8, stored.maxChunk(1));
    }

    @Test
    void imageFollowsTheColourMapAndDownsamples() throws IOException {
        into("SELECT where(eye(40, 60) > 0, nan, reshape(linspace(0, 1, 2400), (40, 60))) AS i "
                + "INTO image('i.png', cmap => 'RdBu_r', vmin => 0, vmax => 1)");
        BufferedImage image = ImageIO.read(root.resolve("i.png").toFile());
        assertEquals(60, image.getWidth());
        assertEquals(40, image.getHeight());
        ColorMap cmap = ColorMap.named("RdBu_r").orElseThrow();
        Block expected = values("SELECT reshape(linspace(0, 1, 2400), (40, 60))");
        for (int row = 0; row < 40; row++) {
            for (int column = 0; column < 60; column++) {
                int argb = image.getRGB(column, row);
                int rgba = (argb << 8) | (argb >>> 24);
                int want = row == column ? 0 : cmap.rgba(expected.getDouble(row * 60 + column), 0, 1);
                assertEquals(want == 0 ? 0 : want, row == column ? (argb >>> 24) : rgba, row + "," + column);
            }
        }
        into("SELECT ones((300, 1000)) AS big INTO image('small.png', width => 100)");
        BufferedImage small = ImageIO.read(root.resolve("small.png").toFile());
        assertEquals(100, small.getWidth());
        assertEquals(30, small.getHeight());
    }

    @Test
    void badSinksAreRefusedBeforeAnythingIsWritten() throws IOException {
        assertError("unknown colour map 'RdBu_q'", "SELECT eye(3) INTO image('x.png', cmap => 'RdBu_q')");
        assertError("draws a 2-D array", "SELECT ones((2, 2, 2)) INTO image('x.png')");
        assertError("writes one array, not 2", "SELECT eye(2), eye(3) INTO npy('x.npy')");
        assertError("unknown sink 'parquet'", "SELECT eye(2) INTO parquet('x.parquet')");
        assertError("unknown compression 'lz4'", "SELECT eye(2) INTO zarr('x.zarr', compression => 'lz4')");
        assertError("INTO belongs to the outermost SELECT", "SELECT y FROM (SELECT eye(2) AS y INTO npy('x.npy'))");
        assertError("its directory does not exist", "SELECT eye(2) INTO npy('missing/x.npy')");
        assertError("outside the data root", "SELECT eye(2) INTO npy('../x.npy')");
        assertFiles();
    }

    @Test
    void writingOverAnInputIsRefused() {
        into("SELECT arange(5) AS a INTO npy('a.npy')");
        assertError("this statement reads it", "SELECT a + 1 FROM npy('a.npy') AS a INTO npy('a.npy')");
        assertSameValues(values("SELECT arange(5)"), values("SELECT a FROM npy('a.npy') AS a"));
    }

    @Test
    void anExistingZarrStoreIsNotReplaced() throws IOException {
        into("SELECT arange(5) INTO zarr('z.zarr')");
        assertError("'z.zarr' exists already", "SELECT arange(6) INTO zarr('z.zarr')");
        assertFiles("z.zarr");
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        // the integer power fails while chunks are being written
        assertError("negative", "SELECT reshape(arange(-50000, 50000), (100, 1000)) ** 2 "
                + "// reshape(arange(-50000, 50000), (100, 1000)) ** reshape(arange(-50000, 50000), (100, 1000)) "
                + "INTO npy('bad.npy')");
        into("SELECT arange(3) AS a INTO npy('kept.npy')");
        assertError("negative", "SELECT reshape(arange(-50000, 50000), (100, 1000)) ** reshape(arange(-50000, 50000), "
                + "(100, 1000)) INTO npy('kept.npy')");
        assertSameValues(values("SELECT arange(3)"), values("SELECT a FROM npy('kept.npy') AS a"));
        assertFiles("kept.npy");
    }

    @Test
    void aCancelledWriteLeavesNothingBehind() throws IOException {
        session.onProgress((done, total, bytes) -> {
            if (done >= 3) {
                session.cancel();
            }
        });
        TesseraException error = assertThrows(TesseraException.class,
                () -> session.execute("SELECT sin(arange(2000000.0)) INTO zarr('c.zarr', chunks => 1000)"));
        assertEquals(TesseraException.Category.CANCELLED, error.category());
        assertFiles();
    }

    private void assertError(String expected, String statement) {
        TesseraException error = assertThrows(TesseraException.class, () -> session.execute(statement), statement);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void textAndJsonSayWhatWasWritten() {
        IntoResult result = into("SELECT arange(4.0) AS r INTO npy('r.npy')");
        assertEquals("wrote r: float64 (4,) to r.npy (32 B)\n", new io.tessera.engine.format.TextFormat().format(result));
        String json = new io.tessera.engine.format.JsonFormat().format(result);
        assertTrue(json.startsWith("{\"into\":{\"sink\":\"npy\",\"path\":\"r.npy\"},\"shape\":[4],\"dtype\":\"float64\","
                + "\"bytes\":32,"), json);
        assertFalse(json.contains("\n") && json.indexOf('\n') != json.length() - 1, json);
    }

    @Test
    void theResultIsNotHeldWhole() {
        // a result far larger than the memory limit streams into its file
        session.execute("SET memory_limit = '2MB'");
        IntoResult result = into("SELECT linspace(0, 1, 2000000) AS l INTO npy('l.npy')");
        assertEquals(16_000_000, result.bytes());
        assertTrue(result.peakMemoryBytes() <= 2_000_000, "peak " + result.peakMemoryBytes());
        assertEquals(1.0, values("SELECT l[-1] FROM npy('l.npy') AS l").getDouble(0));
        // a reduction's output chunks stream from its merged partial states
        String mean = "mean(reshape(linspace(0, 1, 2000000), (4, 500, 1000)), axis => 0)";
        IntoResult reduced = into("SELECT " + mean + " AS a, " + mean + " AS b INTO hdf5('m.h5')");
        assertEquals(8_000_000, reduced.bytes());
        session.execute("SET memory_limit = '64MB'");
        assertSameValues(values("SELECT " + mean), values("SELECT a FROM hdf5('m.h5', 'a') AS a"));
        assertSameValues(values("SELECT " + mean), values("SELECT b FROM hdf5('m.h5', 'b') AS b"));
    }
}
