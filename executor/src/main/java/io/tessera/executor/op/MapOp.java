package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.expr.MapProgram;
import io.tessera.executor.plan.MapNode;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.run.TaskContext;

/** Computes an elementwise expression over a box in one fused pass. */
final class MapOp implements Operator {
    private final MapNode node;
    private final Operator[] inputs;
    private final MapProgram program;

    MapOp(MapNode node, Operator[] inputs) {
        this.node = node;
        this.inputs = inputs;
        this.program = new MapProgram(node.expression(), inputs.length);
    }

    @Override
    public PlanNode node() {
        return node;
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        Block[] blocks = BroadcastInputs.evaluate(inputs, node.shape(), box, context);
        Block out = context.allocate(node.dtype(), box.intShape());
        MapProgram.Scratch scratch = context.scratch(program, owner -> program.newScratch());
        program.evaluate(blocks, out, 0, out.size(), scratch);
        return out;
    }
}
