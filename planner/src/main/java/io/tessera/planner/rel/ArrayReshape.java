package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

/** The input's elements in row-major order with another shape. */
public final class ArrayReshape extends ArrayRel {
    public ArrayReshape(RelOptCluster cluster, RelNode input, long[] shape, ChunkGrid chunks) {
        super(cluster, List.of(input), ArrayRels.unwrap(input).dtype(), shape, chunks);
    }

    @Override
    public ArrayRel withInputs(List<RelNode> newInputs) {
        return new ArrayReshape(getCluster(), newInputs.get(0), shape(), chunks());
    }

    @Override
    protected void explainAttributes(RelWriter pw) {
        // the shape printed by the base says it all
    }
}
