package io.tessera.planner.bind;

import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.executor.expr.ScalarFunction;
import io.tessera.grammar.ast.Position;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayRel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds elementwise functions and operators with NumPy 2's rules: broadcasting, dtype promotion in
 * which a literal scalar does not widen an array ({@code float32_array * 2.0} stays float32), and
 * each function's own result dtype. Operands are cast to their common dtype explicitly.
 */
final class Elementwise {
    private final ArrayBuilder builder;
    private final Comparisons comparisons;

    Elementwise(ArrayBuilder builder) {
        this.builder = builder;
        this.comparisons = new Comparisons(builder, this);
    }

    /** Applies {@code function}; {@code label} is how messages name the operation. */
    Value.Array apply(ScalarFunction function, List<Value.Array> args, String label, Position position) {
        Optional<Value.Array> special = special(function, args, label, position);
        if (special.isPresent()) {
            return special.get();
        }
        long[] shape = broadcastShape(args, label, position);
        DType common = commonDtype(function, args, label, position);
        DType operand = operandDtype(function, common, label, position);
        DType result = resultDtype(function, operand);
        List<ArrayRel> inputs = new ArrayList<>();
        List<ScalarExpr> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            DType wanted = operandFor(function, i, operand);
            operands.add(operandExpr(args.get(i), wanted, inputs));
        }
        ScalarExpr expression = new ScalarExpr.Call(function, operands, result);
        boolean weak = args.stream().allMatch(Value.Array::weak);
        return new Value.Array(builder.map(inputs, expression, shape), weak, nameOf(args));
    }

    /**
     * The cases NumPy answers without its usual promotion: Python's exact integer arithmetic among
     * literals, exact integer comparisons, clip bounds outside an unsigned dtype, and the shortcuts of
     * {@code **} for the exponents 2 and 0.5 (square and sqrt).
     */
    private Optional<Value.Array> special(ScalarFunction function, List<Value.Array> args, String label,
            Position position) {
        if (args.stream().allMatch(Value.Array::weak)) {
            List<ScalarExpr.Constant> constants = new ArrayList<>();
            for (Value.Array arg : args) {
                Optional<ScalarExpr.Constant> constant = Constants.evaluate(arg.rel());
                if (constant.isEmpty()) {
                    return Optional.empty();
                }
                constants.add(constant.get());
            }
            return PythonIntegers.fold(function, constants, label, position)
                    .map(value -> new Value.Array(builder.constant(value, new long[0]), true, "value"));
        }
        if (Comparisons.isComparison(function)) {
            return comparisons.exact(function, args.get(0), args.get(1), label, position);
        }
        if (function == ScalarFunction.POWER && args.get(1).weak() && !args.get(0).weak()) {
            Optional<ScalarExpr.Constant> exponent = Constants.evaluate(args.get(1).rel());
            if (exponent.isPresent() && exponent.get().asDouble() == 2) {
                // an integer base to a float exponent squares in float64, as the promotion says
                Value.Array base = exponent.get().dtype().isFloat() && !args.get(0).rel().dtype().isFloat()
                        ? cast(args.get(0), DType.FLOAT64).withName(args.get(0).name()) : args.get(0);
                return Optional.of(apply(ScalarFunction.SQUARE, List.of(base), label, position));
            }
            if (exponent.isPresent() && exponent.get().asDouble() == 0.5 && args.get(0).rel().dtype().isFloat()) {
                return Optional.of(apply(ScalarFunction.SQRT, List.of(args.get(0)), label, position));
            }
        }
        if (function == ScalarFunction.ROUND && !args.get(0).weak() && args.get(0).rel().dtype().isBool()) {
            // NumPy rounds bools only to 0 decimals (rint, a float16 there, float32 here)
            Optional<ScalarExpr.Constant> decimals = Constants.evaluate(args.get(1).rel());
            if (decimals.isPresent() && decimals.get().bits() == 0) {
                return Optional.of(cast(args.get(0), DType.FLOAT32).withName(args.get(0).name()));
            }
            throw new BindException(BindException.Category.TYPE, "round of bool takes no decimals, in " + label,
                    position);
        }
        if (function == ScalarFunction.CLIP && !args.get(0).weak() && args.get(0).rel().dtype().isInteger()) {
            List<Value.Array> clamped = new ArrayList<>(args);
            boolean changed = false;
            for (int i = 1; i < 3; i++) {
                Optional<Value.Array> bound = clampBound(args.get(i), args.get(0).rel().dtype());
                if (bound.isPresent()) {
                    clamped.set(i, bound.get());
                    changed = true;
                }
            }
            if (changed) {
                return Optional.of(apply(function, clamped, label, position));
            }
        }
        return Optional.empty();
    }

    /** A literal clip bound outside an integer dtype, moved to the dtype's nearest end (the clip is the same). */
    private Optional<Value.Array> clampBound(Value.Array bound, DType dtype) {
        if (!bound.weak()) {
            return Optional.empty();
        }
        Optional<ScalarExpr.Constant> constant = Constants.evaluate(bound.rel());
        if (constant.isEmpty() || constant.get().dtype().isFloat() || Constants.fits(constant.get(), dtype)) {
            return Optional.empty();
        }
        boolean below = constant.get().dtype() != DType.UINT64 && constant.get().bits() < 0;
        long end = below ? dtype.minValue() : dtype.maxValue();
        return Optional.of(new Value.Array(builder.constant(ScalarExpr.Constant.ofLong(dtype, end), new long[0]), true,
                bound.name()));
    }

    /** Converts a value to {@code dtype} (astype). */
    Value.Array cast(Value.Array value, DType dtype) {
        if (value.rel().dtype() == dtype) {
            return value;
        }
        List<ArrayRel> inputs = new ArrayList<>();
        ScalarExpr operand = operandExpr(value, value.rel().dtype(), inputs);
        ScalarExpr expression = castExpr(operand, dtype);
        return new Value.Array(builder.map(inputs, expression, value.rel().shape()), false, value.name());
    }

    private static String nameOf(List<Value.Array> args) {
        for (Value.Array arg : args) {
            if (Constants.literal(arg.rel()).isEmpty() && arg.name() != null) {
                return arg.name();
            }
        }
        return args.isEmpty() ? null : args.get(0).name();
    }

    /** The operand as an expression of {@code dtype}: constants inline, arrays as inputs. */
    private static ScalarExpr operandExpr(Value.Array arg, DType dtype, List<ArrayRel> inputs) {
        Optional<ScalarExpr.Constant> literal = Constants.literal(arg.rel());
        if (literal.isPresent()) {
            return Constants.convert(literal.get(), dtype);
        }
        int index = inputs.indexOf(arg.rel());
        if (index < 0) {
            index = inputs.size();
            inputs.add(arg.rel());
        }
        return castExpr(new ScalarExpr.Input(index, arg.rel().dtype()), dtype);
    }

    static ScalarExpr castExpr(ScalarExpr expr, DType dtype) {
        return expr.dtype() == dtype ? expr : new ScalarExpr.Call(ScalarFunction.CAST, List.of(expr), dtype);
    }

    private static long[] broadcastShape(List<Value.Array> args, String label, Position position) {
        long[] shape = new long[0];
        for (Value.Array arg : args) {
            long[] next = Shapes.broadcast(shape, arg.rel().shape());
            if (next == null) {
                StringBuilder shapes = new StringBuilder();
                for (Value.Array each : args) {
                    shapes.append(' ').append(Shapes.format(each.rel().shape()));
                }
                throw new BindException(BindException.Category.SHAPE,
                        "operands could not be broadcast together with shapes" + shapes + " in " + label, position);
            }
            shape = next;
        }
        return shape;
    }

    /** NumPy 2 promotion (NEP 50): arrays promote among themselves; literal scalars only by kind. */
    private static DType commonDtype(ScalarFunction function, List<Value.Array> args, String label, Position position) {
        List<Value.Array> considered = function == ScalarFunction.WHERE ? args.subList(1, args.size())
                : function == ScalarFunction.ROUND ? args.subList(0, 1) : args;
        DType strong = null;
        for (Value.Array arg : considered) {
            if (!arg.weak()) {
                strong = strong == null ? arg.rel().dtype() : DType.promote(strong, arg.rel().dtype());
            }
        }
        if (strong == null) {
            DType result = DType.BOOL;
            for (Value.Array arg : considered) {
                result = DType.promote(result, arg.rel().dtype());
            }
            return result;
        }
        DType result = strong;
        for (Value.Array arg : considered) {
            if (!arg.weak()) {
                continue;
            }
            DType weak = arg.rel().dtype();
            if (weak.isFloat() && !result.isFloat()) {
                result = DType.FLOAT64;
            } else if (weak.isInteger() && result.isBool()) {
                Optional<ScalarExpr.Constant> literal = Constants.evaluate(arg.rel());
                if (literal.isPresent() && !Constants.fits(literal.get(), DType.INT64)) {
                    throw new BindException(BindException.Category.TYPE, "Python integer " + literal.get()
                            + " out of bounds for int64 in " + label, position);
                }
                result = DType.INT64;
            } else if (weak.isInteger() && result.isInteger()) {
                Optional<ScalarExpr.Constant> literal = Constants.evaluate(arg.rel());
                if (literal.isPresent() && !Constants.fits(literal.get(), result)) {
                    throw new BindException(BindException.Category.TYPE, "Python integer " + literal.get()
                            + " out of bounds for " + result + " in " + label, position);
                }
            }
        }
        return result;
    }

    /** The dtype the operands are computed in. */
    private static DType operandDtype(ScalarFunction function, DType common, String label, Position position) {
        switch (function) {
            case TRUE_DIVIDE:
                return common.isFloat() ? common : DType.FLOAT64;
            case SQRT, CBRT, EXP, EXPM1, LOG, LOG2, LOG10, LOG1P, SIN, COS, TAN, ARCSIN, ARCCOS, ARCTAN, SINH, COSH,
                 TANH, ARCTAN2:
                return common.toFloat();
            case LOGICAL_AND, LOGICAL_OR, LOGICAL_NOT:
                return DType.BOOL;
            case SUBTRACT:
                if (common.isBool()) {
                    throw new BindException(BindException.Category.TYPE, "numpy boolean subtract, the `-` operator, is "
                            + "not supported, use != (a logical xor) instead, in " + label, position);
                }
                return common;
            case NEGATIVE:
                if (common.isBool()) {
                    throw new BindException(BindException.Category.TYPE, "numpy boolean negative, the `-` operator, is "
                            + "not supported, use NOT instead, in " + label, position);
                }
                return common;
            case ROUND:
                if (common.isBool()) {
                    throw new BindException(BindException.Category.TYPE, "round is not defined for bool, in " + label,
                            position);
                }
                return common;
            case SIGN:
                if (common.isBool()) {
                    throw new BindException(BindException.Category.TYPE, "sign is not defined for bool, in " + label,
                            position);
                }
                return common;
            case SQUARE, FLOOR_DIVIDE, REMAINDER, POWER:
                return common.isBool() ? DType.INT8 : common;
            default:
                return common;
        }
    }

    /** The dtype operand {@code index} is cast to. */
    private static DType operandFor(ScalarFunction function, int index, DType operand) {
        if (function == ScalarFunction.WHERE && index == 0) {
            return DType.BOOL;
        }
        if (function == ScalarFunction.ROUND && index == 1) {
            return DType.INT64;
        }
        return operand;
    }

    private static DType resultDtype(ScalarFunction function, DType operand) {
        if (function.isPredicate()) {
            return DType.BOOL;
        }
        return operand;
    }
}
