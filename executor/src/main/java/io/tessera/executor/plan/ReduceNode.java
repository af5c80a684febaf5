package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.executor.reduce.ReduceFunction;
import java.util.Arrays;
import java.util.List;

/**
 * A reduction over {@code axes} of an operand: the elementwise {@code operand} expression over the
 * inputs (broadcast to {@code operandShape}), so a map below a reduction runs in the same pass.
 * {@code operandChunks} cuts the reduced axes into the pieces that are read one after another.
 */
public record ReduceNode(List<PlanNode> inputs, ScalarExpr operand, long[] operandShape, ChunkGrid operandChunks,
                         ReduceFunction function, int[] axes, boolean keepdims, double ddof, DType dtype,
                         ChunkGrid chunks) implements PlanNode {
    public ReduceNode {
        inputs = List.copyOf(inputs);
        axes = axes.clone();
        Arrays.sort(axes);
    }

    /** True when axis {@code axis} of the operand is reduced. */
    public boolean reduces(int axis) {
        return Arrays.binarySearch(axes, axis) >= 0;
    }

    @Override
    public int[] axes() {
        return axes.clone();
    }

    @Override
    public long[] operandShape() {
        return operandShape.clone();
    }

    @Override
    public long[] shape() {
        long[] shape = new long[keepdims ? operandShape.length : operandShape.length - axes.length];
        for (int axis = 0, k = 0; axis < operandShape.length; axis++) {
            if (!reduces(axis)) {
                shape[k++] = operandShape[axis];
            } else if (keepdims) {
                shape[k++] = 1;
            }
        }
        return shape;
    }

    @Override
    public String describe() {
        String ddofText = ddof != 0 ? " ddof=" + (ddof == Math.rint(ddof) ? Long.toString((long) ddof) : Double.toString(ddof)) : "";
        return "Reduce " + function.functionName() + "(" + ScalarExprPrinter.print(operand) + ") axes="
                + Arrays.toString(axes) + (keepdims ? " keepdims" : "") + ddofText + " " + dtype
                + Shapes.format(shape()) + " chunks=" + chunks;
    }
}
