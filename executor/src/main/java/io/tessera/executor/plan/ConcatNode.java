package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import java.util.List;

/** Arrays joined along an existing axis. */
public record ConcatNode(List<PlanNode> inputs, int axis, DType dtype, ChunkGrid chunks) implements PlanNode {
    public ConcatNode {
        inputs = List.copyOf(inputs);
    }

    @Override
    public long[] shape() {
        long[] shape = inputs.get(0).shape();
        shape[axis] = inputs.stream().mapToLong(input -> input.shape()[axis]).sum();
        return shape;
    }

    @Override
    public String describe() {
        return "Concat axis=" + axis + " " + dtype + Shapes.format(shape()) + " chunks=" + chunks;
    }
}
