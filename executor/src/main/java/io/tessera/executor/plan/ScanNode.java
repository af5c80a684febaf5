package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Selection;
import io.tessera.executor.Shapes;
import io.tessera.executor.storage.ArraySource;
import java.util.List;

/** Reads the selected elements of a stored array; only the stored chunks holding them are read. */
public record ScanNode(ArraySource source, Selection selection, ChunkGrid chunks) implements PlanNode {
    @Override
    public DType dtype() {
        return source.dtype();
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
        String selected = selection.isAll(source.shape()) ? "" : " select=" + selection;
        return "Scan " + source.description() + selected + " " + dtype() + Shapes.format(shape()) + " chunks=" + chunks;
    }
}
