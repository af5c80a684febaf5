package io.tessera.planner.rules;

import io.tessera.executor.AxisSelection;
import io.tessera.executor.Selection;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArraySlice;
import io.tessera.planner.rel.ArrayStack;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;

/**
 * Moves a selection below a stack: the selection along the stacked axis picks the arrays, the rest
 * applies to each of them.
 */
public final class SliceStackTransposeRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("SliceStackTransposeRule",
            b -> b.operand(ArraySlice.class)
                    .predicate(slice -> ArrayRels.unwrap(slice.getInput(0)) instanceof ArrayStack
                            && slice.selection().keepsAxisOrder())
                    .anyInputs(),
            SliceStackTransposeRule::new);

    private SliceStackTransposeRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArraySlice slice = call.rel(0);
        ArrayStack stack = (ArrayStack) ArrayRels.unwrap(slice.getInput(0));
        Selection outer = slice.selection();
        int axis = stack.axis();
        List<AxisSelection> inner = new ArrayList<>();
        List<Integer> innerOutput = new ArrayList<>();
        boolean stackedShown = false;
        int stackedPosition = 0;
        for (int k = 0; k < outer.outputRank(); k++) {
            int shownAxis = outer.outputAxis(k);
            if (shownAxis == axis) {
                stackedShown = true;
                stackedPosition = k;
            } else {
                innerOutput.add(shownAxis < axis ? shownAxis : shownAxis - 1);
            }
        }
        for (int a = 0; a < outer.inputRank(); a++) {
            if (a != axis) {
                inner.add(outer.axis(a));
            }
        }
        Selection innerSelection = new Selection(inner, innerOutput.stream().mapToInt(Integer::intValue).toArray());
        ArrayBuilder builder = ArrayBuilder.of(slice.getCluster());
        AxisSelection picked = outer.axis(axis);
        List<RelNode> inputs = new ArrayList<>();
        for (int j = 0; j < picked.count(); j++) {
            RelNode input = stack.getInputs().get((int) picked.index(j));
            inputs.add(innerSelection.isAll(ArrayRels.unwrap(input).shape()) ? input : builder.slice(input, innerSelection));
        }
        if (!stackedShown) {
            call.transformTo(inputs.get(0));
        } else if (!inputs.isEmpty()) {
            call.transformTo(builder.stack(inputs, stackedPosition));
        }
    }
}
