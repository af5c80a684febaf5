package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.kernel.Gather;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.ValuesNode;
import io.tessera.executor.run.TaskContext;
import java.util.Arrays;

/** A box of an array held in memory. */
final class ValuesOp implements Operator {
    private final ValuesNode node;

    ValuesOp(ValuesNode node) {
        this.node = node;
    }

    @Override
    public PlanNode node() {
        return node;
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        Block block = node.block();
        if (Arrays.equals(box.intShape(), block.shape())) {
            return block;
        }
        Block out = context.allocate(node.dtype(), box.intShape());
        int[] start = new int[box.ndim()];
        for (int axis = 0; axis < start.length; axis++) {
            start[axis] = Math.toIntExact(box.start(axis));
        }
        Gather.copyBox(block, start, box.intShape(), out, new int[box.ndim()]);
        return out;
    }
}
