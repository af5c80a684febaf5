package io.tessera.executor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Normal draws fit the standard normal, in the bulk, finely binned, and in the ziggurat's tail. */
class RandomKernelsNormalTest {
    private static final long KEY = CounterRandom.seedKey(20240611);
    private static final int N = 1_000_000;
    private static final int LARGE_N = 10_000_000;
    private static final double R = NormalZiggurat.TABLE.tailStart;

    // fine bins of width 0.01 over [-4, 4), plus one bin for each side beyond
    private static final double BIN_WIDTH = 0.01;
    private static final int INNER_BINS = 800;

    private static double[] sample;
    private static long[] binCounts;
    private static long beyond3;
    private static long beyond4;
    private static double[] tailMagnitudes;

    @BeforeAll
    static void draw() {
        sample = new double[N];
        RandomKernels.fillNormal(sample, 0, N, KEY, 0, 1, 0, 1);
        // ten million more, in blocks, reduced to bin counts and tail counts
        binCounts = new long[INNER_BINS + 2];
        double[] block = new double[N];
        double[] tails = new double[LARGE_N];
        int tailCount = 0;
        for (long first = N; first < N + (long) LARGE_N; first += N) {
            RandomKernels.fillNormal(block, 0, N, KEY, first, 1, 0, 1);
            for (double z : block) {
                binCounts[bin(z)]++;
                double magnitude = Math.abs(z);
                beyond3 += magnitude > 3 ? 1 : 0;
                beyond4 += magnitude > 4 ? 1 : 0;
                if (magnitude >= R) {
                    tails[tailCount++] = magnitude;
                }
            }
        }
        tailMagnitudes = java.util.Arrays.copyOf(tails, tailCount);
    }

    private static int bin(double z) {
        if (z < -4) {
            return 0;
        }
        if (z >= 4) {
            return INNER_BINS + 1;
        }
        return 1 + Math.min(INNER_BINS - 1, (int) ((z + 4) / BIN_WIDTH));
    }

    private static double binLowerEdge(int bin) {
        return bin == 0 ? Double.NEGATIVE_INFINITY : -4 + (bin - 1) * BIN_WIDTH;
    }

    @Test
    void theSolverReproducesMarsagliaAndTsangs256StripTables() {
        Ziggurat classic = NormalZiggurat.solve(256);
        assertEquals(3.6541528853610088, classic.tailStart, 1e-12);
        assertEquals(4.92867323399e-3, classic.stripArea, 1e-13);
    }

    @Test
    void everyStripHasTheSameArea() {
        Ziggurat table = NormalZiggurat.TABLE;
        int strips = table.edge.length - 1;
        assertEquals(Ziggurat.STRIPS, strips);
        assertEquals(table.stripArea, table.tailStart * table.height[1] + NormalZiggurat.upperTailArea(R), 1e-15);
        assertEquals(table.stripArea, table.edge[0] * table.height[1], 1e-15);
        for (int i = 1; i < strips; i++) {
            assertTrue(table.edge[i + 1] < table.edge[i] && table.height[i + 1] > table.height[i], "strip " + i);
            assertEquals(table.stripArea, table.edge[i] * (table.height[i + 1] - table.height[i]),
                    1e-9 * table.stripArea, "area of strip " + i);
        }
    }

    @Test
    void tailAreaMatchesTheReferenceErfc() {
        for (double x : new double[] {1.5, 3, R, 5, 8}) {
            double expected = Math.sqrt(2 * Math.PI) * ReferenceDistributions.normalUpperTail(x);
            assertEquals(expected, NormalZiggurat.upperTailArea(x), 1e-12 * expected, "x = " + x);
        }
    }

    @Test
    void meanAndVariance() {
        double mean = 0;
        for (double z : sample) {
            mean += z;
        }
        mean /= N;
        double variance = 0;
        for (double z : sample) {
            variance += (z - mean) * (z - mean);
        }
        variance /= N - 1;
        assertEquals(0, mean, 5 / Math.sqrt(N));
        assertEquals(1, variance, 5 * Math.sqrt(2.0 / N));
    }

    @Test
    void kolmogorovSmirnovAgainstTheNormalCdf() {
        double d = GoodnessOfFit.kolmogorovSmirnov(sample, ReferenceDistributions::normalCdf);
        assertTrue(d < GoodnessOfFit.kolmogorovSmirnovCritical(N), "KS statistic " + d);
    }

    @Test
    void chiSquareOverFineBinsOfTenMillionDraws() {
        double[] expected = new double[binCounts.length];
        for (int b = 0; b < binCounts.length; b++) {
            double upper = b == binCounts.length - 1 ? 1 : ReferenceDistributions.normalCdf(binLowerEdge(b + 1));
            double lower = b == 0 ? 0 : ReferenceDistributions.normalCdf(binLowerEdge(b));
            expected[b] = LARGE_N * (upper - lower);
        }
        double chi2 = GoodnessOfFit.chiSquare(binCounts, expected);
        assertTrue(chi2 < GoodnessOfFit.chiSquareCritical(binCounts.length - 1), "chi-square " + chi2);
    }

    @Test
    void tailFrequencies() {
        assertCount(beyond3, 2 * ReferenceDistributions.normalUpperTail(3), "|z| > 3");
        assertCount(beyond4, 2 * ReferenceDistributions.normalUpperTail(4), "|z| > 4");
    }

