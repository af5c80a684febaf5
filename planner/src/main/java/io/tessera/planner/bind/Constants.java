package io.tessera.planner.bind;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.expr.MapProgram;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.planner.rel.ArrayMap;
import io.tessera.planner.rel.ArrayRel;
import io.tessera.planner.rel.RexTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexLiteral;

/** Recognises and converts constant scalars in bound values. */
public final class Constants {
    private Constants() {
    }

    /** The literal a 0-d constant array holds, if it is one. */
    static Optional<ScalarExpr.Constant> literal(ArrayRel rel) {
        if (rel instanceof ArrayMap map && map.getInputs().isEmpty() && map.ndim() == 0
                && map.expression() instanceof RexLiteral) {
            return Optional.of((ScalarExpr.Constant) RexTranslator.toScalar(map.expression()));
        }
        return Optional.empty();
    }

    /**
     * The value of a 0-d array computed from literals only (such as {@code -1} or {@code 2 ** 10}),
     * evaluated now; empty for anything that depends on data.
     */
    public static Optional<ScalarExpr.Constant> evaluate(ArrayRel rel) {
        Optional<ScalarExpr.Constant> literal = literal(rel);
        if (literal.isPresent() || !(rel instanceof ArrayMap map) || map.ndim() != 0) {
            return literal;
        }
        List<ScalarExpr.Constant> inputs = new ArrayList<>();
        for (int i = 0; i < map.getInputs().size(); i++) {
            Optional<ScalarExpr.Constant> input = evaluate(map.array(i));
            if (input.isEmpty()) {
                return Optional.empty();
            }
            inputs.add(input.get());
        }
        return Optional.of(fold(RexTranslator.toScalar(map.expression()), inputs));
    }

    /** Computes an expression whose inputs are the given constants. */
    public static ScalarExpr.Constant fold(ScalarExpr expression, List<ScalarExpr.Constant> inputs) {
        Block[] blocks = new Block[inputs.size()];
        for (int i = 0; i < blocks.length; i++) {
            ScalarExpr.Constant input = inputs.get(i);
            blocks[i] = input.dtype().isFloat() ? Block.scalar(input.dtype(), input.value())
                    : Block.scalarLong(input.dtype(), input.bits());
        }
        MapProgram program = new MapProgram(expression, blocks.length);
        Block out = Block.allocate(expression.dtype(), new int[0]);
        program.evaluate(blocks, out, 0, 1, program.newScratch());
        return expression.dtype().isFloat() ? ScalarExpr.Constant.ofDouble(out.dtype(), out.getDouble(0))
                : ScalarExpr.Constant.ofLong(out.dtype(), out.getLong(0));
    }

    /** A constant converted to another dtype as NumPy's astype would. */
    static ScalarExpr.Constant convert(ScalarExpr.Constant constant, DType target) {
        if (constant.dtype() == target) {
            return constant;
        }
        if (constant.dtype().isFloat()) {
            return ScalarExpr.Constant.ofDouble(target, constant.value());
        }
        if (target.isFloat()) {
            return ScalarExpr.Constant.ofDouble(target, constant.asDouble());
        }
        return ScalarExpr.Constant.ofLong(target, constant.bits());
    }

    /** True when an integer constant's value fits {@code dtype}. */
    static boolean fits(ScalarExpr.Constant constant, DType dtype) {
        if (!dtype.isInteger() || constant.dtype().isFloat()) {
            return true;
        }
        long value = constant.bits();
        boolean unsignedValue = constant.dtype() == DType.UINT64;
        if (dtype == DType.UINT64) {
            return unsignedValue || value >= 0;
        }
        if (unsignedValue && value < 0) {
            return false;
        }
        return value >= dtype.minValue() && (dtype == DType.INT64 || value <= dtype.maxValue());
    }
}
