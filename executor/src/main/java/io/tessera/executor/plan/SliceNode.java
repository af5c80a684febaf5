package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Selection;
import io.tessera.executor.Shapes;
import java.util.List;

/** Selected elements of a computed array (indexing, transposes, axes added or dropped). */
public record SliceNode(PlanNode input, Selection selection, ChunkGrid chunks) implements PlanNode {
    @Override
    public DType dtype() {
        return input.dtype();
    }

    @Override
    public long[] shape() {
        return selection.outputShape();
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of(input);
    }

    @Override
    public String describe() {
        return "Slice " + selection + " " + dtype() + Shapes.format(shape()) + " chunks=" + chunks;
    }
}
