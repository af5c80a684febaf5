package io.tessera.executor.plan;

import io.tessera.executor.Block;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import java.util.List;

/** An array held in memory (a literal, or a result computed earlier). */
public record ValuesNode(Block block, ChunkGrid chunks) implements PlanNode {
    @Override
    public DType dtype() {
        return block.dtype();
    }

    @Override
    public long[] shape() {
        return Shapes.toLong(block.shape());
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Values " + dtype() + Shapes.format(shape());
    }
}
