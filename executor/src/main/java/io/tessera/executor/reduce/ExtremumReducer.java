package io.tessera.executor.reduce;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;

/**
 * min, max, nanmin, nanmax: NaN wins in min and max, is skipped by the nan forms (an all-NaN slice
 * gives NaN); integers compare unsigned for uint64. An empty slice is an error, as in NumPy.
 */
final class ExtremumReducer implements Reducer {
    private final boolean max;
    private final boolean skipNaN;
    private final DType dtype;
    private final String name;

    ExtremumReducer(boolean max, boolean skipNaN, DType dtype, String name) {
        this.max = max;
        this.skipNaN = skipNaN;
        this.dtype = dtype;
        this.name = name;
    }

    /** The best value so far and whether any value arrived, per output. */
    private record State(double[] doubles, long[] longs, boolean[] seen) {
    }

    @Override
    public Object newState(int size) {
        if (dtype.isDoubleLane()) {
            double[] values = new double[size];
            // start from NaN for the nan forms so an all-NaN slice stays NaN
            java.util.Arrays.fill(values, skipNaN ? Double.NaN : max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            return new State(values, null, new boolean[size]);
        }
        return new State(null, new long[size], new boolean[size]);
    }

    @Override
    public void reduceRun(Object state, int at, Object lane, int offset, int n, long index) {
        if (n == 0) {
            return;
        }
        State s = (State) state;
        if (dtype.isDoubleLane()) {
            double[] values = (double[]) lane;
            double best = s.doubles[at];
            for (int i = offset; i < offset + n; i++) {
                best = pick(best, values[i]);
            }
            s.doubles[at] = best;
        } else {
            long[] values = (long[]) lane;
            long best = s.seen[at] ? s.longs[at] : values[offset];
            for (int i = offset; i < offset + n; i++) {
                best = pick(best, values[i]);
            }
            s.longs[at] = best;
        }
        s.seen[at] = true;
    }

    @Override
    public void accumulate(Object state, int at, Object lane, int offset, int n, long index) {
        State s = (State) state;
        if (dtype.isDoubleLane()) {
            double[] values = (double[]) lane;
            for (int j = 0; j < n; j++) {
                s.doubles[at + j] = pick(s.doubles[at + j], values[offset + j]);
                s.seen[at + j] = true;
            }
        } else {
            long[] values = (long[]) lane;
            for (int j = 0; j < n; j++) {
                s.longs[at + j] = s.seen[at + j] ? pick(s.longs[at + j], values[offset + j]) : values[offset + j];
                s.seen[at + j] = true;
            }
        }
    }

    private double pick(double best, double x) {
        if (skipNaN) {
            if (x != x) {
                return best;
            }
            if (best != best) {
                return x;
            }
            return max ? (x > best ? x : best) : (x < best ? x : best);
        }
        if (best != best || x != x) {
            return best != best ? best : x;
        }
        return max ? (x > best ? x : best) : (x < best ? x : best);
    }

    private long pick(long best, long x) {
        int c = dtype == DType.UINT64 ? Long.compareUnsigned(x, best) : Long.compare(x, best);
        return max ? (c > 0 ? x : best) : (c < 0 ? x : best);
    }

    @Override
    public void merge(Object into, Object later) {
        State a = (State) into;
        State b = (State) later;
        for (int i = 0; i < a.seen.length; i++) {
            if (!b.seen[i]) {
                continue;
            }
            if (dtype.isDoubleLane()) {
                a.doubles[i] = pick(a.doubles[i], b.doubles[i]);
            } else {
                a.longs[i] = a.seen[i] ? pick(a.longs[i], b.longs[i]) : b.longs[i];
            }
            a.seen[i] = true;
        }
    }

    @Override
    public void finish(Object state, Block out) {
        State s = (State) state;
        for (int i = 0; i < s.seen.length; i++) {
            if (!s.seen[i]) {
                throw new ExecutorException(ExecutorException.Kind.DATA,
                        "zero-size array to reduction operation " + name + " which has no identity");
            }
            if (dtype.isDoubleLane()) {
                out.setDouble(i, s.doubles[i]);
            } else {
                out.setLong(i, s.longs[i]);
            }
        }
    }
}
