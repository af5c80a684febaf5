package io.tessera.planner.rules;

import io.tessera.executor.Selection;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArrayScan;
import io.tessera.planner.rel.ArraySlice;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;

/**
 * Moves a selection (a slice, an index, a transpose) into the scan below it, which then reads only
 * the stored chunks that hold selected elements.
 */
public final class SliceIntoScanRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("SliceIntoScanRule",
            b -> b.operand(ArraySlice.class).predicate(slice -> ArrayRels.unwrap(slice.getInput(0)) instanceof ArrayScan)
                    .anyInputs(),
            SliceIntoScanRule::new);

    private SliceIntoScanRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArraySlice slice = call.rel(0);
        ArrayScan scan = (ArrayScan) ArrayRels.unwrap(slice.getInput(0));
        Selection composed = scan.selection().then(slice.selection());
        if (composed == null) {
            return; // bail out: an added axis emptied by the slice has no composed form
        }
        call.transformTo(new ArrayScan(slice.getCluster(), scan.source(), composed, slice.chunks()));
    }
}
