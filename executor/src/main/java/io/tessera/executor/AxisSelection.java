package io.tessera.executor;

import java.util.Arrays;

/** The indices selected along one axis of an array: an arithmetic range or a list of points. */
public sealed interface AxisSelection {
    /** How many indices are selected. */
    long count();

    /** The {@code k}-th selected index. */
    long index(long k);

    /** The smallest and largest selected index (undefined when nothing is selected). */
    long min();

    long max();

    /** This selection followed by {@code outer}, which indexes into this selection's results. */
    AxisSelection then(AxisSelection outer);

    /** The selected indices in {@code [from, from + n)} of this selection's output. */
    AxisSelection part(long from, long n);

    /** True when this selects every index of an axis of {@code length}, in order. */
    default boolean isAll(long length) {
        return this instanceof Range r && r.start() == 0 && r.step() == 1 && r.count() == length;
    }

    static Range all(long length) {
        return new Range(0, 1, length);
    }

    static Range single(long index) {
        return new Range(index, 1, 1);
    }

    /**
     * Python's slice semantics ({@code PySlice_AdjustIndices}) over an axis of {@code length}:
     * null parts take their defaults, negative bounds count from the end, out-of-range bounds clamp.
     */
    static Range slice(Long start, Long stop, Long step, long length) {
        long s = step == null ? 1 : step;
        if (s == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
        long lo;
        long hi;
        if (s > 0) {
            lo = start == null ? 0 : clamp(start, length, 0, length);
            hi = stop == null ? length : clamp(stop, length, 0, length);
        } else {
            lo = start == null ? length - 1 : clamp(start, length, -1, length - 1);
            hi = stop == null ? -1 : clamp(stop, length, -1, length - 1);
        }
        // (span - 1) / step + 1 rather than (span + step - 1) / step: a huge step must not overflow
        long count = s > 0 ? (hi > lo ? (hi - lo - 1) / s + 1 : 0) : (lo > hi ? (lo - hi - 1) / -s + 1 : 0);
        return new Range(count == 0 ? 0 : lo, count <= 1 ? 1 : s, count);
    }

    private static long clamp(long value, long length, long lowest, long highest) {
        long v = value < 0 ? value + length : value;
        return Math.max(lowest, Math.min(highest, v));
    }

    /** Indices {@code start, start + step, ...}, {@code count} of them; step may be negative. */
    record Range(long start, long step, long count) implements AxisSelection {
        public Range {
            if (count < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }

        @Override
        public long index(long k) {
            return start + k * step;
        }

        @Override
        public long min() {
            return step > 0 ? start : start + (count - 1) * step;
        }

        @Override
        public long max() {
            return step > 0 ? start + (count - 1) * step : start;
        }

        @Override
        public AxisSelection then(AxisSelection outer) {
            if (outer instanceof Range o) {
                long newStep = o.count <= 1 ? 1 : step * o.step;
                return new Range(o.count == 0 ? start : index(o.start), newStep, o.count);
            }
            long[] points = ((Points) outer).indices();
            long[] mapped = new long[points.length];
            for (int i = 0; i < points.length; i++) {
                mapped[i] = index(points[i]);
            }
            return Points.of(mapped);
        }

        @Override
        public AxisSelection part(long from, long n) {
            return new Range(n == 0 ? start : index(from), n <= 1 ? 1 : step, n);
        }

        @Override
        public String toString() {
            if (count == 1) {
                return Long.toString(start);
            }
            return start + ":" + (count == 0 ? start : start + count * step) + (step == 1 ? "" : ":" + step);
        }
    }

    /** An explicit list of indices, in the order given. */
    record Points(long[] indices) implements AxisSelection {
        public Points {
            indices = indices.clone();
        }

        /** The list, or a range when the indices are evenly spaced. */
        public static AxisSelection of(long[] indices) {
            if (indices.length <= 1) {
                return new Range(indices.length == 0 ? 0 : indices[0], 1, indices.length);
            }
            long step = indices[1] - indices[0];
            for (int i = 2; i < indices.length; i++) {
                if (indices[i] - indices[i - 1] != step || step == 0) {
                    return new Points(indices);
                }
            }
            return step == 0 ? new Points(indices) : new Range(indices[0], step, indices.length);
        }

        @Override
        public long[] indices() {
            return indices.clone();
        }

        @Override
        public long count() {
            return indices.length;
        }

        @Override
        public long index(long k) {
            return indices[(int) k];
        }

        @Override
        public long min() {
            return Arrays.stream(indices).min().orElse(0);
        }

        @Override
        public long max() {
            return Arrays.stream(indices).max().orElse(0);
        }

        @Override
        public AxisSelection then(AxisSelection outer) {
            long[] mapped = new long[(int) outer.count()];
            for (int i = 0; i < mapped.length; i++) {
                mapped[i] = indices[(int) outer.index(i)];
            }
            return of(mapped);
        }

        @Override
        public AxisSelection part(long from, long n) {
            return of(Arrays.copyOfRange(indices, (int) from, (int) (from + n)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Points p && Arrays.equals(indices, p.indices);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(indices);
        }

        @Override
        public String toString() {
            if (indices.length > 8) {
                return "[" + indices[0] + ", " + indices[1] + ", ... " + indices.length + " points]";
            }
            return Arrays.toString(indices);
        }
    }
}
