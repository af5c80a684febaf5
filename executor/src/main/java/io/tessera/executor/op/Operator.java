package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.run.TaskContext;

/**
 * The executable form of a plan node: computes any box of its array. The block it returns belongs
 * to the task and must not be changed by the caller.
 */
public interface Operator {
    PlanNode node();

    Block evaluate(Box box, TaskContext context);
}