    @Test
    void theZigguratTailIsExercisedAndFitsTheConditionalNormal() {
        // P(|z| >= r) = 5.4e-5: about 540 of ten million draws come from the tail method
        assertCount(tailMagnitudes.length, 2 * ReferenceDistributions.normalUpperTail(R), "|z| >= r");
        double tailArea = ReferenceDistributions.normalUpperTail(R);
        double d = GoodnessOfFit.kolmogorovSmirnov(tailMagnitudes,
                x -> 1 - ReferenceDistributions.normalUpperTail(x) / tailArea);
        assertTrue(d < GoodnessOfFit.kolmogorovSmirnovCritical(tailMagnitudes.length), "tail KS " + d);
    }

    @Test
    void theTailMethodFitsTheConditionalNormalClosely() {
        // the tail method on its own, fed 100000 independent streams
        int n = 100_000;
        double[] tail = new double[n];
        for (int i = 0; i < n; i++) {
            long base = CounterRandom.laterWordBase(CounterRandom.counter(KEY, i));
            tail[i] = NormalZiggurat.tailMagnitude(base, 1, NormalZiggurat.WORD_BUDGET);
            assertTrue(tail[i] >= R, "tail draw " + tail[i]);
        }
        double tailArea = ReferenceDistributions.normalUpperTail(R);
        double d = GoodnessOfFit.kolmogorovSmirnov(tail, x -> 1 - ReferenceDistributions.normalUpperTail(x) / tailArea);
        assertTrue(d < GoodnessOfFit.kolmogorovSmirnovCritical(n), "tail KS " + d);
        // E[Z | Z > r] = phi(r) / Q(r); the conditional sd is below 1 / r
        double mean = java.util.Arrays.stream(tail).average().orElseThrow();
        double expectedMean = Math.exp(-R * R / 2) / Math.sqrt(2 * Math.PI) / tailArea;
        assertEquals(expectedMean, mean, 5 / R / Math.sqrt(n));
    }

    private static void assertCount(long observed, double probability, String what) {
        double expected = LARGE_N * probability;
        double sigma = Math.sqrt(LARGE_N * probability * (1 - probability));
        assertEquals(expected, observed, 5 * sigma, what);
    }

    @Test
    void consecutiveIndicesAreUncorrelated() {
        double r = GoodnessOfFit.lagOneCorrelation(sample);
        assertTrue(Math.abs(r) < 5 / Math.sqrt(N), "lag-1 correlation " + r);
    }

    @Test
    void stridedSelectionsAreNormalAndUncorrelated() {
        // columns of wide arrays and coarse slices read the counter with large, often power-of-two, steps
        int n = 100_000;
        for (long step : new long[] {2, 1000, 1L << 16, 1L << 20, 1L << 32, (1L << 40) + 1}) {
            double[] x = new double[n];
            RandomKernels.fillNormal(x, 0, n, KEY, 17, step, 0, 1);
            double d = GoodnessOfFit.kolmogorovSmirnov(x, ReferenceDistributions::normalCdf);
            assertTrue(d < GoodnessOfFit.kolmogorovSmirnovCritical(n), "step " + step + ": KS " + d);
            double r = GoodnessOfFit.lagOneCorrelation(x);
            assertTrue(Math.abs(r) < 5 / Math.sqrt(n), "step " + step + ": lag-1 correlation " + r);
        }
    }

    @Test
    void fallbackIsBoxMullerFromTheWordsAfterTheBudget() {
        int checked = 0;
        for (long index = 0; checked < 1000; index++) {
            long counter = CounterRandom.counter(KEY, index);
            long word = CounterRandom.firstWord(counter);
            if (NormalZiggurat.TABLE.acceptsAtOnce(word)) {
                continue;  // the fast path takes it
            }
            checked++;
            long base = CounterRandom.laterWordBase(counter);
            double u1 = ((CounterRandom.laterWord(base, 1) >>> 11) + 1) * 0x1p-53;
            double u2 = (CounterRandom.laterWord(base, 2) >>> 11) * 0x1p-53;
            double boxMuller = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
            assertEquals(boxMuller, NormalZiggurat.sampleAfterRejection(counter, word, 1));
            assertTrue(Double.isFinite(NormalZiggurat.sampleAfterRejection(counter, word, 2)));
        }
    }

    @Test
    void theWordBudgetIsNeverReachedInPractice() {
        // the first 20000 rejected elements give the same value with the budget and with a huge one
        int checked = 0;
        for (long index = 0; checked < 20_000; index++) {
            long counter = CounterRandom.counter(KEY, index);
            long word = CounterRandom.firstWord(counter);
            if (NormalZiggurat.TABLE.acceptsAtOnce(word)) {
                continue;
            }
            checked++;
            assertEquals(NormalZiggurat.sampleAfterRejection(counter, word, 100_000),
                    NormalZiggurat.sampleAfterRejection(counter, word, NormalZiggurat.WORD_BUDGET));
            assertEquals(RandomKernels.normal(KEY, index),
                    NormalZiggurat.sampleAfterRejection(counter, word, NormalZiggurat.WORD_BUDGET));
        }
    }
}
