package io.tessera.executor.reduce;

import io.tessera.executor.DType;

/**
 * Makes the reducer for a reduction over operands of a given dtype. The planner has already cast
 * operands to the accumulation dtype: int64/uint64 or a float for sum and prod, float for mean,
 * var and std, bool for any, all and count.
 */
public final class Reducers {
    private Reducers() {
    }

    /**
     * @param reducedCount how many values each output folds: the product of the reduced axes' lengths
     */
    public static Reducer create(ReduceFunction function, DType operand, double ddof, long reducedCount) {
        boolean doubles = operand.isDoubleLane();
        boolean skipNaN = function.skipsNaN() && doubles;
        String name = function.functionName();
        return switch (function.withNaN()) {
            case SUM -> new SumReducer(doubles, skipNaN);
            case PROD -> new ProductReducer(doubles, skipNaN);
            case MEAN -> new MeanReducer(skipNaN, reducedCount);
            case VAR -> new VarianceReducer(false, skipNaN, ddof);
            case STD -> new VarianceReducer(true, skipNaN, ddof);
            case MIN -> new ExtremumReducer(false, skipNaN, operand, function.skipsNaN() ? "nanmin" : "minimum");
            case MAX -> new ExtremumReducer(true, skipNaN, operand, function.skipsNaN() ? "nanmax" : "maximum");
            case ARGMIN -> new ArgExtremumReducer(false, operand, name);
            case ARGMAX -> new ArgExtremumReducer(true, operand, name);
            case ANY -> new LogicalReducer(LogicalReducer.Kind.ANY);
            case ALL -> new LogicalReducer(LogicalReducer.Kind.ALL);
            case COUNT -> new LogicalReducer(LogicalReducer.Kind.COUNT);
            default -> throw new IllegalArgumentException(function.toString());
        };
    }
}
