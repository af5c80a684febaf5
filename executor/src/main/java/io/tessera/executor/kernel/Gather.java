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
     * length 1 (or missing) in the source repeats along the target's axis.
     */
    public static void broadcast(Block source, Block target) {
        int rank = target.ndim();
        int[] sourceShape = source.shape();
        int[] sourceStrides = Shapes.strides(sourceShape);
        int shift = rank - sourceShape.length;
        AxisMap[] axes = new AxisMap[rank];
        for (int axis = 0; axis < rank; axis++) {
            int s = axis - shift;
            boolean repeat = s < 0 || sourceShape[s] == 1;
            axes[axis] = AxisMap.run(target.dim(axis), 0, 0, repeat ? 0 : sourceStrides[s]);
        }
        copy(source, 0, axes, target);
    }
}
