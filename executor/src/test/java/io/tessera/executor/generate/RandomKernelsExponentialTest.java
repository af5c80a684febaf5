package io.tessera.executor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exponential draws fit the standard exponential, in the bulk and in the ziggurat's tail. */
class RandomKernelsExponentialTest {
    private static final long KEY = CounterRandom.seedKey(7);
    private static final int N = 1_000_000;
    private static final int LARGE_N = 5_000_000;
    private static final double R = ExponentialZiggurat.TABLE.tailStart;
    private static final double BIN_WIDTH = 0.01;
    private static final int INNER_BINS = 900;  // [0, 9), plus one bin beyond

    private static double[] sample;
    private static long[] binCounts;
    private static double[] tailExcess;

    @BeforeAll
    static void draw() {
        sample = new double[N];
        RandomKernels.fillExponential(sample, 0, N, KEY, 0, 1, 1);
        binCounts = new long[INNER_BINS + 1];
        double[] block = new double[N];
        double[] tails = new double[LARGE_N];
        int tailCount = 0;
        for (long first = N; first < N + (long) LARGE_N; first += N) {
            RandomKernels.fillExponential(block, 0, N, KEY, first, 1, 1);
            for (double e : block) {
                binCounts[(int) Math.min(INNER_BINS, e / BIN_WIDTH)]++;
                if (e >= R) {
                    tails[tailCount++] = e - R;
                }
            }
        }
        tailExcess = java.util.Arrays.copyOf(tails, tailCount);
    }

    @Test
    void theSolverReproducesMarsagliaAndTsangs256StripTables() {
        Ziggurat classic = ExponentialZiggurat.solve(256);
        assertEquals(7.69711747013104972, classic.tailStart, 1e-12);
        assertEquals(3.949659822581572e-3, classic.stripArea, 1e-13);
    }

    @Test
    void everyStripHasTheSameArea() {
        Ziggurat table = ExponentialZiggurat.TABLE;
        int strips = table.edge.length - 1;
        assertEquals(Ziggurat.STRIPS, strips);
        assertEquals(table.stripArea, table.edge[0] * table.height[1], 1e-15);
        for (int i = 1; i < strips; i++) {
            assertEquals(table.stripArea, table.edge[i] * (table.height[i + 1] - table.height[i]),
                    1e-9 * table.stripArea, "area of strip " + i);
        }
    }

    @Test
    void valuesAreNonNegativeAndMeanIsOne() {
        double mean = 0;
        for (double e : sample) {
            assertTrue(e >= 0, "exponential gave " + e);
            mean += e;
        }
        mean /= N;
        assertEquals(1, mean, 5 / Math.sqrt(N));
    }

    @Test
    void kolmogorovSmirnovAgainstTheExponentialCdf() {
        double d = GoodnessOfFit.kolmogorovSmirnov(sample, ReferenceDistributions::exponentialCdf);
        assertTrue(d < GoodnessOfFit.kolmogorovSmirnovCritical(N), "KS statistic " + d);
    }

    @Test
    void chiSquareOverFineBins() {
        double[] expected = new double[binCounts.length];
        for (int b = 0; b < binCounts.length; b++) {
            double lower = ReferenceDistributions.exponentialCdf(b * BIN_WIDTH);
            double upper = b == INNER_BINS ? 1 : ReferenceDistributions.exponentialCdf((b + 1) * BIN_WIDTH);
            expected[b] = LARGE_N * (upper - lower);
        }
        double chi2 = GoodnessOfFit.chiSquare(binCounts, expected);
        assertTrue(chi2 < GoodnessOfFit.chiSquareCritical(binCounts.length - 1), "chi-square " + chi2);
    }

    @Test
    void theZigguratTailIsExercisedAndIsAShiftedExponential() {
        double p = Math.exp(-R);  // about 9.5e-5: some 480 of five million draws
        assertEquals(LARGE_N * p, tailExcess.length, 5 * Math.sqrt(LARGE_N * p));
        double d = GoodnessOfFit.kolmogorovSmirnov(tailExcess, ReferenceDistributions::exponentialCdf);
        assertTrue(d < GoodnessOfFit.kolmogorovSmirnovCritical(tailExcess.length), "tail KS " + d);
    }

    @Test
    void theTailDrawIsAShiftedExponentialClosely() {
        int n = 100_000;
        double[] excess = new double[n];
        for (int i = 0; i < n; i++) {
            excess[i] = ExponentialZiggurat.tailDraw(CounterRandom.word(KEY, i, 1)) - R;
        }
        double d = GoodnessOfFit.kolmogorovSmirnov(excess, ReferenceDistributions::exponentialCdf);
        assertTrue(d < GoodnessOfFit.kolmogorovSmirnovCritical(n), "tail KS " + d);
        double mean = java.util.Arrays.stream(excess).average().orElseThrow();
        assertEquals(1, mean, 5 / Math.sqrt(n));
    }

    @Test
    void consecutiveIndicesAreUncorrelated() {
        double r = GoodnessOfFit.lagOneCorrelation(sample);
        assertTrue(Math.abs(r) < 5 / Math.sqrt(N), "lag-1 correlation " + r);
    }

    @Test
    void scaleMultiplies() {
        double[] out = new double[1000];
        RandomKernels.fillExponential(out, 0, out.length, KEY, 0, 1, 3.5);
        for (int i = 0; i < out.length; i++) {
            assertEquals(3.5 * sample[i], out[i]);
        }
    }

    @Test
    void fallbackIsTheLogarithmOfTheWordAfterTheBudget() {
        int checked = 0;
        for (long index = 0; checked < 1000; index++) {
            long counter = CounterRandom.counter(KEY, index);
            long word = CounterRandom.firstWord(counter);
            if (ExponentialZiggurat.TABLE.acceptsAtOnce(word)) {
                continue;
            }
            checked++;
            long base = CounterRandom.laterWordBase(counter);
            double u = ((CounterRandom.laterWord(base, 1) >>> 11) + 1) * 0x1p-53;
            assertEquals(-StrictMath.log(u), ExponentialZiggurat.sampleAfterRejection(counter, word, 1));
            // with the real budget the ziggurat, not the fallback, decides
            assertEquals(ExponentialZiggurat.sampleAfterRejection(counter, word, 100_000),
                    RandomKernels.exponential(KEY, index));
        }
    }
}
