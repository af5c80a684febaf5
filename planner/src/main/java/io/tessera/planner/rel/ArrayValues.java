package io.tessera.planner.rel;

import io.tessera.executor.Block;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.Shapes;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

/** A small array given by value (an integer list, a literal array). */
public final class ArrayValues extends ArrayRel {
    private final Block block;

    public ArrayValues(RelOptCluster cluster, Block block) {
        super(cluster, List.of(), block.dtype(), Shapes.toLong(block.shape()), ChunkGrid.single(Shapes.toLong(block.shape())));
        this.block = block;
    }

    public Block block() {
        return block;
    }

    @Override
    public ArrayRel withInputs(List<RelNode> newInputs) {
        return new ArrayValues(getCluster(), block);
    }

    @Override
    protected void explainAttributes(RelWriter pw) {
        StringBuilder values = new StringBuilder("[");
        for (int i = 0; i < Math.min(block.size(), 16); i++) {
            values.append(i == 0 ? "" : ", ").append(block.dtype().isFloat() ? Double.toString(block.getDouble(i))
                    : Long.toString(block.getLong(i)));
        }
        if (block.size() > 16) {
            // equal prefixes must not make different arrays look alike to the planner
            values.append(", ... #").append(System.identityHashCode(block));
        }
        pw.item("values", values.append(']').toString());
    }
}
