package io.tessera.executor;

import java.util.ArrayList;
import java.util.List;

/** Row-major order arithmetic: the contiguous runs of a box, and the boxes of a flat range. */
public final class FlatRuns {
    /** The largest single read, so I/O buffers stay small whatever the box. */
    public static final int MAX_READ_BYTES = 16 << 20;

    /** Receives one run: its element offset in the array, its element offset in the box, its length. */
    public interface RunConsumer {
        void run(long arrayOffset, int boxOffset, int count);
    }

    private FlatRuns() {
    }

    /** Calls {@code consumer} for each contiguous run of {@code box} in an array of {@code shape}. */
    public static void runs(long[] shape, Box box, RunConsumer consumer) {
        int n = shape.length;
        if (box.size() == 0) {
            return;
        }
        if (n == 0) {
            consumer.run(0, 0, 1);
            return;
        }
        long[] strides = Shapes.strides(shape);
        // the run spans the innermost axes the box covers whole, plus the next one partially
        int first = n - 1;
        while (first > 0 && box.start(first) == 0 && box.count(first) == shape[first]) {
            first--;
        }
        long runLength = box.count(first) * strides[first];
        int runCount = Math.toIntExact(box.size() / runLength);
        long[] index = new long[first];
        for (int run = 0; run < runCount; run++) {
            long offset = box.start(first) * strides[first];
            for (int axis = 0; axis < first; axis++) {
                offset += (box.start(axis) + index[axis]) * strides[axis];
            }
            consumer.run(offset, Math.toIntExact(run * runLength), Math.toIntExact(runLength));
            for (int axis = first - 1; axis >= 0; axis--) {
                if (++index[axis] < box.count(axis)) {
                    break;
                }
                index[axis] = 0;
            }
        }
    }

    /** The boxes whose elements, in row-major order, are the flat range {@code [from, to)} of {@code shape}. */
    public static List<Box> boxes(long[] shape, long from, long to) {
        List<Box> boxes = new ArrayList<>();
        if (from < to) {
            collect(shape, Shapes.strides(shape), 0, new long[shape.length], from, to, boxes);
        }
        return boxes;
    }

    private static void collect(long[] shape, long[] strides, int axis, long[] prefix, long from, long to,
            List<Box> boxes) {
        int n = shape.length;
        if (n == 0) {
            boxes.add(new Box(new long[0], new long[0]));
            return;
        }
        long stride = strides[axis];
        long first = from / stride;
        long last = to / stride;
        long fromRest = from % stride;
        long toRest = to % stride;
        if (axis == n - 1) {
            boxes.add(box(shape, prefix, axis, from, to - from));
            return;
        }
        if (first == last) {
            prefix[axis] = first;
            collect(shape, strides, axis + 1, prefix, fromRest, toRest, boxes);
            return;
        }
        if (fromRest != 0) {
            prefix[axis] = first;
            collect(shape, strides, axis + 1, prefix, fromRest, stride, boxes);
            first++;
        }
        if (last > first) {
            boxes.add(box(shape, prefix, axis, first, last - first));
        }
        if (toRest != 0) {
            prefix[axis] = last;
            collect(shape, strides, axis + 1, prefix, 0, toRest, boxes);
        }
    }

    /** A box fixed at {@code prefix} before {@code axis}, {@code [start, start + count)} on it, whole after. */
    private static Box box(long[] shape, long[] prefix, int axis, long start, long count) {
        long[] s = new long[shape.length];
        long[] c = new long[shape.length];
        for (int a = 0; a < shape.length; a++) {
            if (a < axis) {
                s[a] = prefix[a];
                c[a] = 1;
            } else if (a == axis) {
                s[a] = start;
                c[a] = count;
            } else {
                c[a] = shape[a];
            }
        }
        return new Box(s, c);
    }
}
