package io.tessera.executor.kernel;

import io.tessera.executor.expr.ScalarFunction;

/**
 * Elementwise functions over double lanes, with NumPy's semantics for floats (NaN propagation,
 * floor division and remainder as {@code npy_divmod}). Results of float32 operations are rounded by
 * the caller.
 */
public final class DoubleKernels {
    private static final double LN2 = Math.log(2.0);

    private DoubleKernels() {
    }

    /** {@code out = f(x)} for a float-valued unary function. */
    public static void unary(ScalarFunction function, double[] x, double[] out, int n) {
        switch (function) {
            case NEGATIVE -> { for (int i = 0; i < n; i++) { out[i] = -x[i]; } }
            case ABSOLUTE -> { for (int i = 0; i < n; i++) { out[i] = Math.abs(x[i]); } }
            case SIGN -> { for (int i = 0; i < n; i++) { out[i] = sign(x[i]); } }
            case SQUARE -> { for (int i = 0; i < n; i++) { out[i] = x[i] * x[i]; } }
            case SQRT -> { for (int i = 0; i < n; i++) { out[i] = Math.sqrt(x[i]); } }
            case CBRT -> { for (int i = 0; i < n; i++) { out[i] = Math.cbrt(x[i]); } }
            case EXP -> { for (int i = 0; i < n; i++) { out[i] = Math.exp(x[i]); } }
            case EXPM1 -> { for (int i = 0; i < n; i++) { out[i] = Math.expm1(x[i]); } }
            case LOG -> { for (int i = 0; i < n; i++) { out[i] = Math.log(x[i]); } }
            case LOG2 -> { for (int i = 0; i < n; i++) { out[i] = log2(x[i]); } }
            case LOG10 -> { for (int i = 0; i < n; i++) { out[i] = Math.log10(x[i]); } }
            case LOG1P -> { for (int i = 0; i < n; i++) { out[i] = Math.log1p(x[i]); } }
            case SIN -> { for (int i = 0; i < n; i++) { out[i] = Math.sin(x[i]); } }
            case COS -> { for (int i = 0; i < n; i++) { out[i] = Math.cos(x[i]); } }
            case TAN -> { for (int i = 0; i < n; i++) { out[i] = Math.tan(x[i]); } }
            case ARCSIN -> { for (int i = 0; i < n; i++) { out[i] = Math.asin(x[i]); } }
            case ARCCOS -> { for (int i = 0; i < n; i++) { out[i] = Math.acos(x[i]); } }
            case ARCTAN -> { for (int i = 0; i < n; i++) { out[i] = Math.atan(x[i]); } }
            case SINH -> { for (int i = 0; i < n; i++) { out[i] = Math.sinh(x[i]); } }
            case COSH -> { for (int i = 0; i < n; i++) { out[i] = Math.cosh(x[i]); } }
            case TANH -> { for (int i = 0; i < n; i++) { out[i] = Math.tanh(x[i]); } }
            case FLOOR -> { for (int i = 0; i < n; i++) { out[i] = Math.floor(x[i]); } }
            case CEIL -> { for (int i = 0; i < n; i++) { out[i] = Math.ceil(x[i]); } }
            case TRUNC -> { for (int i = 0; i < n; i++) { out[i] = x[i] < 0 ? Math.ceil(x[i]) : Math.floor(x[i]); } }
            default -> throw new IllegalArgumentException(function + " is not a unary float function");
        }
    }

    /** {@code out = f(a, b)} for a float-valued binary function. */
    public static void binary(ScalarFunction function, double[] a, double[] b, double[] out, int n) {
        switch (function) {
            case ADD -> { for (int i = 0; i < n; i++) { out[i] = a[i] + b[i]; } }
            case SUBTRACT -> { for (int i = 0; i < n; i++) { out[i] = a[i] - b[i]; } }
            case MULTIPLY -> { for (int i = 0; i < n; i++) { out[i] = a[i] * b[i]; } }
            case TRUE_DIVIDE -> { for (int i = 0; i < n; i++) { out[i] = a[i] / b[i]; } }
            case FLOOR_DIVIDE -> { for (int i = 0; i < n; i++) { out[i] = floorDivide(a[i], b[i]); } }
            case REMAINDER -> { for (int i = 0; i < n; i++) { out[i] = remainder(a[i], b[i]); } }
            case POWER -> { for (int i = 0; i < n; i++) { out[i] = Math.pow(a[i], b[i]); } }
            case ARCTAN2 -> { for (int i = 0; i < n; i++) { out[i] = Math.atan2(a[i], b[i]); } }
            case MAXIMUM -> { for (int i = 0; i < n; i++) { out[i] = maximum(a[i], b[i]); } }
            case MINIMUM -> { for (int i = 0; i < n; i++) { out[i] = minimum(a[i], b[i]); } }
            case FMAX -> { for (int i = 0; i < n; i++) { out[i] = fmax(a[i], b[i]); } }
            case FMIN -> { for (int i = 0; i < n; i++) { out[i] = fmin(a[i], b[i]); } }
            case ROUND -> { for (int i = 0; i < n; i++) { out[i] = round(a[i], (int) b[i]); } }
            default -> throw new IllegalArgumentException(function + " is not a binary float function");
        }
    }

