package io.tessera.executor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * What an index expression takes from an array, in a form that composes: per input axis the
 * selected indices, and for each output axis the input axis it shows ({@link #NEW_AXIS} for an axis
 * of length 1 added by {@code newaxis}). Input axes that no output axis shows are dropped by an
 * integer index and select exactly one index. Output axes may show input axes in any order, so a
 * transpose is a selection too.
 */
public final class Selection {
    public static final int NEW_AXIS = -1;

    private final List<AxisSelection> axes;
    private final int[] outputAxes;

    public Selection(List<AxisSelection> axes, int[] outputAxes) {
        this.axes = List.copyOf(axes);
        this.outputAxes = outputAxes.clone();
        boolean[] shown = new boolean[axes.size()];
        for (int axis : outputAxes) {
            if (axis != NEW_AXIS) {
                if (shown[axis]) {
                    throw new IllegalArgumentException("input axis " + axis + " shown twice");
                }
                shown[axis] = true;
            }
        }
        for (int axis = 0; axis < shown.length; axis++) {
            if (!shown[axis] && axes.get(axis).count() != 1) {
                throw new IllegalArgumentException("dropped axis " + axis + " must select one index");
            }
        }
    }

    /** Everything of an array of this shape, unchanged. */
    public static Selection all(long[] shape) {
        List<AxisSelection> axes = new ArrayList<>();
        int[] outputAxes = new int[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            axes.add(AxisSelection.all(shape[axis]));
            outputAxes[axis] = axis;
        }
        return new Selection(axes, outputAxes);
    }

    /** All of an array, with its axes in another order (output axis i shows input axis order[i]). */
    public static Selection transpose(long[] shape, int[] order) {
        List<AxisSelection> axes = new ArrayList<>();
        for (long dim : shape) {
            axes.add(AxisSelection.all(dim));
        }
        return new Selection(axes, order);
    }

    public List<AxisSelection> axes() {
        return axes;
    }

    public AxisSelection axis(int inputAxis) {
        return axes.get(inputAxis);
    }

    public int inputRank() {
        return axes.size();
    }

    public int outputRank() {
        return outputAxes.length;
    }

    /** The input axis that output axis {@code k} shows, or {@link #NEW_AXIS}. */
    public int outputAxis(int k) {
        return outputAxes[k];
    }

    public int[] outputAxes() {
        return outputAxes.clone();
    }

    public long[] outputShape() {
        long[] shape = new long[outputAxes.length];
        for (int k = 0; k < outputAxes.length; k++) {
            shape[k] = outputAxes[k] == NEW_AXIS ? 1 : axes.get(outputAxes[k]).count();
        }
        return shape;
    }

    /** True when this selects all of an array of {@code shape} in its own order. */
    public boolean isAll(long[] shape) {
        if (outputAxes.length != shape.length) {
            return false;
        }
        for (int k = 0; k < outputAxes.length; k++) {
            if (outputAxes[k] != k || !axes.get(k).isAll(shape[k])) {
                return false;
            }
        }
        return true;
    }

    /** True when no axis is added or reordered (only slices, points and dropped axes). */
    public boolean keepsAxisOrder() {
        int previous = -1;
        for (int axis : outputAxes) {
            if (axis == NEW_AXIS || axis < previous) {
                return false;
            }
            previous = axis;
        }
        return true;
    }

    /**
     * This selection followed by {@code outer}, which selects from this selection's output; null
     * when the result cannot be expressed (an added axis that the outer selection empties).
     */
    public Selection then(Selection outer) {
        if (outer.inputRank() != outputRank()) {
            throw new IllegalArgumentException("rank mismatch: " + outer.inputRank() + " vs " + outputRank());
        }
        List<AxisSelection> composed = new ArrayList<>(axes);
        List<Integer> newOutput = new ArrayList<>();
        for (int m = 0; m < outputAxes.length; m++) {
            AxisSelection outerAxis = outer.axes.get(m);
            if (outputAxes[m] == NEW_AXIS) {
                if (outerAxis.count() != 1) {
                    return null;
                }
                continue;
            }
            composed.set(outputAxes[m], axes.get(outputAxes[m]).then(outerAxis));
        }
        for (int k = 0; k < outer.outputAxes.length; k++) {
            int m = outer.outputAxes[k];
            newOutput.add(m == NEW_AXIS ? NEW_AXIS : outputAxes[m]);
        }
        return new Selection(composed, newOutput.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The part of this selection that produces output box {@code box}. */
    public Selection part(Box box) {
        List<AxisSelection> parts = new ArrayList<>(axes);
        for (int k = 0; k < outputAxes.length; k++) {
            if (outputAxes[k] != NEW_AXIS) {
                parts.set(outputAxes[k], axes.get(outputAxes[k]).part(box.start(k), box.count(k)));
            }
        }
        return new Selection(parts, outputAxes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Selection s && axes.equals(s.axes) && Arrays.equals(outputAxes, s.outputAxes);
    }

    @Override
    public int hashCode() {
        return 31 * axes.hashCode() + Arrays.hashCode(outputAxes);
    }

    /**
     * Per input axis its selection ({@code [0, 5:10, 0:60:2]}), then, when axes are added or
     * reordered, which input axis each output axis shows ({@code as [1, 0, new]}).
     */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (AxisSelection axis : axes) {
            joiner.add(axis.toString());
        }
        String text = joiner.toString();
        return keepsAxisOrder() ? text : text + " as " + Arrays.toString(outputAxes).replace("-1", "new");
    }
}
