package io.tessera.executor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uniform draws lie in [0, 1) and fit the uniform distribution. */
class RandomKernelsUniformTest {
    private static final long KEY = CounterRandom.seedKey(99);
    private static final int N = 1_000_000;
    private static double[] sample;

    @BeforeAll
    static void draw() {
        sample = new double[N];
        RandomKernels.fillUniform(sample, 0, N, KEY, 0, 1, 0, 1);
    }

    @Test
    void valuesLieInTheHalfOpenUnitInterval() {
        for (double u : sample) {
            assertTrue(u >= 0 && u < 1, "uniform gave " + u);
        }
    }

    @Test
    void mean() {
        double mean = 0;
        for (double u : sample) {
            mean += u;
        }
        mean /= N;
        assertEquals(0.5, mean, 5 * Math.sqrt(1.0 / 12 / N));
    }

    @Test
    void kolmogorovSmirnovAgainstTheUniformCdf() {
        double d = GoodnessOfFit.kolmogorovSmirnov(sample, u -> u);
        assertTrue(d < GoodnessOfFit.kolmogorovSmirnovCritical(N), "KS statistic " + d);
    }

    @Test
    void chiSquareOverAThousandBins() {
        long[] counts = new long[1000];
        for (double u : sample) {
            counts[(int) (u * 1000)]++;
        }
        double[] expected = new double[1000];
        java.util.Arrays.fill(expected, N / 1000.0);
        double chi2 = GoodnessOfFit.chiSquare(counts, expected);
        assertTrue(chi2 < GoodnessOfFit.chiSquareCritical(999), "chi-square " + chi2);
    }

    @Test
    void consecutiveIndicesAreUncorrelated() {
        double r = GoodnessOfFit.lagOneCorrelation(sample);
        assertTrue(Math.abs(r) < 5 / Math.sqrt(N), "lag-1 correlation " + r);
    }

    @Test
    void lowAndHighScaleTheUnitValue() {
        double[] out = new double[1000];
        RandomKernels.fillUniform(out, 0, out.length, KEY, 0, 1, 10, 12);
        for (int i = 0; i < out.length; i++) {
            assertEquals(10 + 2 * sample[i], out[i]);
        }
        // low > high is allowed, as in NumPy: values lie in (high, low]
        RandomKernels.fillUniform(out, 0, out.length, KEY, 0, 1, 1, -1);
        for (int i = 0; i < out.length; i++) {
            assertEquals(1 - 2 * sample[i], out[i]);
        }
    }
}
