package io.tessera.executor.generate;

/**
 * Standard normal variates from an element's word stream by Marsaglia and Tsang's ziggurat with 1024
 * strips over {@code exp(-x²/2)}.
 *
 * <p>From a word {@code w}: bits 0–9 pick the strip {@code i}, bit 10 is the sign (set: negative),
 * and the top 53 bits {@code p = w >>> 11} place {@code x = p * edge[i] / 2^53} across it. When
 * {@code p < acceptBelow[i]} (for 99.57% of words) the result is {@code ±x}, from word 0 alone.
 * Otherwise the next words of the element's stream are used, in order:
 * <ul>
 *   <li>strip 0 (the tail, {@code x >= r}): Marsaglia's tail method, two words per try:
 *       {@code a = -ln(u1) / r}, {@code b = -ln(u2)}, accepted when {@code 2b > a²}, giving
 *       {@code ±(r + a)}, with {@code u = ((word >>> 11) + 1) / 2^53} in (0, 1];</li>
 *   <li>strips 1–1023 (the wedge): one word {@code u} in [0, 1); accepted when
 *       {@code height[i] + u * (height[i+1] - height[i]) < exp(-x²/2)}, giving {@code ±x};</li>
 *   <li>on rejection the next word starts over as a fresh strip choice.</li>
 * </ul>
 * A stream is never read past word {@value #WORD_BUDGET} - 1 by the ziggurat; in the (never yet
 * observed) case it would be, the result is Box–Muller from words {@value #WORD_BUDGET} and
 * {@value #WORD_BUDGET} + 1: {@code sqrt(-2 ln u1) * cos(2π u2)}, {@code u1} in (0, 1],
 * {@code u2} in [0, 1). Slow paths use {@link StrictMath} so that results are platform independent.
 */
final class NormalZiggurat {
    /** Words 0 .. WORD_BUDGET - 1 may be used by the ziggurat itself. */
    static final int WORD_BUDGET = 64;

    static final Ziggurat TABLE = solve(Ziggurat.STRIPS);

    // copied into static finals so the JIT treats them as constants (known length: no bounds checks)
    private static final long[] ACCEPT_BELOW = TABLE.acceptBelow;
    private static final double[] UNIT_WIDTH = TABLE.unitWidth;
    private static final double[] HEIGHT = TABLE.height;
    private static final double TAIL_START = TABLE.tailStart;

    private NormalZiggurat() {
    }

    /** The ziggurat of {@code exp(-x²/2)} with {@code strips} strips. */
    static Ziggurat solve(int strips) {
        return Ziggurat.solve(strips, x -> StrictMath.exp(-0.5 * x * x),
                y -> StrictMath.sqrt(-2 * StrictMath.log(y)), NormalZiggurat::upperTailArea);
    }

    /** The standard normal variate of the element with this counter. */
    static double sample(long counter) {
        long word = CounterRandom.firstWord(counter);
        int strip = Ziggurat.strip(word);
        long position = Ziggurat.position(word);
        if (position < ACCEPT_BELOW[strip]) {
            return withSignOf(word, position * UNIT_WIDTH[strip]);
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
                return withSignOf(word, x);
            }
            if (strip == 0) {
                double magnitude = tailMagnitude(base, k + 1, wordBudget);
                if (Double.isNaN(magnitude)) {
                    break;
                }
                return withSignOf(word, magnitude);
            }
            if (k + 1 >= wordBudget) {
                break;
            }
            double u = CounterRandom.unitInterval(CounterRandom.laterWord(base, ++k));
            double y = HEIGHT[strip] + u * (HEIGHT[strip + 1] - HEIGHT[strip]);
            if (y < StrictMath.exp(-0.5 * x * x)) {
                return withSignOf(word, x);
            }
            if (k + 1 >= wordBudget) {
                break;
            }
            word = CounterRandom.laterWord(base, ++k);
        }
        // abandoning a started tail or wedge would bias the result, so the fallback replaces it whole
        return boxMuller(CounterRandom.laterWord(base, wordBudget),
                CounterRandom.laterWord(base, wordBudget + 1));
    }

    /**
     * A draw from the normal tail beyond r by Marsaglia's method, reading words
     * {@code firstWord, firstWord + 1, ...} (two per try) below {@code wordBudget}; NaN if they run out.
     */
    static double tailMagnitude(long base, int firstWord, int wordBudget) {
        for (int k = firstWord; k + 1 < wordBudget; k += 2) {
            double a = -StrictMath.log(unitAboveZero(base, k)) / TAIL_START;
            double b = -StrictMath.log(unitAboveZero(base, k + 1));
            if (b + b > a * a) {
                return TAIL_START + a;
            }
        }
        return Double.NaN;
    }

    /** A standard normal variate from two words by the Box–Muller transform (cosine branch). */
    static double boxMuller(long first, long second) {
        double radius = StrictMath.sqrt(-2 * StrictMath.log(CounterRandom.unitIntervalAboveZero(first)));
        return radius * StrictMath.cos(2 * StrictMath.PI * CounterRandom.unitInterval(second));
    }

    /** The integral of {@code exp(-t²/2)} from {@code x > 1} to infinity, by Laplace's continued fraction. */
    static double upperTailArea(double x) {
        // exp(-x²/2) / (x + 1/(x + 2/(x + 3/(x + ...)))), evaluated from a deep enough level up
        double fraction = x;
        for (int n = 400; n >= 1; n--) {
            fraction = x + n / fraction;
        }
        return StrictMath.exp(-0.5 * x * x) / fraction;
    }

    private static double unitAboveZero(long base, int k) {
        return CounterRandom.unitIntervalAboveZero(CounterRandom.laterWord(base, k));
    }

    /** {@code x} (non-negative) with the sign given by bit 10 of the word, without a branch. */
    private static double withSignOf(long word, double x) {
        long signBit = (word << (63 - Ziggurat.STRIP_BITS)) & Long.MIN_VALUE;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ signBit);
    }
}
