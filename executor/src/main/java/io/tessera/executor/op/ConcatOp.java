package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.kernel.Gather;
import io.tessera.executor.plan.ConcatNode;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.run.TaskContext;

/** Arrays joined along an axis: the box is cut where one input ends and the next begins. */
final class ConcatOp implements Operator {
    private final ConcatNode node;
    private final Operator[] inputs;
    private final long[] offsets;

    ConcatOp(ConcatNode node, Operator[] inputs) {
        this.node = node;
        this.inputs = inputs;
        this.offsets = new long[inputs.length + 1];
        for (int i = 0; i < inputs.length; i++) {
            offsets[i + 1] = offsets[i] + inputs[i].node().shape()[node.axis()];
        }
    }

    @Override
    public PlanNode node() {
        return node;
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        int axis = node.axis();
        Block out = context.allocate(node.dtype(), box.intShape());
        long from = box.start(axis);
        long to = box.stop(axis);
        for (int i = 0; i < inputs.length; i++) {
            long lo = Math.max(from, offsets[i]);
            long hi = Math.min(to, offsets[i + 1]);
            if (lo >= hi) {
                continue;
            }
            long[] start = box.start();
            long[] count = box.count();
            start[axis] = lo - offsets[i];
            count[axis] = hi - lo;
            Block part = inputs[i].evaluate(new Box(start, count), context);
            int[] targetStart = new int[box.ndim()];
            targetStart[axis] = (int) (lo - from);
            Gather.copyBox(part, new int[box.ndim()], part.shape(), out, targetStart);
        }
        return out;
    }
}
