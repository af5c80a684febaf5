package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.RechunkNode;
import io.tessera.executor.run.TaskContext;

/** Rechunking changes only how tasks cut the array; any box is computed by the input directly. */
final class RechunkOp implements Operator {
    private final RechunkNode node;
    private final Operator input;

    RechunkOp(RechunkNode node, Operator input) {
        this.node = node;
        this.input = input;
    }

    @Override
    public PlanNode node() {
        return node;
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        return input.evaluate(box, context);
    }
}
