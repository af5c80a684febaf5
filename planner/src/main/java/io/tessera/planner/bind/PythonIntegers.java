package io.tessera.planner.bind;

import io.tessera.executor.DType;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.executor.expr.ScalarFunction;
import io.tessera.grammar.ast.Position;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Arithmetic among integer literals alone, as Python does it before NumPy sees the result: exact,
 * with no 64-bit wrap-around, so {@code 2 ** 63} is the uint64 9223372036854775808 and
 * {@code -2 ** 63} the int64 minimum. A result that fits neither int64 nor uint64 is an error.
 */
final class PythonIntegers {
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private PythonIntegers() {
    }

    /** The exact value of {@code function} of integer literals, if it is one Python computes exactly. */
    static Optional<ScalarExpr.Constant> fold(ScalarFunction function, List<ScalarExpr.Constant> operands,
            String label, Position position) {
        for (ScalarExpr.Constant operand : operands) {
            if (operand.dtype().isFloat() || operand.dtype().isBool()) {
                return Optional.empty();
            }
        }
        BigInteger a = value(operands.get(0));
        BigInteger b = operands.size() > 1 ? value(operands.get(1)) : null;
        BigInteger result = switch (function) {
            case ADD -> a.add(b);
            case SUBTRACT -> a.subtract(b);
            case MULTIPLY -> a.multiply(b);
            case NEGATIVE -> a.negate();
            case ABSOLUTE -> a.abs();
            case FLOOR_DIVIDE -> b.signum() == 0 ? null : floorDivide(a, b);
            case REMAINDER -> b.signum() == 0 ? null : a.subtract(floorDivide(a, b).multiply(b));
            case POWER -> b.signum() < 0 ? null : power(a, b, label, position);
            default -> null;
        };
        if (result == null) {
            return Optional.empty();
        }
        if (result.compareTo(INT64_MIN) < 0 || result.compareTo(UINT64_MAX) > 0) {
            throw new BindException(BindException.Category.TYPE, "Python integer " + result
                    + " does not fit in 64 bits, in " + label, position);
        }
        return Optional.of(constant(result));
    }

    /** {@code a ** b} for b at least 0; one far past 64 bits is an error before it is computed. */
    private static BigInteger power(BigInteger a, BigInteger b, String label, Position position) {
        if (a.abs().compareTo(BigInteger.ONE) <= 0) {
            return a.pow(b.testBit(0) ? 1 : b.signum() == 0 ? 0 : 2);
        }
        if (b.bitLength() > 31 || (a.abs().bitLength() - 1) * b.longValue() > 64) {
            throw new BindException(BindException.Category.TYPE, "Python integer " + a + " ** " + b
                    + " does not fit in 64 bits, in " + label, position);
        }
        return a.pow(b.intValue());
    }

    private static BigInteger floorDivide(BigInteger a, BigInteger b) {
        BigInteger[] quotientAndRemainder = a.divideAndRemainder(b);
        BigInteger quotient = quotientAndRemainder[0];
        if (quotientAndRemainder[1].signum() != 0 && quotientAndRemainder[1].signum() != b.signum()) {
            quotient = quotient.subtract(BigInteger.ONE);
        }
        return quotient;
    }

    /** The integer a literal holds (uint64 read unsigned). */
    static BigInteger value(ScalarExpr.Constant constant) {
        return constant.dtype() == DType.UINT64 ? new BigInteger(Long.toUnsignedString(constant.bits()))
                : BigInteger.valueOf(constant.bits());
    }

    /** A literal of this value: int64 when it fits, else uint64. */
    static ScalarExpr.Constant constant(BigInteger value) {
        if (value.bitLength() <= 63) {
            return ScalarExpr.Constant.ofLong(DType.INT64, value.longValue());
        }
        return ScalarExpr.Constant.ofLong(DType.UINT64, value.longValue());
    }
}
