package io.tessera.planner.rules;

import io.tessera.executor.expr.ScalarExpr;
import io.tessera.planner.rel.ArrayMap;
import io.tessera.planner.rel.ArrayRel;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.RexTranslator;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;

/**
 * Inlines the elementwise maps among an expression's inputs: their expressions replace the inputs
 * that referred to them, and their own inputs join the list (each input once).
 */
final class InputMerger {
    private final List<RelNode> inputs = new ArrayList<>();

    List<RelNode> inputs() {
        return inputs;
    }

    /** True when one of the inputs is a map that can be inlined. */
    static boolean hasMapInput(List<RelNode> inputs) {
        for (RelNode input : inputs) {
            if (ArrayRels.unwrap(input) instanceof ArrayMap) {
                return true;
            }
        }
        return false;
    }

    /** The expression over the merged inputs. */
    ScalarExpr merge(ScalarExpr expression, List<RelNode> original) {
        List<ScalarExpr> replacements = new ArrayList<>();
        for (RelNode input : original) {
            ArrayRel array = ArrayRels.unwrap(input);
            if (array instanceof ArrayMap map) {
                ScalarExpr inner = RexTranslator.toScalar(map.expression());
                replacements.add(ScalarExprs.substitute(inner, ref -> reference(map.getInputs().get(ref.index()), ref)));
            } else {
                replacements.add(reference(input, new ScalarExpr.Input(0, array.dtype())));
            }
        }
        return ScalarExprs.substitute(expression, ref -> replacements.get(ref.index()));
    }

    private ScalarExpr reference(RelNode input, ScalarExpr.Input typed) {
        int index = inputs.indexOf(input);
        if (index < 0) {
            index = inputs.size();
            inputs.add(input);
        }
        return new ScalarExpr.Input(index, typed.dtype());
    }
}
