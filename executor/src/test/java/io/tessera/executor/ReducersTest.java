package io.tessera.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tessera.executor.reduce.ReduceFunction;
import io.tessera.executor.reduce.Reducer;
import io.tessera.executor.reduce.Reducers;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reducers give the same answer whether values arrive at once or in pieces merged in order. */
class ReducersTest {
    private static final double[] VALUES = values();

    private static double[] values() {
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e6 + random.nextGaussian();
        }
        values[1234] = 1e6 + 9;
        return values;
    }

    private static double reduce(ReduceFunction function, int pieces) {
        Reducer reducer = Reducers.create(function, DType.FLOAT64, 1, VALUES.length);
        Object total = null;
        int step = VALUES.length / pieces;
        for (int p = 0; p < pieces; p++) {
            Object state = reducer.newState(1);
            reducer.reduceRun(state, 0, VALUES, p * step, step, p * step);
            if (total == null) {
                total = state;
            } else {
                reducer.merge(total, state);
            }
        }
        Block out = Block.allocate(function.isArg() ? DType.INT64 : DType.FLOAT64, new int[0]);
        reducer.finish(total, out);
        return out.getDouble(0);
    }

    @Test
    void piecesMergeToTheWholeResult() {
        for (ReduceFunction function : new ReduceFunction[] {ReduceFunction.SUM, ReduceFunction.MEAN,
                ReduceFunction.VAR, ReduceFunction.STD, ReduceFunction.MAX, ReduceFunction.ARGMAX}) {
            double whole = reduce(function, 1);
            double split = reduce(function, 10);
            assertEquals(whole, split, Math.abs(whole) * 1e-12, function.toString());
        }
    }

    @Test
    void varianceIsTwoPassAccurateWithALargeMean() {
        double mean = 0;
        for (double v : VALUES) {
            mean += v;
        }
        mean /= VALUES.length;
        double m2 = 0;
        for (double v : VALUES) {
            m2 += (v - mean) * (v - mean);
        }
        assertEquals(m2 / (VALUES.length - 1), reduce(ReduceFunction.VAR, 10), 1e-9);
    }

    @Test
    void extremaOfNothingAreAnError() {
        Reducer reducer = Reducers.create(ReduceFunction.MIN, DType.FLOAT64, 0, 0);
        Object state = reducer.newState(1);
        assertThrows(ExecutorException.class, () -> reducer.finish(state, Block.allocate(DType.FLOAT64, new int[0])));
    }
}
