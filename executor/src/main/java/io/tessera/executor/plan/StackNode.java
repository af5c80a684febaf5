package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import java.util.List;

/** Arrays of one shape stacked along a new axis. */
public record StackNode(List<PlanNode> inputs, int axis, DType dtype, ChunkGrid chunks) implements PlanNode {
    public StackNode {
        inputs = List.copyOf(inputs);
    }

    @Override
    public long[] shape() {
        long[] inner = inputs.get(0).shape();
        long[] shape = new long[inner.length + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            shape[i] = i == axis ? inputs.size() : inner[j++];
        }
        return shape;
    }

    @Override
    public String describe() {
        return "Stack axis=" + axis + " " + dtype + Shapes.format(shape()) + " chunks=" + chunks;
    }
}
