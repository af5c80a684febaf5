package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

/** triu or tril over the last two axes. */
public final class ArrayTri extends ArrayRel {
    private final long k;
    private final boolean upper;

    public ArrayTri(RelOptCluster cluster, RelNode input, long k, boolean upper, ChunkGrid chunks) {
        super(cluster, List.of(input), ArrayRels.unwrap(input).dtype(), ArrayRels.unwrap(input).shape(), chunks);
        this.k = k;
        this.upper = upper;
    }

    public long k() {
        return k;
    }

    public boolean upper() {
        return upper;
    }

    @Override
    public ArrayRel withInputs(List<RelNode> newInputs) {
        return new ArrayTri(getCluster(), newInputs.get(0), k, upper, chunks());
    }

    @Override
    protected void explainAttributes(RelWriter pw) {
        pw.item("part", upper ? "upper" : "lower").item("k", k);
    }
}
