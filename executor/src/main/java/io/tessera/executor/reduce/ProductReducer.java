package io.tessera.executor.reduce;

import io.tessera.executor.Block;

/** prod and nanprod: doubles, or integers wrapping in 64 bits. */
final class ProductReducer implements Reducer {
    private final boolean doubles;
    private final boolean skipNaN;

    ProductReducer(boolean doubles, boolean skipNaN) {
        this.doubles = doubles;
        this.skipNaN = skipNaN;
    }

    @Override
    public Object newState(int size) {
        if (doubles) {
            double[] acc = new double[size];
            java.util.Arrays.fill(acc, 1.0);
            return acc;
        }
        long[] acc = new long[size];
        java.util.Arrays.fill(acc, 1L);
        return acc;
    }

    @Override
    public void reduceRun(Object state, int at, Object lane, int offset, int n, long index) {
        if (doubles) {
            double[] values = (double[]) lane;
            double p = 1.0;
            for (int i = offset; i < offset + n; i++) {
                double x = values[i];
                p *= skipNaN && x != x ? 1.0 : x;
            }
            ((double[]) state)[at] *= p;
        } else {
            long[] values = (long[]) lane;
            long p = 1;
            for (int i = offset; i < offset + n; i++) {
                p *= values[i];
            }
            ((long[]) state)[at] *= p;
        }
    }

    @Override
    public void accumulate(Object state, int at, Object lane, int offset, int n, long index) {
        if (doubles) {
            double[] acc = (double[]) state;
            double[] values = (double[]) lane;
            for (int j = 0; j < n; j++) {
                double x = values[offset + j];
                acc[at + j] *= skipNaN && x != x ? 1.0 : x;
            }
        } else {
            long[] acc = (long[]) state;
            long[] values = (long[]) lane;
            for (int j = 0; j < n; j++) {
                acc[at + j] *= values[offset + j];
            }
        }
    }

    @Override
    public void merge(Object into, Object later) {
        if (doubles) {
            double[] a = (double[]) into;
            double[] b = (double[]) later;
            for (int i = 0; i < a.length; i++) {
                a[i] *= b[i];
            }
        } else {
            long[] a = (long[]) into;
            long[] b = (long[]) later;
            for (int i = 0; i < a.length; i++) {
                a[i] *= b[i];
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
