package io.tessera.planner.rel;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * The items of one SELECT, planned together so that parts they share are planned (and computed)
 * once.
 */
public final class ArrayItems extends AbstractRelNode {
    private final List<RelNode> items;
    private final List<String> names;

    public ArrayItems(RelOptCluster cluster, List<RelNode> items, List<String> names) {
        super(cluster, cluster.traitSetOf(ArrayConvention.ARRAY));
        this.items = new ArrayList<>(items);
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }

    @Override
    public List<RelNode> getInputs() {
        return items;
    }

    @Override
    public void replaceInput(int ordinalInParent, RelNode p) {
        items.set(ordinalInParent, p);
        recomputeDigest();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new ArrayItems(getCluster(), inputs, names);
    }

    @Override
    protected RelDataType deriveRowType() {
        RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
        for (int i = 0; i < items.size(); i++) {
            builder.add(names.get(i) + "#" + i, items.get(i).getRowType().getFieldList().get(0).getType());
        }
        return builder.build();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        for (int i = 0; i < items.size(); i++) {
            pw.input(names.get(i), items.get(i));
        }
        return pw;
    }
}
