package io.tessera.executor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * How an array is cut into chunks: per axis the boundaries {@code 0 = b0 < b1 < ... < bk = n}
 * (an axis of length 0 has the single boundary 0 and no chunks). Printed the way Dask prints
 * {@code .chunks}: a tuple of block sizes per axis.
 */
public final class ChunkGrid {
    private final long[][] bounds;

    private ChunkGrid(long[][] bounds) {
        this.bounds = bounds;
    }

    /** Chunks of {@code chunk[axis]} elements along each axis, the last one smaller where it must be. */
    public static ChunkGrid regular(long[] shape, long[] chunk) {
        long[][] bounds = new long[shape.length][];
        for (int axis = 0; axis < shape.length; axis++) {
            long size = Math.max(1, Math.min(chunk[axis], Math.max(shape[axis], 1)));
            int n = (int) ((shape[axis] + size - 1) / size);
            long[] b = new long[n + 1];
            for (int i = 1; i <= n; i++) {
                b[i] = Math.min(shape[axis], i * size);
            }
            bounds[axis] = b;
        }
        return new ChunkGrid(bounds);
    }

    /** A grid from explicit block sizes per axis. */
    public static ChunkGrid fromSizes(List<long[]> sizes) {
        long[][] bounds = new long[sizes.size()][];
        for (int axis = 0; axis < bounds.length; axis++) {
            long[] blocks = sizes.get(axis);
            long[] b = new long[blocks.length + 1];
            for (int i = 0; i < blocks.length; i++) {
                b[i + 1] = b[i] + blocks[i];
            }
            bounds[axis] = b;
        }
        return new ChunkGrid(bounds);
    }

    /** A grid from explicit boundaries per axis. */
    public static ChunkGrid fromBounds(List<long[]> axisBounds) {
        long[][] bounds = new long[axisBounds.size()][];
        for (int axis = 0; axis < bounds.length; axis++) {
            bounds[axis] = axisBounds.get(axis).clone();
        }
        return new ChunkGrid(bounds);
    }

    /** One chunk holding everything. */
    public static ChunkGrid single(long[] shape) {
        return regular(shape, shape);
    }

    public int ndim() {
        return bounds.length;
    }

    public long[] shape() {
        long[] shape = new long[bounds.length];
        for (int axis = 0; axis < bounds.length; axis++) {
            shape[axis] = bounds[axis][bounds[axis].length - 1];
        }
        return shape;
    }

    public int chunkCount(int axis) {
        return bounds[axis].length - 1;
    }

    public long totalChunks() {
        long total = 1;
        for (long[] b : bounds) {
            total *= b.length - 1;
        }
        return total;
    }

    public long[] bounds(int axis) {
        return bounds[axis].clone();
    }

    public long chunkStart(int axis, int index) {
        return bounds[axis][index];
    }

    public long chunkSize(int axis, int index) {
        return bounds[axis][index + 1] - bounds[axis][index];
    }

    /** The largest block size along an axis. */
    public long maxChunk(int axis) {
        long max = 0;
        for (int i = 0; i + 1 < bounds[axis].length; i++) {
            max = Math.max(max, bounds[axis][i + 1] - bounds[axis][i]);
        }
        return max;
    }

    /** The elements of the largest chunk. */
    public long maxChunkElements() {
        long size = 1;
        for (int axis = 0; axis < bounds.length; axis++) {
            size *= maxChunk(axis);
        }
        return size;
    }

    /** The chunk along {@code axis} that holds position {@code position}. */
    public int chunkOf(int axis, long position) {
        int found = Arrays.binarySearch(bounds[axis], position);
        return found >= 0 ? Math.min(found, bounds[axis].length - 2) : -found - 2;
    }

    /** Positions {@code [from, to)} of a selection along one axis whose indices all lie in chunk {@code chunk}. */
    public record Run(int chunk, long from, long to) {
    }

    /**
     * Cuts a selection along {@code axis} into runs of consecutive positions that stay in one
     * chunk, in order; ranges are cut arithmetically, one step per chunk crossed.
     */
    public List<Run> runs(int axis, AxisSelection selection) {
        List<Run> runs = new ArrayList<>();
        long count = selection.count();
        if (selection instanceof AxisSelection.Range range) {
            long k = 0;
            while (k < count) {
                long index = range.index(k);
                int chunk = chunkOf(axis, index);
                long next;
                if (range.step() > 0) {
                    long limit = bounds[axis][chunk + 1];
                    next = Math.min(count, k + (limit - index + range.step() - 1) / range.step());
                } else {
                    next = Math.min(count, k + (index - bounds[axis][chunk]) / -range.step() + 1);
                }
                runs.add(new Run(chunk, k, next));
                k = next;
            }
            return runs;
        }
        long start = 0;
        int previous = -1;
        for (long k = 0; k < count; k++) {
            int chunk = chunkOf(axis, selection.index(k));
            if (previous >= 0 && chunk != previous) {
                runs.add(new Run(previous, start, k));
                start = k;
            }
            previous = chunk;
        }
        if (count > 0) {
            runs.add(new Run(previous, start, count));
        }
        return runs;
    }

