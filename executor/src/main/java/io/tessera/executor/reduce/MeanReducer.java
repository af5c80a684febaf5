package io.tessera.executor.reduce;

import io.tessera.executor.Block;

/** mean and nanmean over double lanes: a pairwise sum and a count per output, divided at the end. */
final class MeanReducer implements Reducer {
    private final boolean skipNaN;

    MeanReducer(boolean skipNaN) {
        this.skipNaN = skipNaN;
    }

    private record State(double[] sum, double[] count) {
    }

    @Override
    public boolean readsFloats() {
        return true;
    }

    @Override
    public Object newState(int size) {
        return new State(new double[size], new double[size]);
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
            s.count[at] += count;
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
            s.count[at] += n;
        }
    }

    @Override
    public void accumulate(Object state, int at, Object lane, int offset, int n, long index) {
        State s = (State) state;
        double[] sum = s.sum;
        double[] count = s.count;
        if (lane instanceof float[] floats) {
            for (int j = 0; j < n; j++) {
                float x = floats[offset + j];
                boolean valid = !skipNaN || x == x;
                sum[at + j] += valid ? x : 0;
                count[at + j] += valid ? 1 : 0;
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
                count[at + j] += 1;
            }
        }
    }

    @Override
    public void merge(Object into, Object later) {
        State a = (State) into;
        State b = (State) later;
        for (int i = 0; i < a.sum.length; i++) {
            a.sum[i] += b.sum[i];
            a.count[i] += b.count[i];
        }
    }

    @Override
    public void finish(Object state, Block out) {
        State s = (State) state;
        for (int i = 0; i < s.sum.length; i++) {
            out.setDouble(i, s.count[i] == 0 ? Double.NaN : s.sum[i] / s.count[i]);
        }
    }
}
