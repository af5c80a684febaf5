package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.Selection;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

/** Indexing and transposition: selected elements of the input, axes dropped, added or reordered. */
public final class ArraySlice extends ArrayRel {
    private final Selection selection;

    public ArraySlice(RelOptCluster cluster, RelNode input, Selection selection, ChunkGrid chunks) {
        super(cluster, List.of(input), ArrayRels.unwrap(input).dtype(), selection.outputShape(), chunks);
        this.selection = selection;
    }

    public Selection selection() {
        return selection;
    }

    @Override
    public ArrayRel withInputs(List<RelNode> newInputs) {
        return new ArraySlice(getCluster(), newInputs.get(0), selection, chunks());
    }

    @Override
    protected void explainAttributes(RelWriter pw) {
        pw.item("select", selection);
    }
}
