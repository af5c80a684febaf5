package io.tessera.planner.rules;

import io.tessera.executor.expr.ScalarExpr;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayMap;
import io.tessera.planner.rel.RexTranslator;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;

/** Computes the parts of a map's expression that depend on constants alone, once, at planning time. */
public final class ConstantFoldRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("ConstantFoldRule",
            b -> b.operand(ArrayMap.class)
                    .predicate(map -> ScalarExprs.hasFoldable(RexTranslator.toScalar(map.expression())))
                    .anyInputs(),
            ConstantFoldRule::new);

    private ConstantFoldRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArrayMap map = call.rel(0);
        ScalarExpr folded = ScalarExprs.fold(RexTranslator.toScalar(map.expression()));
        call.transformTo(ArrayBuilder.of(map.getCluster()).map(map.getInputs(), folded, map.shape(), map.chunks()));
    }
}
