package io.tessera.executor.kernel;

import io.tessera.executor.Block;
import io.tessera.executor.Shapes;

/**
 * Strided copies between blocks of one dtype. Each target axis is described by an {@link AxisMap};
 * the source offsets of all axes add up, plus a base offset. Unit-stride runs on the innermost axis
 * become array copies.
 */
public final class Gather {
    private Gather() {
    }

    /** Copies every combination of the axes' positions from {@code source} into {@code target}. */
    public static void copy(Block source, long base, AxisMap[] axes, Block target) {
        int rank = axes.length;
        int[] targetStrides = Shapes.strides(target.shape());
        if (rank == 0) {
            System.arraycopy(source.data(), Math.toIntExact(base), target.data(), 0, 1);
            return;
        }
        for (AxisMap axis : axes) {
            if (axis.count() == 0) {
                return;
            }
        }
        int last = rank - 1;
        AxisMap inner = axes[last];
        int innerStride = targetStrides[last];
        boolean contiguous = inner.isArithmetic() && inner.sourceStep() == 1 && innerStride == 1;
        int[] position = new int[last];
        Object from = source.data();
        Object to = target.data();
        while (true) {
            long sourceAt = base;
            int targetAt = 0;
            for (int axis = 0; axis < last; axis++) {
                sourceAt += axes[axis].source(position[axis]);
                targetAt += axes[axis].target(position[axis]) * targetStrides[axis];
            }
            if (contiguous) {
                System.arraycopy(from, Math.toIntExact(sourceAt + inner.sourceStart()), to,
                        targetAt + inner.targetStart(), inner.count());
            } else {
                copyRow(from, sourceAt, inner, to, targetAt, innerStride);
            }
            int axis = last - 1;
            while (axis >= 0) {
                if (++position[axis] < axes[axis].count()) {
                    break;
                }
                position[axis] = 0;
                axis--;
            }
            if (axis < 0) {
                return;
            }
        }
    }

    private static void copyRow(Object source, long base, AxisMap axis, Object target, int targetBase, int stride) {
        int n = axis.count();
        int b = Math.toIntExact(base);
        if (source instanceof double[] s) {
            double[] t = (double[]) target;
            for (int j = 0; j < n; j++) {
                t[targetBase + axis.target(j) * stride] = s[b + (int) axis.source(j)];
            }
        } else if (source instanceof float[] s) {
            float[] t = (float[]) target;
            for (int j = 0; j < n; j++) {
                t[targetBase + axis.target(j) * stride] = s[b + (int) axis.source(j)];
            }
        } else if (source instanceof long[] s) {
            long[] t = (long[]) target;
            for (int j = 0; j < n; j++) {
                t[targetBase + axis.target(j) * stride] = s[b + (int) axis.source(j)];
            }
        } else if (source instanceof int[] s) {
            int[] t = (int[]) target;
            for (int j = 0; j < n; j++) {
                t[targetBase + axis.target(j) * stride] = s[b + (int) axis.source(j)];
            }
        } else if (source instanceof short[] s) {
            short[] t = (short[]) target;
            for (int j = 0; j < n; j++) {
                t[targetBase + axis.target(j) * stride] = s[b + (int) axis.source(j)];
            }
        } else {
            byte[] s = (byte[]) source;
            byte[] t = (byte[]) target;
            for (int j = 0; j < n; j++) {
                t[targetBase + axis.target(j) * stride] = s[b + (int) axis.source(j)];
            }
        }
    }

    /** Copies the box {@code start + count} of {@code source} to {@code targetStart} of {@code target}. */
    public static void copyBox(Block source, int[] start, int[] count, Block target, int[] targetStart) {
        int rank = count.length;
        int[] sourceStrides = Shapes.strides(source.shape());
        AxisMap[] axes = new AxisMap[rank];
        long base = 0;
        for (int axis = 0; axis < rank; axis++) {
            axes[axis] = AxisMap.run(count[axis], targetStart[axis], 0, sourceStrides[axis]);
            base += (long) start[axis] * sourceStrides[axis];
        }
        copy(source, base, axes, target);
    }

    /**
     * Broadcasts {@code source} to {@code target}'s shape: axes are aligned at the end, and an axis of
     * length 1 (or missing) in the source repeats along the target's axis. The target is filled as
     * whole runs: a repeated axis is written once and then copied onto itself, doubling each time,
     * so a row of 3 repeated 7000 times takes 13 array copies, not 7000.
     */
    public static void broadcast(Block source, Block target) {
        int rank = target.ndim();
        if (rank == 0) {
            System.arraycopy(source.data(), 0, target.data(), 0, 1);
            return;
        }
        if (target.size() == 0) {
            return;
        }
        int[] sourceShape = source.shape();
        int[] sourceStrides = Shapes.strides(sourceShape);
        int shift = rank - sourceShape.length;
        int[] strides = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            int s = axis - shift;
            strides[axis] = s < 0 || sourceShape[s] == 1 ? 0 : sourceStrides[s];
        }
        fill(source.data(), 0, strides, target.data(), 0, target.shape(), Shapes.strides(target.shape()), 0);
    }

    /** Fills the target region of {@code axis} and those inside it, at {@code targetAt}, from {@code sourceAt}. */
    private static void fill(Object source, int sourceAt, int[] sourceStrides, Object target, int targetAt,
            int[] shape, int[] targetStrides, int axis) {
        int n = shape[axis];
        int inner = targetStrides[axis];
        if (axis == shape.length - 1) {
            if (sourceStrides[axis] == 1) {
                System.arraycopy(source, sourceAt, target, targetAt, n);
            } else {
                System.arraycopy(source, sourceAt, target, targetAt, 1);
                repeat(target, targetAt, 1, n);
            }
            return;
        }
        if (sourceStrides[axis] == 0) {
            fill(source, sourceAt, sourceStrides, target, targetAt, shape, targetStrides, axis + 1);
            repeat(target, targetAt, inner, n);
            return;
        }
        for (int j = 0; j < n; j++) {
            fill(source, sourceAt + j * sourceStrides[axis], sourceStrides, target, targetAt + j * inner, shape,
                    targetStrides, axis + 1);
        }
    }

    /** Copies the {@code length} elements at {@code at} onto the {@code times - 1} places after them. */
    private static void repeat(Object array, int at, int length, int times) {
        long total = (long) length * times;
        long done = length;
        while (done < total) {
            int n = (int) Math.min(done, total - done);
            System.arraycopy(array, at, array, at + (int) done, n);
            done += n;
        }
    }
}
