package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.kernel.Gather;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.StackNode;
import io.tessera.executor.run.TaskContext;

/** Arrays stacked along a new axis: each slice of the box comes from one input. */
final class StackOp implements Operator {
    private final StackNode node;
    private final Operator[] inputs;

    StackOp(StackNode node, Operator[] inputs) {
        this.node = node;
        this.inputs = inputs;
    }

    @Override
    public PlanNode node() {
        return node;
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        int axis = node.axis();
        int rank = box.ndim();
        long[] start = new long[rank - 1];
        long[] count = new long[rank - 1];
        for (int a = 0, j = 0; a < rank; a++) {
            if (a != axis) {
                start[j] = box.start(a);
                count[j++] = box.count(a);
            }
        }
        Box inner = new Box(start, count);
        Block out = context.allocate(node.dtype(), box.intShape());
        int[] zero = new int[rank];
        int[] sliceShape = box.intShape();
        sliceShape[axis] = 1;
        for (int k = 0; k < box.count(axis); k++) {
            Block slice = inputs[(int) (box.start(axis) + k)].evaluate(inner, context).reshape(sliceShape);
            int[] targetStart = zero.clone();
            targetStart[axis] = k;
            Gather.copyBox(slice, zero, sliceShape, out, targetStart);
        }
        return out;
    }
}
