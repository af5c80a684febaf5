package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rex.RexNode;

/** An elementwise expression over inputs broadcast to one shape; {@code $i} is input i. */
public final class ArrayMap extends ArrayRel {
    private final RexNode expression;

    public ArrayMap(RelOptCluster cluster, List<RelNode> inputs, RexNode expression, long[] shape, ChunkGrid chunks) {
        super(cluster, inputs, RelTypes.dtype(expression.getType()), shape, chunks);
        this.expression = expression;
    }

    public RexNode expression() {
        return expression;
    }

    @Override
    public ArrayRel withInputs(List<RelNode> newInputs) {
        return new ArrayMap(getCluster(), newInputs, expression, shape(), chunks());
    }

    @Override
    protected void explainAttributes(RelWriter pw) {
        pw.item("expr", RexTranslator.print(expression));
    }
}
