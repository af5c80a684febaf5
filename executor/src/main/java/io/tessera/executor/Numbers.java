package io.tessera.executor;

/** Conversions between doubles and integer bits with NumPy's (C's) semantics. */
public final class Numbers {
    private static final double TWO_POW_63 = 0x1p63;
    private static final double TWO_POW_64 = 0x1p64;

    private Numbers() {
    }

    /** The value of uint64 bits as a double, rounded to nearest as C does. */
    public static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        // halve (keeping the lowest bit so rounding stays correct), convert, double
        return ((bits >>> 1) | (bits & 1)) * 2.0;
    }

    /** A double converted to integer bits of {@code dtype}: truncation toward zero, then wrapping. */
    public static long doubleToIntegerBits(double value, DType dtype) {
        if (dtype == DType.BOOL) {
            return value != 0 ? 1 : 0;
        }
        if (dtype == DType.UINT64) {
            if (value >= TWO_POW_63 && value < TWO_POW_64) {
                return ((long) (value - TWO_POW_63)) ^ Long.MIN_VALUE;
            }
            return (long) value;
        }
        return dtype.wrap((long) value);
    }

}
