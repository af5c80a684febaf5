package io.tessera.executor.kernel;

import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;
import io.tessera.executor.expr.ScalarFunction;

/**
 * Elementwise functions over long lanes holding integers or bools of one dtype, with NumPy's
 * semantics: wrap-around at the dtype's width, floor division and remainder that give 0 for a zero
 * divisor, unsigned arithmetic for uint64.
 */
public final class LongKernels {
    private LongKernels() {
    }

    /** {@code out = f(x)} for an integer-valued unary function. */
    public static void unary(ScalarFunction function, DType dtype, long[] x, long[] out, int n) {
        boolean unsigned = dtype.isUnsigned();
        switch (function) {
            case NEGATIVE -> { for (int i = 0; i < n; i++) { out[i] = -x[i]; } }
            case ABSOLUTE -> {
                if (unsigned || dtype == DType.BOOL) {
                    System.arraycopy(x, 0, out, 0, n);
                } else {
                    for (int i = 0; i < n; i++) { out[i] = Math.abs(x[i]); }
                }
            }
            case SIGN -> {
                if (unsigned) {
                    for (int i = 0; i < n; i++) { out[i] = x[i] != 0 ? 1 : 0; }
                } else {
                    for (int i = 0; i < n; i++) { out[i] = Long.signum(x[i]); }
                }
            }
            case SQUARE -> { for (int i = 0; i < n; i++) { out[i] = x[i] * x[i]; } }
            case FLOOR, CEIL, TRUNC -> System.arraycopy(x, 0, out, 0, n);
            case LOGICAL_NOT -> { for (int i = 0; i < n; i++) { out[i] = x[i] == 0 ? 1 : 0; } }
            default -> throw new IllegalArgumentException(function + " is not a unary integer function");
        }
        wrap(dtype, out, n);
    }

