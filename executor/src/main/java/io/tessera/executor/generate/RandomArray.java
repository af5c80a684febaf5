package io.tessera.executor.generate;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code random_normal}, {@code random_uniform}, {@code random_exponential}: float64 arrays whose
 * elements come from {@link RandomKernels}, each a function of the seed and its flat index.
 *
 * @param a loc, low or scale (by distribution)
 * @param b scale or high (unused for the exponential)
 */
public record RandomArray(Distribution distribution, double a, double b, long seed, long[] shape)
        implements Generator {
    /** The distributions, with how EXPLAIN names their parameters. */
    public enum Distribution {
        NORMAL("random_normal", "loc", "scale"),
        UNIFORM("random_uniform", "low", "high"),
        EXPONENTIAL("random_exponential", "scale", null);

        private final String function;
        private final String first;
        private final String second;

        Distribution(String function, String first, String second) {
            this.function = function;
            this.first = first;
            this.second = second;
        }

        public String functionName() {
            return function;
        }
    }

    public RandomArray {
        shape = shape.clone();
    }

    @Override
    public DType dtype() {
        return DType.FLOAT64;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public String description() {
        StringBuilder text = new StringBuilder(distribution.function).append('(').append(distribution.first)
                .append('=').append(number(a));
        if (distribution.second != null) {
            text.append(", ").append(distribution.second).append('=').append(number(b));
        }
        return text.append(", shape=").append(Arrays.toString(shape).replace('[', '(').replace(']', ')'))
                .append(", seed=").append(seed).append(')').toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    @Override
    public void fill(Block out, int offset, int count, long firstIndex, long indexStep) {
        double[] values = (double[]) out.data();
        long key = CounterRandom.seedKey(seed);
        switch (distribution) {
            case NORMAL -> RandomKernels.fillNormal(values, offset, count, key, firstIndex, indexStep, a, b);
            case UNIFORM -> RandomKernels.fillUniform(values, offset, count, key, firstIndex, indexStep, a, b);
            case EXPONENTIAL -> RandomKernels.fillExponential(values, offset, count, key, firstIndex, indexStep, a);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RandomArray r && r.distribution == distribution && Double.compare(r.a, a) == 0
                && Double.compare(r.b, b) == 0 && r.seed == seed && Arrays.equals(r.shape, shape);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + Arrays.hashCode(shape);
    }
}
