package io.tessera.planner.rules;

import io.tessera.executor.AxisSelection;
import io.tessera.executor.Selection;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes a selection on an elementwise result down to one of its inputs, which may broadcast: an
 * axis the input lacks is left out, an axis of length 1 keeps its single element, and the input's
 * axes stay aligned with the result's last axes.
 */
final class BroadcastSelections {
    private BroadcastSelections() {
    }

    /**
     * The selection for an input of {@code inputShape} under a result of {@code shape}, or null when
     * it cannot be expressed (a reordering of axes the input broadcasts along).
     */
    static Selection forInput(Selection outer, long[] shape, long[] inputShape) {
        int shift = shape.length - inputShape.length;
        boolean ordered = outer.keepsAxisOrder() || isMonotonic(outer);
        if (!ordered && shift != 0) {
            return null;
        }
        List<AxisSelection> axes = new ArrayList<>();
        boolean[] shown = new boolean[shape.length];
        for (int k = 0; k < outer.outputRank(); k++) {
            if (outer.outputAxis(k) != Selection.NEW_AXIS) {
                shown[outer.outputAxis(k)] = true;
            }
        }
        for (int a = 0; a < inputShape.length; a++) {
            int m = a + shift;
            AxisSelection selected = outer.axis(m);
            if (inputShape[a] == shape[m]) {
                axes.add(selected);
            } else if (!shown[m]) {
                axes.add(AxisSelection.single(0));
            } else {
                axes.add(new AxisSelection.Range(0, 1, selected.count() == 0 ? 0 : 1));
            }
        }
        List<Integer> output = new ArrayList<>();
        boolean started = false;
        for (int k = 0; k < outer.outputRank(); k++) {
            int m = outer.outputAxis(k);
            if (m == Selection.NEW_AXIS) {
                if (started) {
                    output.add(Selection.NEW_AXIS);
                }
            } else if (m >= shift) {
                started = true;
                output.add(m - shift);
            }
        }
        if (!ordered) {
            // same rank: the reordering applies as it is
            output.clear();
            for (int k = 0; k < outer.outputRank(); k++) {
                output.add(outer.outputAxis(k));
            }
        }
        return new Selection(axes, output.stream().mapToInt(Integer::intValue).toArray());
    }

    private static boolean isMonotonic(Selection selection) {
        int previous = -1;
        for (int k = 0; k < selection.outputRank(); k++) {
            int axis = selection.outputAxis(k);
            if (axis != Selection.NEW_AXIS) {
                if (axis < previous) {
                    return false;
                }
                previous = axis;
            }
        }
        return true;
    }
}
