package io.tessera.executor.generate;

/**
 * Standard exponential variates from an element's word stream by Marsaglia and Tsang's ziggurat
 * with 256 strips over {@code exp(-x)}.
 *
 * <p>From a word {@code w}: bits 0–7 pick the strip {@code i} and the top 53 bits
 * {@code p = w >>> 11} place {@code x = p * edge[i] / 2^53} across it. When
 * {@code p < acceptBelow[i]} (for 97.8% of words) the result is {@code x}, from word 0 alone.
 * Otherwise the next words of the element's stream are used, in order:
 * <ul>
 *   <li>strip 0 (the tail, {@code x >= r}): one word, giving {@code r - ln(u)} with
 *       {@code u = ((word >>> 11) + 1) / 2^53} in (0, 1] (the tail of an exponential is a shifted
 *       exponential);</li>
 *   <li>strips 1–255 (the wedge): one word {@code u} in [0, 1); accepted when
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

    static final Ziggurat TABLE = Ziggurat.solve(256,
            x -> StrictMath.exp(-x),
            y -> -StrictMath.log(y),
            x -> StrictMath.exp(-x));

    // copied into static finals so the JIT treats them as constants (known length 256: no bounds checks)
    private static final long[] ACCEPT_BELOW = TABLE.acceptBelow;
    private static final double[] UNIT_WIDTH = TABLE.unitWidth;
    private static final double[] HEIGHT = TABLE.height;
    private static final double TAIL_START = TABLE.tailStart;

    private ExponentialZiggurat() {
    }

    /** The standard exponential variate of the element with this counter. */
    static double sample(long counter) {
        long word = CounterRandom.firstWord(counter);
        int strip = (int) word & 0xFF;
        long position = word >>> 11;
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
            int strip = (int) word & 0xFF;
            long position = word >>> 11;
            double x = position * UNIT_WIDTH[strip];
            if (position < ACCEPT_BELOW[strip]) {
                return x;
            }
            if (k + 1 >= wordBudget) {
                break;
            }
            long next = CounterRandom.laterWord(base, ++k);
            if (strip == 0) {
                return TAIL_START - StrictMath.log(CounterRandom.unitIntervalAboveZero(next));
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
        return -StrictMath.log(CounterRandom.unitIntervalAboveZero(CounterRandom.laterWord(base, wordBudget)));
    }
}
