package io.tessera.executor.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A short reduced innermost axis (sums over 3 coordinates) goes to the reducer as many runs at
 * once; every output gets the same sum as when the runs come one by one, across lane batches.
 */
class ShortRunsTest {
    @Test
    void manyShortRunsSumAsOneByOne() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int outer = random.nextInt(1, 5);
            int rows = random.nextInt(1, 700);
            int run = random.nextInt(1, 9);
            int batch = random.nextInt(1, 1100);
            boolean skipNaN = random.nextBoolean();
            double[] values = new double[outer * rows * run];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextDouble(-1e6, 1e6);
            }
            int[] shape = {outer, rows, run};
            boolean[] reduced = {false, false, true};
            int[] outputStrides = {rows, 1, 0};
            long[] reducedStrides = {0, 0, 1};

            SumReducer fast = new SumReducer(true, skipNaN);
            Object fastState = fast.newState(outer * rows);
            ReductionWalker.feed(fast, fastState, lanes(values, batch), shape, reduced, outputStrides, reducedStrides,
                    0);

            // the same walk with runs handed over one at a time
            Reducer single = oneByOne(new SumReducer(true, skipNaN));
            Object singleState = single.newState(outer * rows);
            ReductionWalker.feed(single, singleState, lanes(values, batch), shape, reduced, outputStrides,
                    reducedStrides, 0);

            double[] expected = new double[outer * rows];
            for (int o = 0; o < expected.length; o++) {
                for (int j = 0; j < run; j++) {
                    double v = values[o * run + j];
                    expected[o] += skipNaN && Double.isNaN(v) ? 0 : v;
                }
            }
            for (int o = 0; o < expected.length; o++) {
                double got = ((double[]) fastState)[o];
                assertEquals(((double[]) singleState)[o], got, "output " + o + " of trial " + trial);
                if (Double.isNaN(expected[o])) {
                    assertEquals(Double.NaN, got, "output " + o);
                } else {
                    assertEquals(expected[o], got, Math.abs(expected[o]) * 1e-12 + 1e-6, "output " + o);
                }
            }
        }
    }

    /** {@code reducer} with runs handed over one at a time (the interface's own reduceRuns). */
    private static Reducer oneByOne(Reducer reducer) {
        return new Reducer() {
            @Override
            public Object newState(int size) {
                return reducer.newState(size);
            }

            @Override
            public void reduceRun(Object state, int at, Object lane, int offset, int n, long index) {
                reducer.reduceRun(state, at, lane, offset, n, index);
            }

            @Override
            public void accumulate(Object state, int at, Object lane, int offset, int n, long index) {
                reducer.accumulate(state, at, lane, offset, n, index);
            }

            @Override
            public void merge(Object into, Object later) {
                reducer.merge(into, later);
            }

            @Override
            public void finish(Object state, io.tessera.executor.Block out) {
                reducer.finish(state, out);
            }
        };
    }

    /** Hands out {@code values} in lanes of at most {@code batch}, copied so offsets vary. */
    private static LaneSource lanes(double[] values, int batch) {
        return new LaneSource() {
            private int offset;

            @Override
            public int batch() {
                return batch;
            }

            @Override
            public Object load(int start, int n) {
                offset = start % 5;
                double[] lane = new double[offset + n];
                System.arraycopy(values, start, lane, offset, n);
                return lane;
            }

            @Override
            public int offset() {
                return offset;
            }
        };
    }
}
