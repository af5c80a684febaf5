package io.tessera.executor;

import java.util.Arrays;

/** A dense hyper-rectangle of an array: per axis a start and a count. */
public record Box(long[] start, long[] count) {
    public Box {
        if (start.length != count.length) {
            throw new IllegalArgumentException("start and count differ in rank");
        }
        start = start.clone();
        count = count.clone();
    }

    public int ndim() {
        return start.length;
    }

    public long start(int axis) {
        return start[axis];
    }

    public long count(int axis) {
        return count[axis];
    }

    public long stop(int axis) {
        return start[axis] + count[axis];
    }

    public long size() {
        return Shapes.size(count);
    }

    public int[] intShape() {
        return Shapes.toInt(count);
    }

    @Override
    public long[] start() {
        return start.clone();
    }

    @Override
    public long[] count() {
        return count.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Box box && Arrays.equals(start, box.start) && Arrays.equals(count, box.count);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(start) + Arrays.hashCode(count);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int axis = 0; axis < start.length; axis++) {
            if (axis > 0) {
                text.append(", ");
            }
            text.append(start[axis]).append(':').append(stop(axis));
        }
        return text.append(']').toString();
    }
}
