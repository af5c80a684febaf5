package io.tessera.executor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Broadcasting by whole runs gives what broadcasting element by element gives, for every layout. */
class GatherBroadcastTest {
    @Test
    void everySourceShapeBroadcastsAsNumpyDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 2000; trial++) {
            int rank = random.nextInt(0, 5);
            int[] target = new int[rank];
            for (int axis = 0; axis < rank; axis++) {
                target[axis] = random.nextInt(0, 6);
            }
            int sourceRank = random.nextInt(0, rank + 1);
            int[] sourceShape = new int[sourceRank];
            for (int axis = 0; axis < sourceRank; axis++) {
                int t = target[rank - sourceRank + axis];
                sourceShape[axis] = random.nextBoolean() ? 1 : t;
            }
            DType dtype = DType.values()[random.nextInt(DType.values().length)];
            Block source = Block.allocate(dtype, sourceShape);
            for (int i = 0; i < source.size(); i++) {
                source.setLong(i, i + 1);
            }
            Block actual = Block.allocate(dtype, target);
            Gather.broadcast(source, actual);
            Block expected = expected(source, target, dtype);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.getDouble(i), actual.getDouble(i), java.util.Arrays.toString(sourceShape)
                        + " to " + java.util.Arrays.toString(target) + " " + dtype + " at " + i);
            }
        }
    }

    /** Element by element: each target index, its source index with repeated axes at 0. */
    private static Block expected(Block source, int[] target, DType dtype) {
        Block out = Block.allocate(dtype, target);
        int[] sourceShape = source.shape();
        int[] sourceStrides = Shapes.strides(sourceShape);
        int shift = target.length - sourceShape.length;
        int[] index = new int[target.length];
        for (int flat = 0; flat < out.size(); flat++) {
            int rest = flat;
            for (int axis = target.length - 1; axis >= 0; axis--) {
                index[axis] = rest % target[axis];
                rest /= target[axis];
            }
            int at = 0;
            for (int axis = 0; axis < sourceShape.length; axis++) {
                at += (sourceShape[axis] == 1 ? 0 : index[axis + shift]) * sourceStrides[axis];
            }
            out.setLong(flat, source.getLong(at));
        }
        return out;
    }
}
