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
 * that referred to them, and their own inputs join the list (each input once). A map the
 * expression refers to more than once is inlined only when it is small: inlining copies it at
 * each reference, and a chain of such maps ({@code y = x * x, z = y * y, ...}) would double at
 * each step. A larger one stays an input and is computed once per chunk.
 */
final class InputMerger {
    /** The most nodes a map may have to be copied into more than one reference. */
    private static final int SHARED_INLINE_NODES = 16;

    private final List<RelNode> inputs = new ArrayList<>();

    List<RelNode> inputs() {
        return inputs;
    }

    /** True when one of the inputs is a map that {@link #merge} would inline. */
    static boolean hasMapInput(ScalarExpr expression, List<RelNode> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inlinable(expression, i, inputs.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inlinable(ScalarExpr expression, int index, RelNode input) {
        return ArrayRels.unwrap(input) instanceof ArrayMap map
                && (references(expression, index) <= 1 || nodes(RexTranslator.toScalar(map.expression()))
                        <= SHARED_INLINE_NODES);
    }

    /** The expression over the merged inputs. */
    ScalarExpr merge(ScalarExpr expression, List<RelNode> original) {
        List<ScalarExpr> replacements = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            RelNode input = original.get(i);
            ArrayRel array = ArrayRels.unwrap(input);
            if (inlinable(expression, i, input)) {
                ArrayMap map = (ArrayMap) array;
                ScalarExpr inner = RexTranslator.toScalar(map.expression());
                replacements.add(ScalarExprs.substitute(inner, ref -> reference(map.getInputs().get(ref.index()), ref)));
            } else {
                replacements.add(reference(input, new ScalarExpr.Input(0, array.dtype())));
            }
        }
        return ScalarExprs.substitute(expression, ref -> replacements.get(ref.index()));
    }

    private static int references(ScalarExpr expression, int index) {
        if (expression instanceof ScalarExpr.Input input) {
            return input.index() == index ? 1 : 0;
        }
        int count = 0;
        if (expression instanceof ScalarExpr.Call call) {
            for (ScalarExpr operand : call.operands()) {
                count += references(operand, index);
            }
        }
        return count;
    }

    private static int nodes(ScalarExpr expression) {
        int count = 1;
        if (expression instanceof ScalarExpr.Call call) {
            for (ScalarExpr operand : call.operands()) {
                count += nodes(operand);
            }
        }
        return count;
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
