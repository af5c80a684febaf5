package io.tessera.planner.rules;

import io.tessera.executor.Selection;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayMap;
import io.tessera.planner.rel.ArrayRel;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArraySlice;
import io.tessera.planner.rel.RexTranslator;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;

/** Moves a selection below an elementwise map, onto each input, so only selected elements are computed. */
public final class SliceMapTransposeRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("SliceMapTransposeRule",
            b -> b.operand(ArraySlice.class).predicate(slice -> ArrayRels.unwrap(slice.getInput(0)) instanceof ArrayMap)
                    .anyInputs(),
            SliceMapTransposeRule::new);

    private SliceMapTransposeRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArraySlice slice = call.rel(0);
        ArrayMap map = (ArrayMap) ArrayRels.unwrap(slice.getInput(0));
        ArrayBuilder builder = ArrayBuilder.of(slice.getCluster());
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode input : map.getInputs()) {
            ArrayRel array = ArrayRels.unwrap(input);
            Selection selection = BroadcastSelections.forInput(slice.selection(), map.shape(), array.shape());
            if (selection == null) {
                return; // bail out: a reordering of axes that this input broadcasts along
            }
            inputs.add(selection.isAll(array.shape()) ? input : builder.slice(input, selection));
        }
        call.transformTo(builder.map(inputs, RexTranslator.toScalar(map.expression()), slice.shape(), slice.chunks()));
    }
}
