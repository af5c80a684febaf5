package io.tessera.planner.rel;

import io.tessera.executor.DType;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.executor.expr.ScalarFunction;
import io.tessera.executor.plan.ScalarExprPrinter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/** Converts between Calcite's scalar expressions and the executor's, which mirror each other. */
public final class RexTranslator {
    private RexTranslator() {
    }

    public static ScalarExpr toScalar(RexNode node) {
        if (node instanceof RexInputRef ref) {
            return new ScalarExpr.Input(ref.getIndex(), RelTypes.dtype(ref.getType()));
        }
        if (node instanceof RexLiteral literal) {
            return constant(literal);
        }
        RexCall call = (RexCall) node;
        ScalarFunction function = ((ElementwiseOperator) call.getOperator()).function();
        List<ScalarExpr> operands = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            operands.add(toScalar(operand));
        }
        return new ScalarExpr.Call(function, operands, RelTypes.dtype(call.getType()));
    }

    private static ScalarExpr.Constant constant(RexLiteral literal) {
        DType dtype = RelTypes.dtype(literal.getType());
        if (dtype == DType.BOOL) {
            return ScalarExpr.Constant.ofLong(dtype, Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? 1 : 0);
        }
        if (dtype.isFloat()) {
            Double value = literal.getValueAs(Double.class);
            return ScalarExpr.Constant.ofDouble(dtype, value);
        }
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        return ScalarExpr.Constant.ofLong(dtype, value.toBigInteger().longValue());
    }

    public static RexNode toRex(ScalarExpr expr, RexBuilder builder) {
        if (expr instanceof ScalarExpr.Input input) {
            return builder.makeInputRef(RelTypes.elementType(builder.getTypeFactory(), input.dtype()), input.index());
        }
        if (expr instanceof ScalarExpr.Constant constant) {
            return literal(constant, builder);
        }
        ScalarExpr.Call call = (ScalarExpr.Call) expr;
        List<RexNode> operands = new ArrayList<>();
        for (ScalarExpr operand : call.operands()) {
            operands.add(toRex(operand, builder));
        }
        return builder.makeCall(RelTypes.elementType(builder.getTypeFactory(), call.dtype()),
                ElementwiseOperator.of(call.function()), operands);
    }

    public static RexLiteral literal(ScalarExpr.Constant constant, RexBuilder builder) {
        DType dtype = constant.dtype();
        var type = RelTypes.elementType(builder.getTypeFactory(), dtype);
        if (dtype == DType.BOOL) {
            return builder.makeLiteral(constant.bits() != 0);
        }
        if (dtype.isFloat()) {
            return builder.makeApproxLiteral(constant.value(), type);
        }
        BigDecimal value = dtype == DType.UINT64 && constant.bits() < 0
                ? new BigDecimal(Long.toUnsignedString(constant.bits()))
                : BigDecimal.valueOf(constant.bits());
        return builder.makeExactLiteral(value, type);
    }

    /** The expression as a query would write it, inputs as {@code $0, $1, ...}. */
    public static String print(RexNode node) {
        return node == null ? "$0" : ScalarExprPrinter.print(toScalar(node));
    }
}
