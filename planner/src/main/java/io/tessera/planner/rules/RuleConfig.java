package io.tessera.planner.rules;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.tools.RelBuilderFactory;

/** A rule's configuration as a plain record: its name, what it matches, and how to make the rule. */
public record RuleConfig(String description, RelRule.OperandTransform operandSupplier,
                         RelBuilderFactory relBuilderFactory, Function<RuleConfig, RelOptRule> factory)
        implements RelRule.Config {

    /** Tessera's rules build nodes themselves, so they never ask for a RelBuilder (nor load its classes). */
    private static final RelBuilderFactory NO_BUILDER = (cluster, schema) -> {
        throw new UnsupportedOperationException("Tessera's rules build array operators directly");
    };

    static RuleConfig of(String description, RelRule.OperandTransform operands,
            Function<RuleConfig, RelOptRule> factory) {
        return new RuleConfig(description, operands, NO_BUILDER, factory);
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
