package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

/** The input cut into other chunks. */
public final class ArrayRechunk extends ArrayRel {
    public ArrayRechunk(RelOptCluster cluster, RelNode input, ChunkGrid chunks) {
        super(cluster, List.of(input), ArrayRels.unwrap(input).dtype(), ArrayRels.unwrap(input).shape(), chunks);
    }

    @Override
    public ArrayRel withInputs(List<RelNode> newInputs) {
        return new ArrayRechunk(getCluster(), newInputs.get(0), chunks());
    }

    @Override
    protected void explainAttributes(RelWriter pw) {
        // the chunks printed by the base say it all
    }
}
