package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * An array operator in Calcite's plan, in the {@link ArrayConvention#ARRAY} convention. Every
 * attribute is printed by {@link #explainTerms}, since the planner treats nodes that print alike as
 * the same node.
 */
public abstract class ArrayRel extends AbstractRelNode {
    private final List<RelNode> inputs;
    private final DType dtype;
    private final long[] shape;
    private final ChunkGrid chunks;

    protected ArrayRel(RelOptCluster cluster, List<RelNode> inputs, DType dtype, long[] shape, ChunkGrid chunks) {
        super(cluster, cluster.traitSetOf(ArrayConvention.ARRAY));
        this.inputs = new ArrayList<>(inputs);
        this.dtype = dtype;
        this.shape = shape.clone();
        this.chunks = chunks;
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    public long size() {
        return Shapes.size(shape);
    }

    public ChunkGrid chunks() {
        return chunks;
    }

    /** The input at {@code index}, as an array operator (looking through the planner's wrappers). */
    public ArrayRel array(int index) {
        return ArrayRels.unwrap(inputs.get(index));
    }

    /** A copy of this node over other inputs. */
    public abstract ArrayRel withInputs(List<RelNode> newInputs);

    @Override
    public final RelNode copy(RelTraitSet traitSet, List<RelNode> newInputs) {
        return withInputs(newInputs);
    }

    @Override
    public List<RelNode> getInputs() {
        return inputs;
    }

    @Override
    public void replaceInput(int ordinalInParent, RelNode p) {
        inputs.set(ordinalInParent, p);
        recomputeDigest();
    }

    @Override
    protected RelDataType deriveRowType() {
        return RelTypes.rowType(getCluster().getTypeFactory(), dtype);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        for (int i = 0; i < inputs.size(); i++) {
            pw.input("input#" + i, inputs.get(i));
        }
        explainAttributes(pw);
        return pw.item("dtype", dtype).item("shape", Shapes.format(shape)).item("chunks", chunks);
    }

    /** Prints the node's own attributes (inputs, dtype, shape and chunks are printed by the base). */
    protected abstract void explainAttributes(RelWriter pw);

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return Math.max(1, size());
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return planner.getCostFactory().makeCost(size(), size(), 0);
    }
}
