package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.Selection;
import io.tessera.executor.generate.Generator;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

/** Computes selected elements of a generated array (a range, an identity matrix, random numbers). */
public final class ArrayGenerate extends ArrayRel implements ArraySourceRel {
    private final Generator generator;
    private final Selection selection;

    public ArrayGenerate(RelOptCluster cluster, Generator generator, Selection selection, ChunkGrid chunks) {
        super(cluster, List.of(), generator.dtype(), selection.outputShape(), chunks);
        this.generator = generator;
        this.selection = selection;
    }

    public Generator generator() {
        return generator;
    }

    @Override
    public Selection selection() {
        return selection;
    }

    @Override
    public ArrayRel withSelection(Selection newSelection, ChunkGrid newChunks) {
        return new ArrayGenerate(getCluster(), generator, newSelection, newChunks);
    }

    @Override
    public ArrayRel withInputs(List<RelNode> newInputs) {
        return new ArrayGenerate(getCluster(), generator, selection, chunks());
    }

    @Override
    protected void explainAttributes(RelWriter pw) {
        pw.item("generator", generator.description());
        pw.itemIf("select", selection, !selection.isAll(generator.shape()));
    }
}
