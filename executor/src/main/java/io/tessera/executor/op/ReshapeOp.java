package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.FlatRuns;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.ReshapeNode;
import io.tessera.executor.run.TaskContext;

/**
 * A reshape: each contiguous run of the output box is a flat range of the input, read as the few
 * boxes that make up that range.
 */
final class ReshapeOp implements Operator {
    private final ReshapeNode node;
    private final Operator input;

    ReshapeOp(ReshapeNode node, Operator input) {
        this.node = node;
        this.input = input;
    }

    @Override
    public PlanNode node() {
        return node;
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        Block out = context.allocate(node.dtype(), box.intShape());
        long[] inputShape = input.node().shape();
        FlatRuns.runs(node.shape(), box, (flat, boxOffset, count) -> {
            int at = boxOffset;
            for (Box piece : FlatRuns.boxes(inputShape, flat, flat + count)) {
                Block part = input.evaluate(piece, context);
                System.arraycopy(part.data(), 0, out.data(), at, part.size());
                at += part.size();
            }
        });
        return out;
    }
}
