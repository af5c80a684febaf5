package io.tessera.executor.generate;

/**
 * The kernels behind {@code random_uniform}, {@code random_normal} and {@code random_exponential}:
 * each element's value is a pure function of the seed key ({@link CounterRandom#seedKey}) and the
 * element's flat index in the full array, so any chunking, thread count or slice gives the same
 * numbers, and a slice computes only the elements it selects.
 *
 * <p>Per element, from the words of {@link CounterRandom}:
 * <ul>
 *   <li>uniform: {@code u = (word0 >>> 11) / 2^53} in [0, 1); {@code random_uniform(low, high)} is
 *       {@code low + (high - low) * u}, as in NumPy (which can round up to {@code high});</li>
 *   <li>normal: {@code z} from {@link NormalZiggurat}; {@code random_normal(loc, scale)} is
 *       {@code loc + scale * z};</li>
 *   <li>exponential: {@code e} from {@link ExponentialZiggurat}; {@code random_exponential(scale)}
 *       is {@code scale * e}.</li>
 * </ul>
 * The same seed drives every distribution, so for one seed the uniform, normal and exponential
 * arrays are functions of the same words, as in NumPy. Parameters are not checked here (NumPy
 * refuses a negative scale; that is the caller's decision).
 *
 * <p>A fill computes {@code count} elements whose indices form the progression
 * {@code firstIndex + j * indexStep}; the single-element functions give bit-identical values for any
 * index, for gathers of arbitrary index lists. Index arithmetic wraps modulo 2<sup>64</sup>, which
 * is harmless because it only ever feeds the counter.
 */
public final class RandomKernels {
    private RandomKernels() {
    }

    /** The uniform variate in [0, 1) of element {@code index}. */
    public static double uniform(long seedKey, long index) {
        return CounterRandom.unitInterval(CounterRandom.firstWord(CounterRandom.counter(seedKey, index)));
    }

    /** {@code low + (high - low) * uniform(seedKey, index)}. */
    public static double uniform(long seedKey, long index, double low, double high) {
        return low + (high - low) * uniform(seedKey, index);
    }

    /** The standard normal variate of element {@code index}. */
    public static double normal(long seedKey, long index) {
        return NormalZiggurat.sample(CounterRandom.counter(seedKey, index));
    }

    /** {@code loc + scale * normal(seedKey, index)}. */
    public static double normal(long seedKey, long index, double loc, double scale) {
        return loc + scale * normal(seedKey, index);
    }

    /** The standard exponential variate of element {@code index}. */
    public static double exponential(long seedKey, long index) {
        return ExponentialZiggurat.sample(CounterRandom.counter(seedKey, index));
    }

    /** {@code scale * exponential(seedKey, index)}. */
    public static double exponential(long seedKey, long index, double scale) {
        return scale * exponential(seedKey, index);
    }

    /**
     * {@code out[offset + j] = low + (high - low) * uniform(seedKey, firstIndex + j * indexStep)}
     * for {@code j} in [0, count).
     */
    public static void fillUniform(double[] out, int offset, int count, long seedKey, long firstIndex,
            long indexStep, double low, double high) {
        double width = high - low;
        // counter(first + j * step) = counter(first) + j * (step * G), modulo 2^64
        long counter = CounterRandom.counter(seedKey, firstIndex);
        long counterStep = indexStep * CounterRandom.GAMMA;
        for (int j = 0; j < count; j++) {
            out[offset + j] = low + width * CounterRandom.unitInterval(CounterRandom.firstWord(counter));
            counter += counterStep;
        }
    }

    /**
     * {@code out[offset + j] = loc + scale * normal(seedKey, firstIndex + j * indexStep)} for
     * {@code j} in [0, count).
     */
    public static void fillNormal(double[] out, int offset, int count, long seedKey, long firstIndex,
            long indexStep, double loc, double scale) {
        long counter = CounterRandom.counter(seedKey, firstIndex);
        long counterStep = indexStep * CounterRandom.GAMMA;
        for (int j = 0; j < count; j++) {
            out[offset + j] = loc + scale * NormalZiggurat.sample(counter);
            counter += counterStep;
        }
    }

    /**
     * {@code out[offset + j] = scale * exponential(seedKey, firstIndex + j * indexStep)} for
     * {@code j} in [0, count).
     */
    public static void fillExponential(double[] out, int offset, int count, long seedKey, long firstIndex,
            long indexStep, double scale) {
        long counter = CounterRandom.counter(seedKey, firstIndex);
        long counterStep = indexStep * CounterRandom.GAMMA;
        for (int j = 0; j < count; j++) {
            out[offset + j] = scale * ExponentialZiggurat.sample(counter);
            counter += counterStep;
        }
    }
}
