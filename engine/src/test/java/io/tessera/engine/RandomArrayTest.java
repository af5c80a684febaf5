package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.executor.Block;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random arrays as the language promises them: the same seed gives the same numbers whatever the
 * chunks, the slice or the thread count, and the numbers have the distribution asked for.
 */
class RandomArrayTest {
    private static Block values(int threads, String query) {
        try (Session session = Tessera.open(Path.of(""), false, Settings.defaults().withThreads(threads))) {
            return session.query(query).items().get(0).values();
        }
    }

    private static double[] doubles(Block block) {
        double[] values = new double[block.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = block.getDouble(i);
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"(1000, 1000)", "(7, 13)", "(300, 1)", "-1"})
    void aSliceEqualsTheWholeArraySlicedForAnyChunks(String chunks) {
        String array = "random_normal(10, 0.1, shape => (2000, 300), chunks => " + chunks + ", seed => 1)";
        Block whole = values(2, "SELECT " + array);
        Block slice = values(2, "SELECT " + array + "[5:10, ::3]");
        assertArrayEquals(new int[] {5, 100}, slice.shape());
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 100; j++) {
                assertEquals(whole.getDouble((5 + i) * 300 + 3 * j), slice.getDouble(i * 100 + j), 0.0);
            }
        }
        Block reference = values(1, "SELECT random_normal(10, 0.1, shape => (2000, 300), seed => 1)[5:10, ::3]");
        assertArrayEquals(doubles(reference), doubles(slice));
    }

    @Test
    void theThreadCountDoesNotChangeTheNumbers() {
        for (String function : List.of("random_normal(10, 0.1", "random_uniform(-2, 3", "random_exponential(4")) {
            String query = "SELECT " + function + ", shape => (500, 700), chunks => (64, 100), seed => 7)";
            assertArrayEquals(doubles(values(1, query)), doubles(values(2, query)), function);
        }
        assertNotEquals(values(2, "SELECT random_normal(shape => 3, seed => 1)").getDouble(0),
                values(2, "SELECT random_normal(shape => 3, seed => 2)").getDouble(0));
    }

    @Test
    void normalNumbersHaveTheMeanAndSpreadAskedFor() {
        Block stats = values(2, "SELECT stack((mean(x), std(x))) FROM random_normal(10, 0.1, shape => (2000, 2000), "
                + "chunks => (1000, 1000), seed => 1) AS x");
        // 4e6 draws: the mean's standard error is 5e-5, the std's about 3.5e-5; allow 5 of them
        assertEquals(10, stats.getDouble(0), 5 * 0.1 / 2000);
        assertEquals(0.1, stats.getDouble(1), 5 * 0.1 / Math.sqrt(2 * 4e6));
    }

    @Test
    void uniformAndExponentialNumbersHaveTheirMeans() {
        Block uniform = values(2, "SELECT stack((min(u), max(u), mean(u))) FROM random_uniform(-2, 3, "
                + "shape => 1000000, seed => 3) AS u");
        assertTrue(uniform.getDouble(0) >= -2 && uniform.getDouble(1) < 3);
        assertEquals(0.5, uniform.getDouble(2), 5 * 5 / Math.sqrt(12e6));
        Block exponential = values(2, "SELECT stack((min(e), mean(e))) FROM random_exponential(4, shape => 1000000, "
                + "seed => 3) AS e");
        assertTrue(exponential.getDouble(0) >= 0);
        assertEquals(4, exponential.getDouble(1), 5 * 4 / 1000.0);
    }
}
