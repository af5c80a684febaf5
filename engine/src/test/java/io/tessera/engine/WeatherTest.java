package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.engine.result.QueryResult;
import io.tessera.engine.result.ResultItem;
import io.tessera.executor.Block;
import io.tessera.executor.sink.ColorMap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Dask tutorial's weather files (31 days of t2m, 180 x 360 float64, gzip, chunks 23 x 90),
 * stacked: results against NumPy's, computed by fixtures/weather/make_expected.py. Runs where the
 * shared data sits beside the repository.
 */
class WeatherTest {
    private static final Path DATA = Path.of("../../shared/data/weather-small");
    private static JsonNode expected;
    private static Session session;

    @BeforeAll
    static void open() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "the shared weather files are not beside the repository");
        expected = new ObjectMapper().readTree(Path.of("src/test/fixtures/weather/expected.json").toFile());
        session = Tessera.open(DATA, true, Settings.defaults().withThreads(2), Set.of());
        session.execute("CREATE VIEW t2m AS stack('*.hdf5', 't2m')");
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mean0|SELECT mean(t2m, axis => 0)",
            "std0|SELECT std(t2m, axis => 0)",
            "min0|SELECT min(t2m, axis => 0)",
            "max0|SELECT max(t2m, axis => 0)",
            "anomaly|SELECT t2m[0] - mean(t2m, axis => 0)",
            "total_mean|SELECT mean(t2m)",
            "total_std|SELECT std(t2m, ddof => 1)",
            "mean0|SELECT mean(stack('*.hdf5', 't2m', chunks => (50, 7)), axis => 0)",
            "anomaly|SELECT (t2m[0] - mean(t2m, axis => 0))[:, :]"})
    void matchesNumpy(String name, String query) {
        QueryResult result = session.query(query);
        ResultItem item = result.items().get(0);
        JsonNode reference = expected.get(name);
        long[] shape = new long[reference.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = reference.get("shape").get(i).asLong();
        }
        assertArrayEquals(shape, item.shape());
        Block values = item.values();
        double sum = 0;
        double sumsq = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.size(); i++) {
            double v = values.getDouble(i);
            sum += v;
            sumsq += v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertClose(reference.get("sum").asDouble(), sum, "sum");
        assertClose(reference.get("sumsq").asDouble(), sumsq, "sum of squares");
        assertEquals(reference.get("min").asDouble(), min, 1e-12 * Math.abs(min), "min");
        assertEquals(reference.get("max").asDouble(), max, 1e-12 * Math.abs(max), "max");
        int columns = shape.length == 2 ? (int) shape[1] : 1;
        int k = 0;
        for (int row = 0; row < (shape.length == 2 ? shape[0] : 1); row += 7) {
            for (int column = 0; column < columns; column += 7) {
                double want = Double.parseDouble(reference.get("sample").get(k++).asText());
                assertEquals(want, values.getDouble(row * columns + column), 1e-12 * Math.max(1, Math.abs(want)),
                        "element [" + row + ", " + column + "]");
            }
        }
    }

    private static void assertClose(double want, double got, String what) {
        assertEquals(want, got, 1e-11 * Math.max(1, Math.abs(want)), what);
    }

    /** The tutorial's picture: INTO image of the mean over time, coloured as matplotlib's RdBu_r. */
    @Test
    void meanIntoImageFollowsTheColourMap(@TempDir Path out) throws IOException {
        String files = DATA.toAbsolutePath().normalize() + "/*.hdf5";
        try (Session writer = Tessera.open(out, false, Settings.defaults().withThreads(2), Set.of())) {
            writer.execute("SELECT mean(stack('" + files + "', 't2m'), axis => 0) AS m "
                    + "INTO image('mean.png', cmap => 'RdBu_r')");
            writer.execute("SELECT mean(stack('" + files + "', 't2m'), axis => 0) AS m "
                    + "INTO image('small.png', cmap => 'RdBu_r', width => 90)");
        }
        Block mean = session.query("SELECT mean(t2m, axis => 0)").items().get(0).values();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mean.size(); i++) {
            min = Math.min(min, mean.getDouble(i));
            max = Math.max(max, mean.getDouble(i));
        }
        BufferedImage image = ImageIO.read(out.resolve("mean.png").toFile());
        assertEquals(360, image.getWidth());
        assertEquals(180, image.getHeight());
        ColorMap cmap = ColorMap.named("RdBu_r").orElseThrow();
        for (int row = 0; row < 180; row++) {
            for (int column = 0; column < 360; column++) {
                int argb = image.getRGB(column, row);
                assertEquals(cmap.rgba(mean.getDouble(row * 360 + column), min, max), (argb << 8) | (argb >>> 24),
                        "pixel " + row + ", " + column);
            }
        }
        BufferedImage small = ImageIO.read(out.resolve("small.png").toFile());
        assertEquals(90, small.getWidth());
        assertEquals(45, small.getHeight());
    }
}
