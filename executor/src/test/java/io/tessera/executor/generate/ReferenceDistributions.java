package io.tessera.executor.generate;

/**
 * Distribution functions the tests compare draws against, written independently of the code under
 * test: erf by its everywhere-positive Taylor series, erfc by Laplace's continued fraction in the
 * tail. Relative accuracy is about 1e-13, far finer than any statistical test here resolves.
 */
final class ReferenceDistributions {
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private ReferenceDistributions() {
    }

    /** The complementary error function. */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 1.5) {
            return 1 - erfSeries(x);
        }
        // erfc(x) = exp(-x²) / sqrt(π) / (x + (1/2)/(x + (2/2)/(x + (3/2)/(x + ...))))
        double fraction = x;
        for (int n = 300; n >= 1; n--) {
            fraction = x + 0.5 * n / fraction;
        }
        return Math.exp(-x * x) / (SQRT_PI * fraction);
    }

    /** erf(x) = 2/sqrt(π) exp(-x²) Σ (2x²)^n x / (1·3·...·(2n+1)): no cancellation, for 0 <= x < 1.5. */
    private static double erfSeries(double x) {
        double term = x;
        double sum = x;
        for (int n = 1; term > 1e-17 * sum; n++) {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
        }
        return 2 / SQRT_PI * Math.exp(-x * x) * sum;
    }

    /** The standard normal distribution function. */
    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** P(Z > z) for a standard normal Z, accurate in the far tail. */
    static double normalUpperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** The standard exponential distribution function. */
    static double exponentialCdf(double x) {
        return x <= 0 ? 0 : -Math.expm1(-x);
    }
}
