package io.tessera.executor.op;

import io.tessera.executor.AxisSelection;
import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.Selection;
import io.tessera.executor.Shapes;
import io.tessera.executor.generate.Generator;
import io.tessera.executor.plan.GenerateNode;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.run.TaskContext;

/**
 * Computes a box of a generated array: every output element's flat index in the whole generated
 * array follows from the selection, and the generator fills runs of the innermost axis at once.
 */
final class GenerateOp implements Operator {
    private final GenerateNode node;
    private final Generator generator;
    private final long[] strides;

    GenerateOp(GenerateNode node) {
        this.node = node;
        this.generator = node.generator();
        this.strides = Shapes.strides(generator.shape());
    }

    @Override
    public PlanNode node() {
        return node;
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        Block out = context.allocate(node.dtype(), box.intShape());
        context.generated(generator, out.size());
        int rank = box.ndim();
        if (out.size() == 0) {
            return out;
        }
        Selection part = node.selection().part(box);
        // per output axis, the flat-index offset of each of its positions; dropped axes add to the base
        long base = 0;
        boolean[] shown = new boolean[part.inputRank()];
        long[][] offsets = new long[rank][];
        for (int k = 0; k < rank; k++) {
            int axis = part.outputAxis(k);
            int count = (int) box.count(k);
            offsets[k] = new long[count];
            if (axis != Selection.NEW_AXIS) {
                shown[axis] = true;
                AxisSelection selection = part.axis(axis);
                for (int j = 0; j < count; j++) {
                    offsets[k][j] = selection.index(j) * strides[axis];
                }
            }
        }
        for (int axis = 0; axis < shown.length; axis++) {
            if (!shown[axis]) {
                base += part.axis(axis).index(0) * strides[axis];
            }
        }
        if (rank == 0) {
            generator.fill(out, 0, 1, base, 0);
            return out;
        }
        int inner = rank - 1;
        int innerCount = (int) box.count(inner);
        long[] innerOffsets = offsets[inner];
        boolean arithmetic = innerCount == 1 || isArithmetic(innerOffsets);
        long innerStep = innerCount > 1 ? innerOffsets[1] - innerOffsets[0] : 0;
        int[] position = new int[rank];
        int rows = out.size() / innerCount;
        for (int row = 0; row < rows; row++) {
            context.checkCancelled();
            long rowBase = base;
            for (int k = 0; k < inner; k++) {
                rowBase += offsets[k][position[k]];
            }
            int offset = row * innerCount;
            if (arithmetic) {
                generator.fill(out, offset, innerCount, rowBase + innerOffsets[0], innerStep);
            } else {
                for (int j = 0; j < innerCount; j++) {
                    generator.fill(out, offset + j, 1, rowBase + innerOffsets[j], 0);
                }
            }
            for (int k = inner - 1; k >= 0; k--) {
                if (++position[k] < box.count(k)) {
                    break;
                }
                position[k] = 0;
            }
        }
        return out;
    }

    private static boolean isArithmetic(long[] offsets) {
        long step = offsets[1] - offsets[0];
        for (int j = 2; j < offsets.length; j++) {
            if (offsets[j] - offsets[j - 1] != step) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "GenerateOp[" + Shapes.format(node.shape()) + "]";
    }
}
