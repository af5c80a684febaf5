package io.tessera.planner.rules;

import io.tessera.executor.Selection;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArraySlice;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;

/** Composes a selection of a selection into one (indexing of indexing, transposes included). */
public final class SliceSliceMergeRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("SliceSliceMergeRule",
            b -> b.operand(ArraySlice.class).predicate(slice -> ArrayRels.unwrap(slice.getInput(0)) instanceof ArraySlice)
                    .anyInputs(),
            SliceSliceMergeRule::new);

    private SliceSliceMergeRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArraySlice outer = call.rel(0);
        ArraySlice inner = (ArraySlice) ArrayRels.unwrap(outer.getInput(0));
        Selection composed = inner.selection().then(outer.selection());
        if (composed == null) {
            return; // bail out: an added axis emptied by the outer selection has no composed form
        }
        call.transformTo(new ArraySlice(outer.getCluster(), inner.getInput(0), composed, outer.chunks()));
    }
}
