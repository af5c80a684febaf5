package io.tessera.executor.reduce;

import io.tessera.executor.Block;

/** any, all and count (of true values) over bool lanes. */
final class LogicalReducer implements Reducer {
    /** Which of the three. */
    enum Kind { ANY, ALL, COUNT }

    private final Kind kind;

    LogicalReducer(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Object newState(int size) {
        long[] acc = new long[size];
        if (kind == Kind.ALL) {
            java.util.Arrays.fill(acc, 1);
        }
        return acc;
    }

    @Override
    public void reduceRun(Object state, int at, Object lane, int offset, int n, long index) {
        long[] values = (long[]) lane;
        long[] acc = (long[]) state;
        switch (kind) {
            case ANY -> {
                long any = 0;
                for (int i = offset; i < offset + n; i++) {
                    any |= values[i];
                }
                acc[at] |= any;
            }
            case ALL -> {
                long all = 1;
                for (int i = offset; i < offset + n; i++) {
                    all &= values[i];
                }
                acc[at] &= all;
            }
            case COUNT -> {
                long count = 0;
                for (int i = offset; i < offset + n; i++) {
                    count += values[i];
                }
                acc[at] += count;
            }
        }
    }

    @Override
    public void accumulate(Object state, int at, Object lane, int offset, int n, long index) {
        long[] values = (long[]) lane;
        long[] acc = (long[]) state;
        for (int j = 0; j < n; j++) {
            long x = values[offset + j];
            switch (kind) {
                case ANY -> acc[at + j] |= x;
                case ALL -> acc[at + j] &= x;
                case COUNT -> acc[at + j] += x;
            }
        }
    }

    @Override
    public void merge(Object into, Object later) {
        long[] a = (long[]) into;
        long[] b = (long[]) later;
        for (int i = 0; i < a.length; i++) {
            switch (kind) {
                case ANY -> a[i] |= b[i];
                case ALL -> a[i] &= b[i];
                case COUNT -> a[i] += b[i];
            }
        }
    }

    @Override
    public void finish(Object state, Block out) {
        long[] acc = (long[]) state;
        for (int i = 0; i < acc.length; i++) {
            out.setLong(i, acc[i]);
        }
    }
}
