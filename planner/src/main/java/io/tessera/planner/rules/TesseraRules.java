package io.tessera.planner.rules;

import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;

/**
 * Every rewrite rule, in the order they run: first selections move down to the sources (and stacks
 * of files become scans), then elementwise work fuses into single passes. Each rule can be switched
 * off by name.
 */
public final class TesseraRules {
    /** Rules that move selections toward the sources. */
    public static final List<RuleConfig> PUSHDOWN = List.of(
            StackIntoScanRule.CONFIG,
            RechunkIntoSourceRule.CONFIG,
            SliceSliceMergeRule.CONFIG,
            SliceMapTransposeRule.CONFIG,
            SliceReduceTransposeRule.CONFIG,
            SliceStackTransposeRule.CONFIG,
            SliceConcatTransposeRule.CONFIG,
            SliceIntoSourceRule.CONFIG);

    /** Rules that fuse elementwise work and fold constants. */
    public static final List<RuleConfig> FUSION = List.of(
            MapMergeRule.CONFIG,
            ConstantFoldRule.CONFIG,
            ReduceMapFuseRule.CONFIG);

    private TesseraRules() {
    }

    /** The names of all rules. */
    public static List<String> names() {
        return java.util.stream.Stream.concat(PUSHDOWN.stream(), FUSION.stream()).map(RuleConfig::description).toList();
    }

    /** The rule program without the rules named in {@code disabled}. */
    public static HepProgram program(Set<String> disabled) {
        HepProgramBuilder builder = HepProgram.builder().addMatchOrder(HepMatchOrder.BOTTOM_UP);
        builder.addRuleCollection(rules(PUSHDOWN, disabled));
        builder.addRuleCollection(rules(FUSION, disabled));
        return builder.build();
    }

    private static List<RelOptRule> rules(List<RuleConfig> configs, Set<String> disabled) {
        return configs.stream().filter(config -> !disabled.contains(config.description())).map(RuleConfig::toRule)
                .toList();
    }
}
