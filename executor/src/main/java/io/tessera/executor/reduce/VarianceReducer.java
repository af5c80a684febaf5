package io.tessera.executor.reduce;

import io.tessera.executor.Block;

/**
 * var and std (and their NaN-skipping forms) over double lanes: per output the count, the mean and
 * the sum of squared deviations, merged with Chan's formulas, so partial results from any chunking
 * combine to NumPy's two-pass values within rounding.
 */
public final class VarianceReducer implements Reducer {
    private final boolean std;
    private final boolean skipNaN;
    private final double ddof;

    VarianceReducer(boolean std, boolean skipNaN, double ddof) {
        this.std = std;
        this.skipNaN = skipNaN;
        this.ddof = ddof;
    }

    /** Count, mean and sum of squared deviations per output. */
    private record State(double[] count, double[] mean, double[] m2) {
    }

    @Override
    public boolean readsFloats() {
        return true;
    }

    @Override
    public Object newState(int size) {
        return new State(new double[size], new double[size], new double[size]);
    }

    @Override
    public void reduceRun(Object state, int at, Object lane, int offset, int n, long index) {
        if (lane instanceof float[] floats) {
            reduceFloats((State) state, at, floats, offset, n);
            return;
        }
        double[] values = (double[]) lane;
        double count;
        double sum;
        if (skipNaN) {
            count = 0;
            for (int i = offset; i < offset + n; i++) {
                if (values[i] == values[i]) {
                    count++;
                }
            }
            sum = PairwiseSum.nanSum(values, offset, n);
        } else {
            count = n;
            sum = PairwiseSum.sum(values, offset, n);
        }
        if (count == 0) {
            return;
        }
        double mean = sum / count;
        // corrected two-pass: the deviations' own sum fixes the mean's rounding (Chan, Golub, LeVeque)
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        int i = offset;
        int end = offset + n;
        if (skipNaN) {
            for (; i < end; i++) {
                // skip NaN values, not NaN deviations: inf - inf must stay NaN, as in NumPy
                if (values[i] == values[i]) {
                    double e = values[i] - mean;
                    s0 += e;
                    q0 += e * e;
                }
            }
        } else {
            for (; i + 3 < end; i += 4) {
                double e0 = values[i] - mean;
                double e1 = values[i + 1] - mean;
                double e2 = values[i + 2] - mean;
                double e3 = values[i + 3] - mean;
                s0 += e0;
                s1 += e1;
                s2 += e2;
                s3 += e3;
                q0 += e0 * e0;
                q1 += e1 * e1;
                q2 += e2 * e2;
                q3 += e3 * e3;
            }
            for (; i < end; i++) {
                double e = values[i] - mean;
                s0 += e;
                q0 += e * e;
            }
        }
        double deviation = (s0 + s1) + (s2 + s3);
        combine((State) state, at, count, mean + deviation / count, (q0 + q1) + (q2 + q3) - deviation * deviation / count);
    }

    private void reduceFloats(State state, int at, float[] values, int offset, int n) {
        double count = n;
        if (skipNaN) {
            count = 0;
            for (int i = offset; i < offset + n; i++) {
                count += values[i] == values[i] ? 1 : 0;
            }
        }
        if (count == 0) {
            return;
        }
        double mean = (skipNaN ? PairwiseSum.nanSum(values, offset, n) : PairwiseSum.sum(values, offset, n)) / count;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        int i = offset;
        int end = offset + n;
        if (skipNaN) {
            for (; i < end; i++) {
                if (values[i] == values[i]) {
                    double e = values[i] - mean;
                    s0 += e;
                    q0 += e * e;
                }
            }
        } else {
            // four independent chains each: the additions do not wait on one another
            for (; i + 3 < end; i += 4) {
                double e0 = values[i] - mean;
                double e1 = values[i + 1] - mean;
                double e2 = values[i + 2] - mean;
                double e3 = values[i + 3] - mean;
                s0 += e0;
                s1 += e1;
                s2 += e2;
                s3 += e3;
                q0 += e0 * e0;
                q1 += e1 * e1;
                q2 += e2 * e2;
                q3 += e3 * e3;
            }
            for (; i < end; i++) {
                double e = values[i] - mean;
                s0 += e;
                q0 += e * e;
            }
        }
        double deviation = (s0 + s1) + (s2 + s3);
        combine(state, at, count, mean + deviation / count, (q0 + q1) + (q2 + q3) - deviation * deviation / count);
    }

    private static void combine(State s, int at, double countB, double meanB, double m2B) {
        double countA = s.count[at];
        if (countA == 0) {
            s.count[at] = countB;
            s.mean[at] = meanB;
            s.m2[at] = m2B;
            return;
        }
        double total = countA + countB;
        double delta = meanB - s.mean[at];
        s.mean[at] += delta * (countB / total);
        s.m2[at] += m2B + delta * delta * (countA * countB / total);
        s.count[at] = total;
    }

    @Override
    public void accumulate(Object state, int at, Object lane, int offset, int n, long index) {
        State s = (State) state;
        float[] floats = lane instanceof float[] f ? f : null;
        double[] values = floats == null ? (double[]) lane : null;
        for (int j = 0; j < n; j++) {
            double x = floats != null ? floats[offset + j] : values[offset + j];
            if (skipNaN && x != x) {
                continue;
            }
            // Welford's update, one value into each output
            double count = s.count[at + j] + 1;
            double delta = x - s.mean[at + j];
            double mean = s.mean[at + j] + delta / count;
            s.m2[at + j] += delta * (x - mean);
            s.mean[at + j] = mean;
            s.count[at + j] = count;
        }
    }

    @Override
    public void merge(Object into, Object later) {
        State a = (State) into;
        State b = (State) later;
        for (int i = 0; i < a.count.length; i++) {
            if (b.count[i] > 0) {
                combine(a, i, b.count[i], b.mean[i], b.m2[i]);
            }
        }
    }

    /** Writes the means a variance state holds: a mean computed with a variance needs no pass of its own. */
    public static void finishMean(Object state, Block out) {
        State s = (State) state;
        for (int i = 0; i < s.count.length; i++) {
            out.setDouble(i, s.count[i] == 0 ? Double.NaN : s.mean[i]);
        }
    }

    @Override
    public void finish(Object state, Block out) {
        State s = (State) state;
        for (int i = 0; i < s.count.length; i++) {
            double value;
            if (s.count[i] == 0) {
                value = Double.NaN;
            } else if (skipNaN && s.count[i] - ddof <= 0) {
                // nanvar and nanstd give NaN when the degrees of freedom run out (var gives inf)
                value = Double.NaN;
            } else {
                // rounding can leave the squared deviations of near-constant data a hair below zero
                double variance = Math.max(s.m2[i], 0) / Math.max(s.count[i] - ddof, 0);
                value = std ? Math.sqrt(variance) : variance;
            }
            out.setDouble(i, value);
        }
    }
}
