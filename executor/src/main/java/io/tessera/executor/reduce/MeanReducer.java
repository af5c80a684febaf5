package io.tessera.executor.reduce;

import io.tessera.executor.Block;

/**
 * mean and nanmean over double (or float32) lanes: a pairwise sum per output, divided at the end by
 * the count. For mean the count is known in advance (every output folds all of the reduced axes);
 * nanmean counts the values that are not NaN per output.
 */
final class MeanReducer implements Reducer {
    private final boolean skipNaN;
    private final double knownCount;

    /** {@code knownCount}: the number of values every output folds (used when NaNs are not skipped). */
    MeanReducer(boolean skipNaN, long knownCount) {
        this.skipNaN = skipNaN;
        this.knownCount = knownCount;
    }

    private record State(double[] sum, double[] count) {
    }

    @Override
    public boolean readsFloats() {
        return true;
    }

    @Override
    public Object newState(int size) {
        return new State(new double[size], skipNaN ? new double[size] : null);
    }

    @Override
    public void reduceRun(Object state, int at, Object lane, int offset, int n, long index) {
        State s = (State) state;
        if (lane instanceof float[] floats) {
            int count = n;
            if (skipNaN) {
                count = 0;
                for (int i = offset; i < offset + n; i++) {
                    count += floats[i] == floats[i] ? 1 : 0;
                }
            }
            s.sum[at] += skipNaN ? PairwiseSum.nanSum(floats, offset, n) : PairwiseSum.sum(floats, offset, n);
            if (skipNaN) {
                s.count[at] += count;
            }
            return;
        }
        double[] values = (double[]) lane;
        if (skipNaN) {
            int count = 0;
            for (int i = offset; i < offset + n; i++) {
                if (values[i] == values[i]) {
                    count++;
                }
            }
            s.sum[at] += PairwiseSum.nanSum(values, offset, n);
            s.count[at] += count;
        } else {
            s.sum[at] += PairwiseSum.sum(values, offset, n);
        }
    }

    @Override
    public void accumulate(Object state, int at, Object lane, int offset, int n, long index) {
        State s = (State) state;
        double[] sum = s.sum;
        double[] count = s.count;
        if (lane instanceof float[] floats) {
            if (skipNaN) {
                for (int j = 0; j < n; j++) {
                    float x = floats[offset + j];
                    boolean valid = x == x;
                    sum[at + j] += valid ? x : 0;
                    count[at + j] += valid ? 1 : 0;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    sum[at + j] += floats[offset + j];
                }
            }
            return;
        }
        double[] values = (double[]) lane;
        if (skipNaN) {
            for (int j = 0; j < n; j++) {
                double x = values[offset + j];
                boolean valid = x == x;
                sum[at + j] += valid ? x : 0;
                count[at + j] += valid ? 1 : 0;
            }
        } else {
            for (int j = 0; j < n; j++) {
                sum[at + j] += values[offset + j];
            }
        }
    }

    @Override
    public void merge(Object into, Object later) {
        State a = (State) into;
        State b = (State) later;
        for (int i = 0; i < a.sum.length; i++) {
            a.sum[i] += b.sum[i];
            if (skipNaN) {
                a.count[i] += b.count[i];
            }
        }
    }

    @Override
    public void finish(Object state, Block out) {
        State s = (State) state;
        for (int i = 0; i < s.sum.length; i++) {
            double count = skipNaN ? s.count[i] : knownCount;
            out.setDouble(i, count == 0 ? Double.NaN : s.sum[i] / count);
        }
    }
}
