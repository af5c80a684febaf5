package io.tessera.planner.rules;

import io.tessera.executor.AxisSelection;
import io.tessera.executor.Selection;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayConcat;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArraySlice;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;

/**
 * Moves a contiguous selection below a concatenation: each array keeps its part of the selected
 * range, and arrays outside it are dropped.
 */
public final class SliceConcatTransposeRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("SliceConcatTransposeRule",
            b -> b.operand(ArraySlice.class)
                    .predicate(slice -> ArrayRels.unwrap(slice.getInput(0)) instanceof ArrayConcat concat
                            && slice.selection().keepsAxisOrder()
                            && slice.selection().axis(concat.axis()) instanceof AxisSelection.Range range
                            && range.step() == 1 && range.count() > 0)
                    .anyInputs(),
            SliceConcatTransposeRule::new);

    private SliceConcatTransposeRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArraySlice slice = call.rel(0);
        ArrayConcat concat = (ArrayConcat) ArrayRels.unwrap(slice.getInput(0));
        Selection outer = slice.selection();
        int axis = concat.axis();
        AxisSelection.Range range = (AxisSelection.Range) outer.axis(axis);
        long from = range.start();
        long to = range.start() + range.count();
        ArrayBuilder builder = ArrayBuilder.of(slice.getCluster());
        List<RelNode> inputs = new ArrayList<>();
        boolean dropped = true;
        for (int k = 0; k < outer.outputRank(); k++) {
            dropped &= outer.outputAxis(k) != axis;
        }
        long offset = 0;
        for (RelNode input : concat.getInputs()) {
            long length = ArrayRels.unwrap(input).shape()[axis];
            long lo = Math.max(from, offset);
            long hi = Math.min(to, offset + length);
            if (lo < hi) {
                List<AxisSelection> axes = new ArrayList<>(outer.axes());
                axes.set(axis, new AxisSelection.Range(lo - offset, 1, hi - lo));
                Selection selection = new Selection(axes, outer.outputAxes());
                inputs.add(selection.isAll(ArrayRels.unwrap(input).shape()) ? input : builder.slice(input, selection));
            }
            offset += length;
        }
        if (inputs.size() == 1) {
            call.transformTo(inputs.get(0));
        } else if (!dropped) {
            int position = 0;
            for (int k = 0; k < outer.outputRank(); k++) {
                if (outer.outputAxis(k) == axis) {
                    position = k;
                }
            }
            call.transformTo(builder.concat(inputs, position));
        }
    }
}
