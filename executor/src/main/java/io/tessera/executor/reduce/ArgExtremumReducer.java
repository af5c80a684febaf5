package io.tessera.executor.reduce;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;

/**
 * argmin and argmax: the position of the first best value within the reduced axes; a NaN is the
 * best value (the first NaN wins), as in NumPy. Chunks do not arrive in the order of positions
 * (a chunk to the right holds earlier positions than the next row of chunks), so ties go to the
 * smaller position rather than to the value seen first.
 */
final class ArgExtremumReducer implements Reducer {
    private final boolean max;
    private final DType dtype;
    private final String name;

    ArgExtremumReducer(boolean max, DType dtype, String name) {
        this.max = max;
        this.dtype = dtype;
        this.name = name;
    }

    private record State(double[] doubles, long[] longs, long[] index) {
    }

    @Override
    public boolean usesPositions() {
        return true;
    }

    @Override
    public Object newState(int size) {
        long[] index = new long[size];
        java.util.Arrays.fill(index, -1);
        return dtype.isDoubleLane() ? new State(new double[size], null, index) : new State(null, new long[size], index);
    }

    @Override
    public void reduceRun(Object state, int at, Object lane, int offset, int n, long index) {
        for (int i = 0; i < n; i++) {
            offer((State) state, at, lane, offset + i, index + i);
        }
    }

    @Override
    public void accumulate(Object state, int at, Object lane, int offset, int n, long index) {
        for (int j = 0; j < n; j++) {
            offer((State) state, at + j, lane, offset + j, index);
        }
    }

    private void offer(State s, int at, Object lane, int i, long position) {
        if (dtype.isDoubleLane()) {
            double x = ((double[]) lane)[i];
            if (s.index[at] < 0 || better(x, position, s.doubles[at], s.index[at])) {
                s.doubles[at] = x;
                s.index[at] = position;
            }
        } else {
            long x = ((long[]) lane)[i];
            if (s.index[at] < 0 || better(x, position, s.longs[at], s.index[at])) {
                s.longs[at] = x;
                s.index[at] = position;
            }
        }
    }

    /** Whether value {@code x} at {@code position} beats the best so far: NaN first, then ties to the earlier position. */
    private boolean better(double x, long position, double best, long bestPosition) {
        boolean xNaN = x != x;
        boolean bestNaN = best != best;
        if (xNaN || bestNaN) {
            return xNaN && (!bestNaN || position < bestPosition);
        }
        if (x == best) {
            return position < bestPosition;
        }
        return max ? x > best : x < best;
    }

    private boolean better(long x, long position, long best, long bestPosition) {
        int c = dtype == DType.UINT64 ? Long.compareUnsigned(x, best) : Long.compare(x, best);
        if (c == 0) {
            return position < bestPosition;
        }
        return max ? c > 0 : c < 0;
    }

    @Override
    public void merge(Object into, Object later) {
        State a = (State) into;
        State b = (State) later;
        for (int i = 0; i < a.index.length; i++) {
            if (b.index[i] < 0) {
                continue;
            }
            boolean take = a.index[i] < 0 || (dtype.isDoubleLane()
                    ? better(b.doubles[i], b.index[i], a.doubles[i], a.index[i])
                    : better(b.longs[i], b.index[i], a.longs[i], a.index[i]));
            if (take) {
                if (dtype.isDoubleLane()) {
                    a.doubles[i] = b.doubles[i];
                } else {
                    a.longs[i] = b.longs[i];
                }
                a.index[i] = b.index[i];
            }
        }
    }

    @Override
    public void finish(Object state, Block out) {
        State s = (State) state;
        for (int i = 0; i < s.index.length; i++) {
            if (s.index[i] < 0) {
                throw new ExecutorException(ExecutorException.Kind.DATA, "attempt to get " + name + " of an empty sequence");
            }
            out.setLong(i, s.index[i]);
        }
    }
}
