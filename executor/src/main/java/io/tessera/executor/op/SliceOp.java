package io.tessera.executor.op;

import io.tessera.executor.AxisSelection;
import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.Selection;
import io.tessera.executor.Shapes;
import io.tessera.executor.kernel.AxisMap;
import io.tessera.executor.kernel.Gather;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.SliceNode;
import io.tessera.executor.run.TaskContext;

/**
 * Selected elements of a computed array: computes the input over the smallest box that holds the
 * selection, then gathers. (Selections on stored arrays are pushed into the scan instead.)
 */
final class SliceOp implements Operator {
    private final SliceNode node;
    private final Operator input;

    SliceOp(SliceNode node, Operator input) {
        this.node = node;
        this.input = input;
    }

    @Override
    public PlanNode node() {
        return node;
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        Selection part = node.selection().part(box);
        int inputRank = part.inputRank();
        long[] start = new long[inputRank];
        long[] count = new long[inputRank];
        for (int axis = 0; axis < inputRank; axis++) {
            AxisSelection selection = part.axis(axis);
            if (selection.count() == 0) {
                return context.allocate(node.dtype(), box.intShape());
            }
            start[axis] = selection.min();
            count[axis] = selection.max() - selection.min() + 1;
        }
        Block source = input.evaluate(new Box(start, count), context);
        int[] strides = Shapes.strides(source.shape());
        long base = 0;
        AxisMap[] maps = new AxisMap[part.outputRank()];
        boolean[] shown = new boolean[inputRank];
        for (int k = 0; k < maps.length; k++) {
            int axis = part.outputAxis(k);
            if (axis == Selection.NEW_AXIS) {
                maps[k] = AxisMap.run(1, 0, 0, 0);
                continue;
            }
            shown[axis] = true;
            AxisSelection selection = part.axis(axis);
            if (selection instanceof AxisSelection.Range range) {
                maps[k] = AxisMap.run((int) range.count(), 0, (range.start() - start[axis]) * strides[axis],
                        range.step() * strides[axis]);
            } else {
                int n = (int) selection.count();
                int[] targets = new int[n];
                long[] offsets = new long[n];
                for (int j = 0; j < n; j++) {
                    targets[j] = j;
                    offsets[j] = (selection.index(j) - start[axis]) * strides[axis];
                }
                maps[k] = AxisMap.of(targets, offsets);
            }
        }
        for (int axis = 0; axis < inputRank; axis++) {
            if (!shown[axis]) {
                base += (part.axis(axis).index(0) - start[axis]) * strides[axis];
            }
        }
        Block out = context.allocate(node.dtype(), box.intShape());
        Gather.copy(source, base, maps, out);
        return out;
    }
}
