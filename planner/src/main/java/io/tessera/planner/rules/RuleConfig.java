package io.tessera.planner.rules;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/** A rule's configuration as a plain record: its name, what it matches, and how to make the rule. */
public record RuleConfig(String description, RelRule.OperandTransform operandSupplier,
                         RelBuilderFactory relBuilderFactory, Function<RuleConfig, RelOptRule> factory)
        implements RelRule.Config {

    static RuleConfig of(String description, RelRule.OperandTransform operands,
            Function<RuleConfig, RelOptRule> factory) {
        return new RuleConfig(description, operands, RelFactories.LOGICAL_BUILDER, factory);
    }

    @Override
    public RelOptRule toRule() {
        return factory.apply(this);
    }

    @Override
    public RuleConfig withRelBuilderFactory(RelBuilderFactory newFactory) {
        return new RuleConfig(description, operandSupplier, newFactory, factory);
    }

    @Override
    public RuleConfig withDescription(String newDescription) {
        return new RuleConfig(newDescription, operandSupplier, relBuilderFactory, factory);
    }

    @Override
    public RuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
        return new RuleConfig(description, transform, relBuilderFactory, factory);
    }
}
