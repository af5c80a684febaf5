package io.tessera.planner.rules;

import io.tessera.executor.Selection;
import io.tessera.executor.storage.ArraySource;
import io.tessera.executor.storage.ConcatenatedSource;
import io.tessera.executor.storage.StackedSource;
import io.tessera.planner.rel.ArrayConcat;
import io.tessera.planner.rel.ArrayRel;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArrayScan;
import io.tessera.planner.rel.ArrayStack;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;

/**
 * Turns a stack or concatenation of whole stored arrays into one scan of them together, so later
 * selections reach the files and skip whole chunks.
 */
public final class StackIntoScanRule extends RelRule<RuleConfig> {
    public static final RuleConfig CONFIG = RuleConfig.of("StackIntoScanRule",
            b -> b.operand(ArrayRel.class)
                    .predicate(rel -> (rel instanceof ArrayStack || rel instanceof ArrayConcat)
                            && allWholeScans(rel.getInputs()))
                    .anyInputs(),
            StackIntoScanRule::new);

    private StackIntoScanRule(RuleConfig config) {
        super(config);
    }

    private static boolean allWholeScans(List<RelNode> inputs) {
        for (RelNode input : inputs) {
            if (!(ArrayRels.unwrap(input) instanceof ArrayScan scan) || !scan.selection().isAll(scan.source().shape())) {
                return false;
            }
        }
        return !inputs.isEmpty();
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        ArrayRel rel = call.rel(0);
        List<ArraySource> sources = new ArrayList<>();
        for (RelNode input : rel.getInputs()) {
            sources.add(((ArrayScan) ArrayRels.unwrap(input)).source());
        }
        String members = String.join(", ", sources.stream().map(ArraySource::description).toList());
        ArraySource source = rel instanceof ArrayStack stack
                ? new StackedSource("stack(" + members + ")", sources, stack.axis())
                : new ConcatenatedSource("concatenate(" + members + ")", sources, ((ArrayConcat) rel).axis());
        call.transformTo(new ArrayScan(rel.getCluster(), source, Selection.all(source.shape()), rel.chunks()));
    }
}