    /** {@code out = f(a, b) ? 1 : 0} for comparisons and predicates of floats. */
    public static void compare(ScalarFunction function, double[] a, double[] b, long[] out, int n) {
        switch (function) {
            case EQUAL -> { for (int i = 0; i < n; i++) { out[i] = a[i] == b[i] ? 1 : 0; } }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) { out[i] = a[i] != b[i] ? 1 : 0; } }
            case LESS -> { for (int i = 0; i < n; i++) { out[i] = a[i] < b[i] ? 1 : 0; } }
            case LESS_EQUAL -> { for (int i = 0; i < n; i++) { out[i] = a[i] <= b[i] ? 1 : 0; } }
            case GREATER -> { for (int i = 0; i < n; i++) { out[i] = a[i] > b[i] ? 1 : 0; } }
            case GREATER_EQUAL -> { for (int i = 0; i < n; i++) { out[i] = a[i] >= b[i] ? 1 : 0; } }
            default -> throw new IllegalArgumentException(function + " is not a float comparison");
        }
    }

    /** {@code out = f(x) ? 1 : 0} for the float classification predicates. */
    public static void classify(ScalarFunction function, double[] x, long[] out, int n) {
        switch (function) {
            case ISNAN -> { for (int i = 0; i < n; i++) { out[i] = Double.isNaN(x[i]) ? 1 : 0; } }
            case ISINF -> { for (int i = 0; i < n; i++) { out[i] = Double.isInfinite(x[i]) ? 1 : 0; } }
            case ISFINITE -> { for (int i = 0; i < n; i++) { out[i] = Double.isFinite(x[i]) ? 1 : 0; } }
            default -> throw new IllegalArgumentException(function + " is not a float predicate");
        }
    }

    /** {@code out = clip(x, lo, hi)}, NumPy's {@code minimum(maximum(x, lo), hi)}. */
    public static void clip(double[] x, double[] lo, double[] hi, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = minimum(maximum(x[i], lo[i]), hi[i]);
        }
    }

    /** {@code out = cond ? a : b}. */
    public static void where(long[] cond, double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = cond[i] != 0 ? a[i] : b[i];
        }
    }

    /** Rounds a lane to float32 precision in place. */
    public static void roundToFloat(double[] x, int n) {
        for (int i = 0; i < n; i++) {
            x[i] = (float) x[i];
        }
    }

    static double sign(double x) {
        if (x > 0) {
            return 1.0;
        }
        if (x < 0) {
            return -1.0;
        }
        return x == 0 ? 0.0 : x;
    }

    /** log2 exact at powers of two, as C's log2 is. */
    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return Math.log(x);
        }
        int exponent = Math.getExponent(x);
        if (exponent < Double.MIN_EXPONENT) {
            // subnormal: scale into the normal range first
            return log2(x * 0x1p54) - 54;
        }
        double mantissa = x / Math.scalb(1.0, exponent);
        return mantissa == 1.0 ? exponent : exponent + Math.log(mantissa) / LN2;
    }

    /** NumPy's maximum: NaN wins, and on ties the second operand is returned. */
    static double maximum(double a, double b) {
        return a > b || Double.isNaN(a) ? a : b;
    }

    static double minimum(double a, double b) {
        return a < b || Double.isNaN(a) ? a : b;
    }

    static double fmax(double a, double b) {
        return a > b || Double.isNaN(b) ? a : b;
    }

    static double fmin(double a, double b) {
        return a < b || Double.isNaN(b) ? a : b;
    }

    /** NumPy's {@code npy_divmod} quotient. */
    static double floorDivide(double a, double b) {
        if (b == 0) {
            return a / b;
        }
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div == 0) {
            return Math.copySign(0.0, a / b);
        }
        double floor = Math.floor(div);
        if (div - floor > 0.5) {
            floor += 1.0;
        }
        return floor;
    }

    /** NumPy's {@code npy_divmod} remainder: the sign of the divisor. */
    static double remainder(double a, double b) {
        if (b == 0) {
            return a % b;
        }
        double mod = a % b;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
            }
            return mod;
        }
        return Math.copySign(0.0, b);
    }

    /**
     * NumPy's {@code around} of a float32: the scaling, rounding and unscaling each in float32, so
     * large values overflow to inf as NumPy's do.
     */
    public static void roundFloat32(double[] x, double[] decimals, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            int d = (int) decimals[i];
            float scale = (float) Math.pow(10.0, Math.abs(d));
            if (d >= 0) {
                float scaled = (float) (x[i] * scale);
                out[i] = (float) (Math.rint(scaled) / scale);
            } else {
                float scaled = (float) (x[i] / scale);
                out[i] = (float) (Math.rint(scaled) * scale);
            }
        }
    }

    /** NumPy's {@code around}: half to even, after scaling by a power of ten. */
    static double round(double x, int decimals) {
        if (decimals >= 0) {
            double f = Math.pow(10.0, decimals);
            return Math.rint(x * f) / f;
        }
        double f = Math.pow(10.0, -decimals);
        return Math.rint(x / f) * f;
    }
}
