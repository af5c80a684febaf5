package io.tessera.executor.plan;

import io.tessera.executor.expr.ScalarExpr;
import io.tessera.executor.expr.ScalarFunction;
import java.util.StringJoiner;

/** Prints elementwise expressions the way a query writes them, inputs as {@code $0, $1, ...}. */
public final class ScalarExprPrinter {
    private ScalarExprPrinter() {
    }

    public static String print(ScalarExpr expr) {
        if (expr == null) {
            return "$0";
        }
        if (expr instanceof ScalarExpr.Input input) {
            return "$" + input.index();
        }
        if (expr instanceof ScalarExpr.Constant constant) {
            return constant.toString();
        }
        ScalarExpr.Call call = (ScalarExpr.Call) expr;
        ScalarFunction function = call.function();
        if (function == ScalarFunction.CAST) {
            return "astype(" + print(call.operands().get(0)) + ", " + call.dtype() + ")";
        }
        if (function == ScalarFunction.NEGATIVE) {
            return "-" + print(call.operands().get(0));
        }
        if (function == ScalarFunction.LOGICAL_NOT) {
            return "NOT " + print(call.operands().get(0));
        }
        if (function.isInfix() && call.operands().size() == 2) {
            return "(" + print(call.operands().get(0)) + " " + function.symbol() + " "
                    + print(call.operands().get(1)) + ")";
        }
        StringJoiner joiner = new StringJoiner(", ", function.symbol() + "(", ")");
        for (ScalarExpr operand : call.operands()) {
            joiner.add(print(operand));
        }
        return joiner.toString();
    }
}
