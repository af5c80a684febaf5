package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import java.util.List;

/** The same array cut into other chunks. */
public record RechunkNode(PlanNode input, ChunkGrid chunks) implements PlanNode {
    @Override
    public DType dtype() {
        return input.dtype();
    }

    @Override
    public long[] shape() {
        return input.shape();
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "Rechunk " + dtype() + Shapes.format(shape()) + " chunks=" + chunks;
    }
}
