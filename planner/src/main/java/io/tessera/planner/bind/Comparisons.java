package io.tessera.planner.bind;

import io.tessera.executor.DType;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.executor.expr.ScalarFunction;
import io.tessera.grammar.ast.Position;
import io.tessera.planner.rel.ArrayBuilder;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Integer comparisons that NumPy 2 makes exactly where promotion would lose the answer: an integer
 * literal outside the array's dtype (every element compares the same way), and signed integers
 * against uint64 (which would otherwise meet in float64).
 */
final class Comparisons {
    private final ArrayBuilder builder;
    private final Elementwise elementwise;

    Comparisons(ArrayBuilder builder, Elementwise elementwise) {
        this.builder = builder;
        this.elementwise = elementwise;
    }

    static boolean isComparison(ScalarFunction function) {
        return switch (function) {
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> true;
            default -> false;
        };
    }

    /** The comparison done exactly, or empty when ordinary promotion gets it right. */
    Optional<Value.Array> exact(ScalarFunction function, Value.Array left, Value.Array right, String label,
            Position position) {
        Optional<Value.Array> literal = outOfRange(function, left, right, false, label, position);
        if (literal.isEmpty()) {
            literal = outOfRange(mirror(function), right, left, true, label, position);
        }
        if (literal.isPresent()) {
            return literal;
        }
        DType a = left.rel().dtype();
        DType b = right.rel().dtype();
        if (left.weak() || right.weak()) {
            return Optional.empty();
        }
        if (a.kind() == DType.Kind.SIGNED && b == DType.UINT64) {
            return Optional.of(signedAgainstUnsigned(function, left, right, label, position));
        }
        if (a == DType.UINT64 && b.kind() == DType.Kind.SIGNED) {
            return Optional.of(signedAgainstUnsigned(mirror(function), right, left, label, position));
        }
        return Optional.empty();
    }

    /** {@code array op literal} where the literal lies outside the array's integer dtype. */
    private Optional<Value.Array> outOfRange(ScalarFunction function, Value.Array array, Value.Array literal,
            boolean mirrored, String label, Position position) {
        DType dtype = array.rel().dtype();
        if (array.weak() || !literal.weak() || !(dtype.isInteger() || dtype.isBool())) {
            return Optional.empty();
        }
        Optional<ScalarExpr.Constant> constant = Constants.evaluate(literal.rel());
        if (constant.isEmpty() || constant.get().dtype().isFloat() || constant.get().dtype().isBool()) {
            return Optional.empty();
        }
        BigInteger value = PythonIntegers.value(constant.get());
        if (dtype.isBool()) {
            if (value.bitLength() > 63) {
                throw new BindException(BindException.Category.TYPE, "Python integer " + value
                        + " out of bounds for int64 (bool arrays compare as int64), in " + label, position);
            }
            return Optional.empty();
        }
        BigInteger min = dtype == DType.UINT64 ? BigInteger.ZERO : BigInteger.valueOf(dtype.minValue());
        BigInteger max = dtype == DType.UINT64 ? BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)
                : BigInteger.valueOf(dtype.maxValue());
        boolean above = value.compareTo(max) > 0;
        boolean below = value.compareTo(min) < 0;
        if (!above && !below) {
            return Optional.empty();
        }
        // every element is below (or above) the literal, so the answer is one value for all
        boolean result = switch (function) {
            case LESS, LESS_EQUAL -> above;
            case GREATER, GREATER_EQUAL -> below;
            case NOT_EQUAL -> true;
            default -> false;
        };
        long[] shape = io.tessera.executor.Shapes.broadcast(array.rel().shape(), literal.rel().shape());
        return Optional.of(new Value.Array(builder.constant(ScalarExpr.Constant.ofLong(DType.BOOL, result ? 1 : 0),
                shape), false, mirrored ? literal.name() : array.name()));
    }

    /** {@code signed op unsigned} exactly: a negative value is below every uint64. */
    private Value.Array signedAgainstUnsigned(ScalarFunction function, Value.Array signed, Value.Array unsigned,
            String label, Position position) {
        Value.Array asInt64 = elementwise.cast(signed, DType.INT64);
        Value.Array bits = elementwise.cast(asInt64, DType.UINT64);
        Value.Array zero = new Value.Array(builder.constant(ScalarExpr.Constant.ofLong(DType.INT64, 0), new long[0]),
                true, "value");
        Value.Array negative = elementwise.apply(ScalarFunction.LESS, List.of(asInt64, zero), label, position);
        Value.Array compared = elementwise.apply(function, List.of(bits, unsigned), label, position);
        Value.Array result;
        if (function == ScalarFunction.LESS || function == ScalarFunction.LESS_EQUAL
                || function == ScalarFunction.NOT_EQUAL) {
            result = elementwise.apply(ScalarFunction.LOGICAL_OR, List.of(negative, compared), label, position);
        } else {
            Value.Array nonNegative = elementwise.apply(ScalarFunction.LOGICAL_NOT, List.of(negative), label, position);
            result = elementwise.apply(ScalarFunction.LOGICAL_AND, List.of(nonNegative, compared), label, position);
        }
        return result.withName(signed.name());
    }

    /** The comparison with its operands swapped: {@code a < b} is {@code b > a}. */
    static ScalarFunction mirror(ScalarFunction function) {
        return switch (function) {
            case LESS -> ScalarFunction.GREATER;
            case LESS_EQUAL -> ScalarFunction.GREATER_EQUAL;
            case GREATER -> ScalarFunction.LESS;
            case GREATER_EQUAL -> ScalarFunction.LESS_EQUAL;
            default -> function;
        };
    }
}
