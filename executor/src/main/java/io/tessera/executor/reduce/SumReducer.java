package io.tessera.executor.reduce;

import io.tessera.executor.Block;

/** sum and nansum: doubles pairwise, integers with wrap-around in the 64-bit accumulator NumPy uses. */
final class SumReducer implements Reducer {
    private final boolean doubles;
    private final boolean skipNaN;

    SumReducer(boolean doubles, boolean skipNaN) {
        this.doubles = doubles;
        this.skipNaN = skipNaN;
    }

    @Override
    public boolean readsFloats() {
        return doubles;
    }

    @Override
    public Object newState(int size) {
        return doubles ? new double[size] : new long[size];
    }

    /** As runs one by one, without a call per run: the same sums in the same order. */
    @Override
    public void reduceRuns(Object state, int at, Object lane, int offset, int n, int rows, long index) {
        if (lane instanceof double[] values && doubles) {
            double[] sums = (double[]) state;
            for (int r = 0, from = offset; r < rows; r++, from += n) {
                sums[at + r] += skipNaN ? PairwiseSum.nanSum(values, from, n) : PairwiseSum.sum(values, from, n);
            }
        } else {
            Reducer.super.reduceRuns(state, at, lane, offset, n, rows, index);
        }
    }

    @Override
    public void reduceRun(Object state, int at, Object lane, int offset, int n, long index) {
        if (lane instanceof float[] floats) {
            ((double[]) state)[at] += skipNaN ? PairwiseSum.nanSum(floats, offset, n) : PairwiseSum.sum(floats, offset, n);
        } else if (doubles) {
            double[] values = (double[]) lane;
            ((double[]) state)[at] += skipNaN ? PairwiseSum.nanSum(values, offset, n) : PairwiseSum.sum(values, offset, n);
        } else {
            long[] values = (long[]) lane;
            long s0 = 0, s1 = 0;
            int i = offset;
            for (; i + 1 < offset + n; i += 2) {
                s0 += values[i];
                s1 += values[i + 1];
            }
            if (i < offset + n) {
                s0 += values[i];
            }
            ((long[]) state)[at] += s0 + s1;
        }
    }

    @Override
    public void accumulate(Object state, int at, Object lane, int offset, int n, long index) {
        if (lane instanceof float[] floats) {
            double[] acc = (double[]) state;
            for (int j = 0; j < n; j++) {
                float x = floats[offset + j];
                acc[at + j] += skipNaN && x != x ? 0 : x;
            }
        } else if (doubles) {
            double[] acc = (double[]) state;
            double[] values = (double[]) lane;
            if (skipNaN) {
                for (int j = 0; j < n; j++) {
                    double x = values[offset + j];
                    acc[at + j] += x == x ? x : 0;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    acc[at + j] += values[offset + j];
                }
            }
        } else {
            long[] acc = (long[]) state;
            long[] values = (long[]) lane;
            for (int j = 0; j < n; j++) {
                acc[at + j] += values[offset + j];
            }
        }
    }

    @Override
    public void merge(Object into, Object later) {
        if (doubles) {
            double[] a = (double[]) into;
            double[] b = (double[]) later;
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
        } else {
            long[] a = (long[]) into;
            long[] b = (long[]) later;
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
        }
    }

    @Override
    public void finish(Object state, Block out) {
        if (doubles) {
            double[] acc = (double[]) state;
            for (int i = 0; i < acc.length; i++) {
                out.setDouble(i, acc[i]);
            }
        } else {
            long[] acc = (long[]) state;
            for (int i = 0; i < acc.length; i++) {
                out.setLong(i, acc[i]);
            }
        }
    }
}
