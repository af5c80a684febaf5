package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.run.TaskContext;

/** An operator with several consumers: each box is computed once per task. */
final class SharedOp implements Operator {
    private final Operator inner;

    SharedOp(Operator inner) {
        this.inner = inner;
    }

    Operator inner() {
        return inner;
    }

    @Override
    public PlanNode node() {
        return inner.node();
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        return context.memo(this, box, () -> inner.evaluate(box, context));
    }
}
