package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.run.TaskContext;

/**
 * Gives back, as soon as an operator has computed a box, the blocks it made on the way (its
 * inputs' blocks, chunks it read), keeping only its result: a task then holds a few chunks at a
 * time however many it reads.
 */
final class ScopedOp implements Operator {
    private final Operator inner;

    ScopedOp(Operator inner) {
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
        int mark = context.mark();
        Block result = inner.evaluate(box, context);
        context.releaseTo(mark, result);
        return result;
    }
}
