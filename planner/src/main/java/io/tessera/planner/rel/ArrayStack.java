package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

/** Arrays of one shape stacked along a new axis. */
public final class ArrayStack extends ArrayRel {
    private final int axis;

    public ArrayStack(RelOptCluster cluster, List<RelNode> inputs, int axis, DType dtype, long[] shape,
            ChunkGrid chunks) {
        super(cluster, inputs, dtype, shape, chunks);
        this.axis = axis;
    }

    public int axis() {
        return axis;
    }

    @Override
    public ArrayRel withInputs(List<RelNode> newInputs) {
        return new ArrayStack(getCluster(), newInputs, axis, dtype(), shape(), chunks());
    }

    @Override
    protected void explainAttributes(RelWriter pw) {
        pw.item("axis", axis);
    }
}
