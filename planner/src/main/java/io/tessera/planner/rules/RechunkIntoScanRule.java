package io.tessera.planner.rules;

import io.tessera.planner.rel.ArrayRechunk;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArrayScan;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;

/** Gives a scan the chunks a rechunk asks for: the scan's tasks follow them, its reads stay per stored chunk. */
public final class RechunkIntoScanRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("RechunkIntoScanRule",
            b -> b.operand(ArrayRechunk.class)
                    .predicate(rechunk -> ArrayRels.unwrap(rechunk.getInput(0)) instanceof ArrayScan)
                    .anyInputs(),
            RechunkIntoScanRule::new);

    private RechunkIntoScanRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArrayRechunk rechunk = call.rel(0);
        ArrayScan scan = (ArrayScan) ArrayRels.unwrap(rechunk.getInput(0));
        call.transformTo(new ArrayScan(rechunk.getCluster(), scan.source(), scan.selection(), rechunk.chunks()));
    }
}
