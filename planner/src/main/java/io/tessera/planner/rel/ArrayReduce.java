package io.tessera.planner.rel;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import io.tessera.executor.reduce.ReduceFunction;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rex.RexNode;

/**
 * A reduction over some axes of an operand. The operand is input 0 itself, or (after
 * {@code ReduceMapFuseRule}) an elementwise expression over the inputs, computed in the same pass.
 */
public final class ArrayReduce extends ArrayRel {
    private final RexNode operand;
    private final long[] operandShape;
    private final ChunkGrid operandChunks;
    private final ReduceFunction function;
    private final int[] axes;
    private final boolean keepdims;
    private final double ddof;

    public ArrayReduce(RelOptCluster cluster, List<RelNode> inputs, RexNode operand, long[] operandShape,
            ChunkGrid operandChunks, ReduceFunction function, int[] axes, boolean keepdims, double ddof, DType dtype,
            ChunkGrid chunks) {
        super(cluster, inputs, dtype, outputShape(operandShape, axes, keepdims), chunks);
        this.operand = operand;
        this.operandShape = operandShape.clone();
        this.operandChunks = operandChunks;
        this.function = function;
        this.axes = axes.clone();
        Arrays.sort(this.axes);
        this.keepdims = keepdims;
        this.ddof = ddof;
    }

    public static long[] outputShape(long[] operandShape, int[] axes, boolean keepdims) {
        long[] shape = new long[keepdims ? operandShape.length : operandShape.length - axes.length];
        for (int axis = 0, k = 0; axis < operandShape.length; axis++) {
            boolean reduced = false;
            for (int a : axes) {
                reduced |= a == axis;
            }
            if (!reduced) {
                shape[k++] = operandShape[axis];
            } else if (keepdims) {
                shape[k++] = 1;
            }
        }
        return shape;
    }

    public RexNode operand() {
        return operand;
    }

    public long[] operandShape() {
        return operandShape.clone();
    }

    public ChunkGrid operandChunks() {
        return operandChunks;
    }

    public ReduceFunction function() {
        return function;
    }

    public int[] axes() {
        return axes.clone();
    }

    public boolean reduces(int axis) {
        return Arrays.binarySearch(axes, axis) >= 0;
    }

    public boolean keepdims() {
        return keepdims;
    }

    public double ddof() {
        return ddof;
    }

    /** The same reduction over other inputs and operand. */
    public ArrayReduce with(List<RelNode> newInputs, RexNode newOperand, long[] newOperandShape,
            ChunkGrid newOperandChunks, int[] newAxes, ChunkGrid newChunks) {
        return new ArrayReduce(getCluster(), newInputs, newOperand, newOperandShape, newOperandChunks, function,
                newAxes, keepdims, ddof, dtype(), newChunks);
    }

    @Override
    public ArrayRel withInputs(List<RelNode> newInputs) {
        return with(newInputs, operand, operandShape, operandChunks, axes, chunks());
    }

    @Override
    protected void explainAttributes(RelWriter pw) {
        pw.item("function", function.functionName());
        pw.itemIf("operand", RexTranslator.print(operand), operand != null);
        pw.item("axes", Arrays.toString(axes));
        pw.itemIf("keepdims", true, keepdims);
        pw.itemIf("ddof", ddof, ddof != 0);
        pw.itemIf("operandShape", Shapes.format(operandShape), operand != null);
        pw.item("operandChunks", operandChunks);
    }
}
