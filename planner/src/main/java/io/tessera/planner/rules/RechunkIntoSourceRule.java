package io.tessera.planner.rules;

import io.tessera.planner.rel.ArrayRechunk;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArraySourceRel;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;

/**
 * Gives a scan or generator the chunks a rechunk asks for: its tasks follow them (a scan's reads stay
 * per stored chunk).
 */
public final class RechunkIntoSourceRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("RechunkIntoSourceRule",
            b -> b.operand(ArrayRechunk.class)
                    .predicate(rechunk -> ArrayRels.unwrap(rechunk.getInput(0)) instanceof ArraySourceRel)
                    .anyInputs(),
            RechunkIntoSourceRule::new);

    private RechunkIntoSourceRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArrayRechunk rechunk = call.rel(0);
        ArraySourceRel source = (ArraySourceRel) ArrayRels.unwrap(rechunk.getInput(0));
        call.transformTo(source.withSelection(source.selection(), rechunk.chunks()));
    }
}
