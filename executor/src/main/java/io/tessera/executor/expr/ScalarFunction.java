package io.tessera.executor.expr;

/**
 * The elementwise operations a map computes. Operands of one call share one dtype (the operand
 * dtype) except: {@link #WHERE}'s condition is bool, {@link #CAST} takes any dtype, and
 * {@link #ROUND}'s second operand is an int64 number of decimals. The binder inserts the casts that
 * bring operands to their common dtype, and rewrites bool arithmetic to logical operations.
 */
public enum ScalarFunction {
    ADD(2, "+"), SUBTRACT(2, "-"), MULTIPLY(2, "*"), TRUE_DIVIDE(2, "/"), FLOOR_DIVIDE(2, "//"), REMAINDER(2, "%"),
    POWER(2, "**"),
    NEGATIVE(1, "negative"), ABSOLUTE(1, "abs"), SIGN(1, "sign"), SQUARE(1, "square"),
    SQRT(1, "sqrt"), CBRT(1, "cbrt"), EXP(1, "exp"), EXPM1(1, "expm1"), LOG(1, "log"), LOG2(1, "log2"),
    LOG10(1, "log10"), LOG1P(1, "log1p"), SIN(1, "sin"), COS(1, "cos"), TAN(1, "tan"), ARCSIN(1, "arcsin"),
    ARCCOS(1, "arccos"), ARCTAN(1, "arctan"), SINH(1, "sinh"), COSH(1, "cosh"), TANH(1, "tanh"),
    ARCTAN2(2, "arctan2"),
    FLOOR(1, "floor"), CEIL(1, "ceil"), TRUNC(1, "trunc"), ROUND(2, "round"),
    ISNAN(1, "isnan"), ISINF(1, "isinf"), ISFINITE(1, "isfinite"),
    MAXIMUM(2, "maximum"), MINIMUM(2, "minimum"), FMAX(2, "fmax"), FMIN(2, "fmin"), CLIP(3, "clip"),
    WHERE(3, "where"),
    EQUAL(2, "=="), NOT_EQUAL(2, "!="), LESS(2, "<"), LESS_EQUAL(2, "<="), GREATER(2, ">"), GREATER_EQUAL(2, ">="),
    LOGICAL_AND(2, "AND"), LOGICAL_OR(2, "OR"), LOGICAL_NOT(1, "NOT"),
    CAST(1, "astype");

    private final int arity;
    private final String symbol;

    ScalarFunction(int arity, String symbol) {
        this.arity = arity;
        this.symbol = symbol;
    }

    public int arity() {
        return arity;
    }

    /** The operator or function name as a query writes it. */
    public String symbol() {
        return symbol;
    }

    /** True for operators written between their operands. */
    public boolean isInfix() {
        return !Character.isLetter(symbol.charAt(0)) || this == LOGICAL_AND || this == LOGICAL_OR;
    }

    /** True when the result is bool whatever the operands. */
    public boolean isPredicate() {
        return switch (this) {
            case ISNAN, ISINF, ISFINITE, EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, LOGICAL_AND,
                 LOGICAL_OR, LOGICAL_NOT -> true;
            default -> false;
        };
    }
}
