package io.tessera.planner.bind;

import io.tessera.grammar.ast.Position;
import java.util.Arrays;

/** Axis arguments as NumPy checks them: negative counts from the end, no repeats, within range. */
final class Axes {
    private Axes() {
    }

    /** One axis of an array with {@code ndim} axes. */
    static int normalize(long axis, int ndim, Position position) {
        if (axis < -ndim || axis >= ndim) {
            throw new BindException(BindException.Category.ARGUMENT, "axis " + axis
                    + " is out of bounds for array of dimension " + ndim, position);
        }
        return (int) (axis < 0 ? axis + ndim : axis);
    }

    /** Several axes, sorted; a repeated axis is an error. */
    static int[] normalize(long[] axes, int ndim, Position position) {
        int[] result = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            result[i] = normalize(axes[i], ndim, position);
        }
        Arrays.sort(result);
        for (int i = 1; i < result.length; i++) {
            if (result[i] == result[i - 1]) {
                throw new BindException(BindException.Category.ARGUMENT, "repeated axis " + result[i], position);
            }
        }
        return result;
    }

    static int[] all(int ndim) {
        int[] axes = new int[ndim];
        for (int i = 0; i < ndim; i++) {
            axes[i] = i;
        }
        return axes;
    }
}
