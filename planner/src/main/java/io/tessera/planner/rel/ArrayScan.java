package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.Selection;
import io.tessera.executor.storage.ArraySource;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

/** Reads selected elements of a stored array (a dataset, a stack of files, a .npy file). */
public final class ArrayScan extends ArrayRel implements ArraySourceRel {
    private final ArraySource source;
    private final Selection selection;

    public ArrayScan(RelOptCluster cluster, ArraySource source, Selection selection, ChunkGrid chunks) {
        super(cluster, List.of(), source.dtype(), selection.outputShape(), chunks);
        this.source = source;
        this.selection = selection;
    }

    public ArraySource source() {
        return source;
    }

    @Override
    public Selection selection() {
        return selection;
    }

    @Override
    public ArrayRel withSelection(Selection newSelection, ChunkGrid newChunks) {
        return new ArrayScan(getCluster(), source, newSelection, newChunks);
    }

    @Override
    public ArrayRel withInputs(List<RelNode> newInputs) {
        return new ArrayScan(getCluster(), source, selection, chunks());
    }

    @Override
    protected void explainAttributes(RelWriter pw) {
        pw.item("source", source.description());
        pw.itemIf("select", selection, !selection.isAll(source.shape()));
    }
}
