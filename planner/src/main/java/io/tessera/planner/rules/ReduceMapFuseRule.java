package io.tessera.planner.rules;

import io.tessera.executor.expr.ScalarExpr;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArrayReduce;
import io.tessera.planner.rel.RexTranslator;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rex.RexNode;

/**
 * Fuses the maps below a reduction into the reduction's operand, so values are computed and folded
 * in one pass without an array in between.
 */
public final class ReduceMapFuseRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("ReduceMapFuseRule",
            b -> b.operand(ArrayReduce.class).predicate(reduce -> InputMerger.hasMapInput(operand(reduce), reduce.getInputs()))
                    .anyInputs(),
            ReduceMapFuseRule::new);

    private ReduceMapFuseRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArrayReduce reduce = call.rel(0);
        InputMerger merger = new InputMerger();
        ScalarExpr merged = merger.merge(operand(reduce), reduce.getInputs());
        RexNode fused = RexTranslator.toRex(merged, reduce.getCluster().getRexBuilder());
        call.transformTo(reduce.with(merger.inputs(), fused, reduce.operandShape(), reduce.operandChunks(),
                reduce.axes(), reduce.chunks()));
    }

    /** The values the reduction folds, over its inputs (no operand: the first input as it is). */
    private static ScalarExpr operand(ArrayReduce reduce) {
        return reduce.operand() == null ? new ScalarExpr.Input(0, ArrayRels.unwrap(reduce.getInput(0)).dtype())
                : RexTranslator.toScalar(reduce.operand());
    }
}