    /** {@code out = f(a, b)} for an integer-valued binary function. */
    public static void binary(ScalarFunction function, DType dtype, long[] a, long[] b, long[] out, int n) {
        boolean u64 = dtype == DType.UINT64;
        switch (function) {
            case ADD -> { for (int i = 0; i < n; i++) { out[i] = a[i] + b[i]; } }
            case SUBTRACT -> { for (int i = 0; i < n; i++) { out[i] = a[i] - b[i]; } }
            case MULTIPLY -> { for (int i = 0; i < n; i++) { out[i] = a[i] * b[i]; } }
            case FLOOR_DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b[i] == 0 ? 0 : u64 ? Long.divideUnsigned(a[i], b[i]) : Math.floorDiv(a[i], b[i]);
                }
            }
            case REMAINDER -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b[i] == 0 ? 0 : u64 ? Long.remainderUnsigned(a[i], b[i]) : Math.floorMod(a[i], b[i]);
                }
            }
            case POWER -> { for (int i = 0; i < n; i++) { out[i] = power(a[i], b[i], dtype); } }
            case MAXIMUM, FMAX -> {
                for (int i = 0; i < n; i++) { out[i] = compare(a[i], b[i], u64) >= 0 ? a[i] : b[i]; }
            }
            case MINIMUM, FMIN -> {
                for (int i = 0; i < n; i++) { out[i] = compare(a[i], b[i], u64) <= 0 ? a[i] : b[i]; }
            }
            case LOGICAL_AND -> { for (int i = 0; i < n; i++) { out[i] = a[i] != 0 && b[i] != 0 ? 1 : 0; } }
            case LOGICAL_OR -> { for (int i = 0; i < n; i++) { out[i] = a[i] != 0 || b[i] != 0 ? 1 : 0; } }
            case ROUND -> { for (int i = 0; i < n; i++) { out[i] = round(a[i], (int) b[i], dtype); } }
            default -> throw new IllegalArgumentException(function + " is not a binary integer function");
        }
        wrap(dtype, out, n);
    }

    /** {@code out = f(a, b) ? 1 : 0} for comparisons of integers. */
    public static void compare(ScalarFunction function, DType dtype, long[] a, long[] b, long[] out, int n) {
        boolean u64 = dtype == DType.UINT64;
        switch (function) {
            case EQUAL -> { for (int i = 0; i < n; i++) { out[i] = a[i] == b[i] ? 1 : 0; } }
            case NOT_EQUAL -> { for (int i = 0; i < n; i++) { out[i] = a[i] != b[i] ? 1 : 0; } }
            case LESS -> { for (int i = 0; i < n; i++) { out[i] = compare(a[i], b[i], u64) < 0 ? 1 : 0; } }
            case LESS_EQUAL -> { for (int i = 0; i < n; i++) { out[i] = compare(a[i], b[i], u64) <= 0 ? 1 : 0; } }
            case GREATER -> { for (int i = 0; i < n; i++) { out[i] = compare(a[i], b[i], u64) > 0 ? 1 : 0; } }
            case GREATER_EQUAL -> { for (int i = 0; i < n; i++) { out[i] = compare(a[i], b[i], u64) >= 0 ? 1 : 0; } }
            default -> throw new IllegalArgumentException(function + " is not an integer comparison");
        }
    }

    /** isnan and isinf are false for integers, isfinite true. */
    public static void classify(ScalarFunction function, long[] out, int n) {
        long value = function == ScalarFunction.ISFINITE ? 1 : 0;
        java.util.Arrays.fill(out, 0, n, value);
    }

    /** {@code out = clip(x, lo, hi)}. */
    public static void clip(DType dtype, long[] x, long[] lo, long[] hi, long[] out, int n) {
        boolean u64 = dtype == DType.UINT64;
        for (int i = 0; i < n; i++) {
            long v = compare(x[i], lo[i], u64) >= 0 ? x[i] : lo[i];
            out[i] = compare(v, hi[i], u64) <= 0 ? v : hi[i];
        }
    }

    /** {@code out = cond ? a : b}. */
    public static void where(long[] cond, long[] a, long[] b, long[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = cond[i] != 0 ? a[i] : b[i];
        }
    }

    /** Wraps every value to the dtype's width, as C's arithmetic on that type would. */
    public static void wrap(DType dtype, long[] x, int n) {
        switch (dtype) {
            case INT8 -> { for (int i = 0; i < n; i++) { x[i] = (byte) x[i]; } }
            case INT16 -> { for (int i = 0; i < n; i++) { x[i] = (short) x[i]; } }
            case INT32 -> { for (int i = 0; i < n; i++) { x[i] = (int) x[i]; } }
            case UINT8 -> { for (int i = 0; i < n; i++) { x[i] &= 0xFF; } }
            case UINT16 -> { for (int i = 0; i < n; i++) { x[i] &= 0xFFFF; } }
            case UINT32 -> { for (int i = 0; i < n; i++) { x[i] &= 0xFFFFFFFFL; } }
            case BOOL -> { for (int i = 0; i < n; i++) { x[i] = x[i] != 0 ? 1 : 0; } }
            default -> {
                // int64 and uint64 wrap by themselves
            }
        }
    }

    private static int compare(long a, long b, boolean unsigned) {
        return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
    }

    /** Integer power by squaring, wrapping; negative exponents are an error as in NumPy. */
    static long power(long base, long exponent, DType dtype) {
        if (exponent < 0 && !dtype.isUnsigned()) {
            throw new ExecutorException(ExecutorException.Kind.DATA,
                    "integers to negative integer powers are not allowed");
        }
        long result = 1;
        long b = base;
        long e = exponent;
        while (e != 0) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
            e >>>= 1;
        }
        return result;
    }

    /** NumPy's round of an integer: unchanged for decimals >= 0, else half to even at 10^-decimals. */
    static long round(long x, int decimals, DType dtype) {
        if (decimals >= 0) {
            return x;
        }
        double f = Math.pow(10.0, -decimals);
        double value = dtype == DType.UINT64 ? Lanes.unsigned(x) : x;
        return io.tessera.executor.Numbers.doubleToIntegerBits(Math.rint(value / f) * f, dtype);
    }
}
