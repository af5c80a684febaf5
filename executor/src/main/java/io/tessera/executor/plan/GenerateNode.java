package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Selection;
import io.tessera.executor.Shapes;
import io.tessera.executor.generate.Generator;
import java.util.List;

/** Computes the selected elements of a generated array (and only those). */
public record GenerateNode(Generator generator, Selection selection, ChunkGrid chunks) implements PlanNode {
    @Override
    public DType dtype() {
        return generator.dtype();
    }

    @Override
    public long[] shape() {
        return selection.outputShape();
    }

    @Override
    public List<PlanNode> inputs() {
        return List.of();
    }

    @Override
    public String describe() {
        String selected = selection.isAll(generator.shape()) ? "" : " select=" + selection;
        return "Generate " + generator.description() + selected + " " + dtype() + Shapes.format(shape()) + " chunks="
                + chunks;
    }
}
