package io.tessera.planner.rules;

import io.tessera.executor.expr.ScalarExpr;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayMap;
import io.tessera.planner.rel.RexTranslator;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;

/** Merges a map whose inputs include maps into one map, so the whole expression runs in one pass. */
public final class MapMergeRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("MapMergeRule",
            b -> b.operand(ArrayMap.class).predicate(map -> InputMerger.hasMapInput(
                    RexTranslator.toScalar(map.expression()), map.getInputs())).anyInputs(),
            MapMergeRule::new);

    private MapMergeRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArrayMap map = call.rel(0);
        InputMerger merger = new InputMerger();
        ScalarExpr merged = merger.merge(RexTranslator.toScalar(map.expression()), map.getInputs());
        call.transformTo(ArrayBuilder.of(map.getCluster()).map(merger.inputs(), merged, map.shape(), map.chunks()));
    }
}
