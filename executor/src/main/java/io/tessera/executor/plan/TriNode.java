package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import java.util.List;

/** triu or tril: zeros below (upper) or above (lower) the k-th diagonal of the last two axes. */
public record TriNode(PlanNode input, long k, boolean upper, ChunkGrid chunks) implements PlanNode {
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
        return (upper ? "Triu" : "Tril") + " k=" + k + " " + dtype() + Shapes.format(shape()) + " chunks=" + chunks;
    }
}
