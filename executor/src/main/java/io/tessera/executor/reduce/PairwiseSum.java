package io.tessera.executor.reduce;

/**
 * NumPy's pairwise summation: blocks of 128 summed with eight accumulators, halves added
 * recursively; the error grows with log(n) rather than n.
 */
final class PairwiseSum {
    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    static double sum(double[] a, int offset, int n) {
        if (n < 8) {
            double s = 0;
            for (int i = offset; i < offset + n; i++) {
                s += a[i];
            }
            return s;
        }
        if (n <= BLOCK) {
            double r0 = a[offset], r1 = a[offset + 1], r2 = a[offset + 2], r3 = a[offset + 3];
            double r4 = a[offset + 4], r5 = a[offset + 5], r6 = a[offset + 6], r7 = a[offset + 7];
            int i = 8;
            for (; i <= n - 8; i += 8) {
                int j = offset + i;
                r0 += a[j];
                r1 += a[j + 1];
                r2 += a[j + 2];
                r3 += a[j + 3];
                r4 += a[j + 4];
                r5 += a[j + 5];
                r6 += a[j + 6];
                r7 += a[j + 7];
            }
            double s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                s += a[offset + i];
            }
            return s;
        }
        int half = (n / 2) & ~7;
        return sum(a, offset, half) + sum(a, offset + half, n - half);
    }

    /** The pairwise sum of the values that are not NaN. */
    static double nanSum(double[] a, int offset, int n) {
        if (n <= BLOCK) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = 0;
            for (; i <= n - 4; i += 4) {
                int j = offset + i;
                double x0 = a[j], x1 = a[j + 1], x2 = a[j + 2], x3 = a[j + 3];
                s0 += x0 == x0 ? x0 : 0;
                s1 += x1 == x1 ? x1 : 0;
                s2 += x2 == x2 ? x2 : 0;
                s3 += x3 == x3 ? x3 : 0;
            }
            double s = (s0 + s1) + (s2 + s3);
            for (; i < n; i++) {
                double x = a[offset + i];
                s += x == x ? x : 0;
            }
            return s;
        }
        int half = (n / 2) & ~7;
        return nanSum(a, offset, half) + nanSum(a, offset + half, n - half);
    }

    /** The pairwise sum of float32 values, accumulated in double. */
    static double sum(float[] a, int offset, int n) {
        if (n < 8) {
            double s = 0;
            for (int i = offset; i < offset + n; i++) {
                s += a[i];
            }
            return s;
        }
        if (n <= BLOCK) {
            double r0 = a[offset], r1 = a[offset + 1], r2 = a[offset + 2], r3 = a[offset + 3];
            double r4 = a[offset + 4], r5 = a[offset + 5], r6 = a[offset + 6], r7 = a[offset + 7];
            int i = 8;
            for (; i <= n - 8; i += 8) {
                int j = offset + i;
                r0 += a[j];
                r1 += a[j + 1];
                r2 += a[j + 2];
                r3 += a[j + 3];
                r4 += a[j + 4];
                r5 += a[j + 5];
                r6 += a[j + 6];
                r7 += a[j + 7];
            }
            double s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                s += a[offset + i];
            }
            return s;
        }
        int half = (n / 2) & ~7;
        return sum(a, offset, half) + sum(a, offset + half, n - half);
    }

    /** The pairwise sum of the float32 values that are not NaN. */
    static double nanSum(float[] a, int offset, int n) {
        if (n <= BLOCK) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = 0;
            for (; i <= n - 4; i += 4) {
                int j = offset + i;
                float x0 = a[j], x1 = a[j + 1], x2 = a[j + 2], x3 = a[j + 3];
                s0 += x0 == x0 ? x0 : 0;
                s1 += x1 == x1 ? x1 : 0;
                s2 += x2 == x2 ? x2 : 0;
                s3 += x3 == x3 ? x3 : 0;
            }
            double s = (s0 + s1) + (s2 + s3);
            for (; i < n; i++) {
                float x = a[offset + i];
                s += x == x ? x : 0;
            }
            return s;
        }
        int half = (n / 2) & ~7;
        return nanSum(a, offset, half) + nanSum(a, offset + half, n - half);
    }
}
