package io.tessera.planner.rules;

import io.tessera.executor.Selection;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArraySourceRel;
import io.tessera.planner.rel.ArraySlice;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;

/**
 * Moves a selection (a slice, an index, a transpose) into the scan or generator below it, which then
 * reads only the stored chunks that hold selected elements, or computes only the selected elements.
 */
public final class SliceIntoSourceRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("SliceIntoSourceRule",
            b -> b.operand(ArraySlice.class).predicate(slice -> ArrayRels.unwrap(slice.getInput(0)) instanceof ArraySourceRel)
                    .anyInputs(),
            SliceIntoSourceRule::new);

    private SliceIntoSourceRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArraySlice slice = call.rel(0);
        ArraySourceRel source = (ArraySourceRel) ArrayRels.unwrap(slice.getInput(0));
        Selection composed = source.selection().then(slice.selection());
        if (composed == null) {
            return; // bail out: an added axis emptied by the slice has no composed form
        }
        call.transformTo(source.withSelection(composed, slice.chunks()));
    }
}