    /** The box of the chunk with these per-axis indices. */
    public Box chunkBox(int[] index) {
        long[] start = new long[bounds.length];
        long[] count = new long[bounds.length];
        for (int axis = 0; axis < bounds.length; axis++) {
            start[axis] = bounds[axis][index[axis]];
            count[axis] = bounds[axis][index[axis] + 1] - start[axis];
        }
        return new Box(start, count);
    }

    /** Every chunk box, in row-major order of chunk indices. */
    public List<Box> boxes() {
        List<Box> boxes = new ArrayList<>();
        if (totalChunks() == 0) {
            return boxes;
        }
        int[] index = new int[bounds.length];
        do {
            boxes.add(chunkBox(index));
        } while (next(index));
        return boxes;
    }

    private boolean next(int[] index) {
        for (int axis = index.length - 1; axis >= 0; axis--) {
            if (++index[axis] < chunkCount(axis)) {
                return true;
            }
            index[axis] = 0;
        }
        return false;
    }

    /** The chunk boxes that a box overlaps, each clipped to the box, in row-major order. */
    public List<Box> split(Box box) {
        int n = bounds.length;
        int[] first = new int[n];
        int[] last = new int[n];
        for (int axis = 0; axis < n; axis++) {
            if (box.count(axis) == 0) {
                return List.of();
            }
            first[axis] = chunkOf(axis, box.start(axis));
            last[axis] = chunkOf(axis, box.stop(axis) - 1);
        }
        List<Box> pieces = new ArrayList<>();
        int[] index = first.clone();
        while (true) {
            long[] start = new long[n];
            long[] count = new long[n];
            for (int axis = 0; axis < n; axis++) {
                long lo = Math.max(bounds[axis][index[axis]], box.start(axis));
                long hi = Math.min(bounds[axis][index[axis] + 1], box.stop(axis));
                start[axis] = lo;
                count[axis] = hi - lo;
            }
            pieces.add(new Box(start, count));
            int axis = n - 1;
            while (axis >= 0) {
                if (++index[axis] <= last[axis]) {
                    break;
                }
                index[axis] = first[axis];
                axis--;
            }
            if (axis < 0) {
                return pieces;
            }
        }
    }

    /** The same grid with axes in another order: axis i of the result is axis order[i] of this one. */
    public ChunkGrid permute(int[] order) {
        long[][] permuted = new long[order.length][];
        for (int i = 0; i < order.length; i++) {
            permuted[i] = bounds[order[i]];
        }
        return new ChunkGrid(permuted);
    }

    /** Dask's form: a tuple of block sizes per axis, e.g. {@code ((2, 2, 1), (3,))}. */
    public List<long[]> blockSizes() {
        List<long[]> sizes = new ArrayList<>();
        for (long[] b : bounds) {
            long[] blocks = new long[b.length - 1];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = b[i + 1] - b[i];
            }
            sizes.add(blocks);
        }
        return sizes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChunkGrid grid && Arrays.deepEquals(bounds, grid.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(bounds);
    }

    /**
     * A compact form for plans, per axis the block sizes as a sum: {@code 180} is one chunk,
     * {@code 31*1} thirty-one chunks of 1, {@code 7*23+19} seven of 23 and one of 19.
     */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "(", bounds.length == 1 ? ",)" : ")");
        for (long[] blocks : blockSizes()) {
            joiner.add(describe(blocks));
        }
        return joiner.toString();
    }

    private static String describe(long[] blocks) {
        if (blocks.length == 0) {
            return "0";
        }
        int full = 1;
        while (full < blocks.length && blocks[full] == blocks[0]) {
            full++;
        }
        String head = full == 1 ? Long.toString(blocks[0]) : full + "*" + blocks[0];
        if (full == blocks.length) {
            return head;
        }
        if (full == blocks.length - 1 && blocks[full] < blocks[0]) {
            return head + "+" + blocks[full];
        }
        return Arrays.toString(blocks);
    }
}
