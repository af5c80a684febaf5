package io.tessera.executor.generate;

/**
 * Standard exponential variates from an element's word stream by Marsaglia and Tsang's ziggurat
 * with 1024 strips over {@code exp(-x)}.
 *
 * <p>From a word {@code w}: bits 0–9 pick the strip {@code i}, bit 10 is unused, and the top 53
 * bits {@code p = w >>> 11} place {@code x = p * edge[i] / 2^53} across it. When
 * {@code p < acceptBelow[i]} (for 99.36% of words) the result is {@code x}, from word 0 alone.
 * Otherwise the next words of the element's stream are used, in order:
 * <ul>
 *   <li>strip 0 (the tail, {@code x >= r}): one word, giving {@code r - ln(u)} with
 *       {@code u = ((word >>> 11) + 1) / 2^53} in (0, 1] (the tail of an exponential is a shifted
 *       exponential);</li>
 *   <li>strips 1–1023 (the wedge): one word {@code u} in [0, 1); accepted when
 *       {@code height[i] + u * (height[i+1] - height[i]) < exp(-x)}, giving {@code x};</li>
 *   <li>on rejection the next word starts over as a fresh strip choice.</li>
 * </ul>
 * A stream is never read past word {@value #WORD_BUDGET} - 1 by the ziggurat; in the case it would
 * be, the result is {@code -ln(u)} from word {@value #WORD_BUDGET}, {@code u} in (0, 1]. Slow paths
 * use {@link StrictMath} so that results are platform independent.
 */
final class ExponentialZiggurat {
    /** Words 0 .. WORD_BUDGET - 1 may be used by the ziggurat itself. */
    static final int WORD_BUDGET = 64;

    static final Ziggurat TABLE = solve(Ziggurat.STRIPS);

    // copied into static finals so the JIT treats them as constants (known length: no bounds checks)
    private static final long[] ACCEPT_BELOW = TABLE.acceptBelow;
    private static final double[] UNIT_WIDTH = TABLE.unitWidth;
    private static final double[] HEIGHT = TABLE.height;
    private static final double TAIL_START = TABLE.tailStart;

    private ExponentialZiggurat() {
    }

    /** A draw from the exponential tail beyond r, from one word: memorylessness makes it r + E. */
    static double tailDraw(long word) {
        return TAIL_START - StrictMath.log(CounterRandom.unitIntervalAboveZero(word));
    }

    /** The ziggurat of {@code exp(-x)} with {@code strips} strips. */
    static Ziggurat solve(int strips) {
        // the tail area beyond x equals the density at x
        return Ziggurat.solve(strips, x -> StrictMath.exp(-x), y -> -StrictMath.log(y),
                x -> StrictMath.exp(-x));
    }

    /** The standard exponential variate of the element with this counter. */
    static double sample(long counter) {
        long word = CounterRandom.firstWord(counter);
        int strip = Ziggurat.strip(word);
        long position = Ziggurat.position(word);
        if (position < ACCEPT_BELOW[strip]) {
            return position * UNIT_WIDTH[strip];
        }
        return sampleAfterRejection(counter, word, WORD_BUDGET);
    }

    /**
     * The rare path: word 0 fell outside the strip's inner rectangle. {@code wordBudget} is
     * {@link #WORD_BUDGET} except in tests of the fallback.
     */
    static double sampleAfterRejection(long counter, long firstWord, int wordBudget) {
        long base = CounterRandom.laterWordBase(counter);
        long word = firstWord;
        int k = 0;  // the number of the word held in `word`
        while (true) {
            int strip = Ziggurat.strip(word);
            long position = Ziggurat.position(word);
            double x = position * UNIT_WIDTH[strip];
            if (position < ACCEPT_BELOW[strip]) {
                return x;
            }
            if (k + 1 >= wordBudget) {
                break;
            }
            long next = CounterRandom.laterWord(base, ++k);
            if (strip == 0) {
                return tailDraw(next);
            }
            double y = HEIGHT[strip] + CounterRandom.unitInterval(next) * (HEIGHT[strip + 1] - HEIGHT[strip]);
            if (y < StrictMath.exp(-x)) {
                return x;
            }
            if (k + 1 >= wordBudget) {
                break;
            }
            word = CounterRandom.laterWord(base, ++k);
        }
        // abandoning a started wedge would bias the result, so the fallback replaces it whole
        long fallbackWord = CounterRandom.laterWord(base, wordBudget);
        return -StrictMath.log(CounterRandom.unitIntervalAboveZero(fallbackWord));
    }
}
