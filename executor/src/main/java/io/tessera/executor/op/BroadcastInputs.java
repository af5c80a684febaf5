package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.kernel.Gather;
import io.tessera.executor.run.TaskContext;

/**
 * Evaluates the inputs of an elementwise expression for one box of its (broadcast) shape. Each
 * input computes only its own part: an axis it broadcasts along is read at length 1. Inputs then
 * come back either at the box's full size or as a single value; anything else is expanded.
 */
final class BroadcastInputs {
    private BroadcastInputs() {
    }

    static Block[] evaluate(Operator[] inputs, long[] shape, Box box, TaskContext context) {
        Block[] blocks = new Block[inputs.length];
        long size = box.size();
        for (int i = 0; i < inputs.length; i++) {
            long[] inputShape = inputs[i].node().shape();
            Box inputBox = inputBox(inputShape, shape, box);
            Block block = inputs[i].evaluate(inputBox, context);
            if (block.size() == size || block.size() == 1) {
                blocks[i] = block;
            } else {
                Block expanded = context.allocate(block.dtype(), box.intShape());
                Gather.broadcast(block, expanded);
                blocks[i] = expanded;
            }
        }
        return blocks;
    }

    /** The box of an input that broadcasts to {@code shape}: its axes align with the last ones. */
    static Box inputBox(long[] inputShape, long[] shape, Box box) {
        int shift = shape.length - inputShape.length;
        long[] start = new long[inputShape.length];
        long[] count = new long[inputShape.length];
        for (int axis = 0; axis < inputShape.length; axis++) {
            if (inputShape[axis] == 1 && shape[axis + shift] != 1) {
                start[axis] = 0;
                count[axis] = 1;
            } else {
                start[axis] = box.start(axis + shift);
                count[axis] = box.count(axis + shift);
            }
        }
        return new Box(start, count);
    }
}
