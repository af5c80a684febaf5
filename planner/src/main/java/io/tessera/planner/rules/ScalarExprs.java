package io.tessera.planner.rules;

import io.tessera.executor.expr.ScalarExpr;
import io.tessera.planner.bind.Constants;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Rewrites of elementwise expressions used by the fusion rules. */
final class ScalarExprs {
    private ScalarExprs() {
    }

    /** The expression with every input replaced as {@code replace} says. */
    static ScalarExpr substitute(ScalarExpr expr, Function<ScalarExpr.Input, ScalarExpr> replace) {
        if (expr instanceof ScalarExpr.Input input) {
            return replace.apply(input);
        }
        if (expr instanceof ScalarExpr.Call call) {
            List<ScalarExpr> operands = new ArrayList<>();
            for (ScalarExpr operand : call.operands()) {
                operands.add(substitute(operand, replace));
            }
            return new ScalarExpr.Call(call.function(), operands, call.dtype());
        }
        return expr;
    }

    /** The expression with every call on constants alone replaced by its value. */
    static ScalarExpr fold(ScalarExpr expr) {
        if (!(expr instanceof ScalarExpr.Call call)) {
            return expr;
        }
        List<ScalarExpr> operands = new ArrayList<>();
        boolean constant = true;
        for (ScalarExpr operand : call.operands()) {
            ScalarExpr folded = fold(operand);
            operands.add(folded);
            constant &= folded instanceof ScalarExpr.Constant;
        }
        ScalarExpr rebuilt = new ScalarExpr.Call(call.function(), operands, call.dtype());
        return constant ? Constants.fold(rebuilt, List.of()) : rebuilt;
    }

    /** True when some call in the expression has only constant operands. */
    static boolean hasFoldable(ScalarExpr expr) {
        if (!(expr instanceof ScalarExpr.Call call)) {
            return false;
        }
        boolean allConstant = true;
        for (ScalarExpr operand : call.operands()) {
            if (hasFoldable(operand)) {
                return true;
            }
            allConstant &= operand instanceof ScalarExpr.Constant;
        }
        return allConstant;
    }
}
