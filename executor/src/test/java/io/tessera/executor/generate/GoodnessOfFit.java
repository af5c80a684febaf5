package io.tessera.executor.generate;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Goodness-of-fit statistics and their critical values at the 0.1% level. */
final class GoodnessOfFit {
    /** The 99.9% quantile of the standard normal. */
    static final double NORMAL_QUANTILE_999 = 3.090232306167813;

    private GoodnessOfFit() {
    }

    /** The Kolmogorov–Smirnov statistic of a sample against a continuous distribution function. */
    static double kolmogorovSmirnov(double[] sample, DoubleUnaryOperator cdf) {
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(sorted[i]);
            worst = Math.max(worst, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
        }
        return worst;
    }

    /** The asymptotic 0.1% critical value of the KS statistic: sqrt(-ln(0.0005) / 2) / sqrt(n). */
    static double kolmogorovSmirnovCritical(int n) {
        return Math.sqrt(-Math.log(0.0005) / 2) / Math.sqrt(n);
    }

    /** Pearson's chi-square statistic of observed against expected counts. */
    static double chiSquare(long[] observed, double[] expected) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double d = observed[i] - expected[i];
            sum += d * d / expected[i];
        }
        return sum;
    }

    /** The 0.1% critical value of chi-square with {@code df} degrees of freedom (Wilson–Hilferty). */
    static double chiSquareCritical(int df) {
        double a = 2.0 / (9 * df);
        double root = 1 - a + NORMAL_QUANTILE_999 * Math.sqrt(a);
        return df * root * root * root;
    }

    /** The sample correlation of {@code x[i]} and {@code x[i + 1]}. */
    static double lagOneCorrelation(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double products = 0;
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean;
            squares += d * d;
            if (i + 1 < x.length) {
                products += d * (x[i + 1] - mean);
            }
        }
        return products / squares;
    }

    /** The sample correlation of two equally long samples. */
    static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
