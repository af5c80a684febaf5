package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import java.util.List;

/** The same elements in row-major order, seen with another shape. */
public record ReshapeNode(PlanNode input, long[] shape, ChunkGrid chunks) implements PlanNode {
    @Override
    public DType dtype() {
        return input.dtype();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "Reshape " + dtype() + Shapes.format(shape) + " chunks=" + chunks;
    }
}
