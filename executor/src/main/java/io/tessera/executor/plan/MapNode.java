package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import io.tessera.executor.expr.ScalarExpr;
import java.util.List;

/** An elementwise expression over inputs that broadcast to {@code shape}. */
public record MapNode(List<PlanNode> inputs, ScalarExpr expression, long[] shape, ChunkGrid chunks)
        implements PlanNode {
    public MapNode {
        inputs = List.copyOf(inputs);
    }

    @Override
    public DType dtype() {
        return expression.dtype();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public String describe() {
        return "Map " + ScalarExprPrinter.print(expression) + " " + dtype() + Shapes.format(shape) + " chunks=" + chunks;
    }
}
