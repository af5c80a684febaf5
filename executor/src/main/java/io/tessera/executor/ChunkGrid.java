package io.tessera.executor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * How an array is cut into chunks: per axis an {@link AxisChunks} (regular chunks or explicit
 * boundaries). Printed compactly for plans; {@link #blockSizes()} gives Dask's {@code .chunks}.
 */
public final class ChunkGrid {
    private final AxisChunks[] axes;

    private ChunkGrid(AxisChunks[] axes) {
        this.axes = axes;
    }

    /** Chunks of {@code chunk[axis]} elements along each axis, the last one smaller where it must be. */
    public static ChunkGrid regular(long[] shape, long[] chunk) {
        AxisChunks[] axes = new AxisChunks[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            axes[axis] = AxisChunks.regular(shape[axis], chunk[axis]);
        }
        return new ChunkGrid(axes);
    }

    /** A grid from explicit boundaries per axis. */
    public static ChunkGrid fromBounds(List<long[]> axisBounds) {
        AxisChunks[] axes = new AxisChunks[axisBounds.size()];
        for (int axis = 0; axis < axes.length; axis++) {
            axes[axis] = AxisChunks.of(axisBounds.get(axis));
        }
        return new ChunkGrid(axes);
    }

    /** A grid from per-axis chunkings. */
    public static ChunkGrid of(List<AxisChunks> axes) {
        return new ChunkGrid(axes.toArray(AxisChunks[]::new));
    }

    /** One chunk holding everything. */
    public static ChunkGrid single(long[] shape) {
        return regular(shape, shape);
    }

    public int ndim() {
        return axes.length;
    }

    /** How axis {@code axis} is cut. */
    public AxisChunks axis(int axis) {
        return axes[axis];
    }

    public long[] shape() {
        long[] shape = new long[axes.length];
        for (int axis = 0; axis < axes.length; axis++) {
            shape[axis] = axes[axis].length();
        }
        return shape;
    }

    public int chunkCount(int axis) {
        return axes[axis].count();
    }

    public long totalChunks() {
        long total = 1;
        for (AxisChunks axis : axes) {
            total *= axis.count();
        }
        return total;
    }

    /** Every boundary along an axis (an array as long as its chunk count). */
    public long[] bounds(int axis) {
        return axes[axis].bounds();
    }

    public long chunkStart(int axis, int index) {
        return axes[axis].start(index);
    }

    public long chunkSize(int axis, int index) {
        return axes[axis].size(index);
    }

    /** The largest block size along an axis. */
    public long maxChunk(int axis) {
        return axes[axis].maxSize();
    }

    /** The elements of the largest chunk. */
    public long maxChunkElements() {
        long size = 1;
        for (AxisChunks axis : axes) {
            size *= axis.maxSize();
        }
        return size;
    }

    /** The chunk along {@code axis} that holds position {@code position}. */
    public int chunkOf(int axis, long position) {
        return axes[axis].chunkOf(position);
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
                    long limit = axes[axis].start(chunk + 1);
                    next = Math.min(count, k + (limit - index + range.step() - 1) / range.step());
                } else {
                    next = Math.min(count, k + (index - axes[axis].start(chunk)) / -range.step() + 1);
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
        long[] start = new long[axes.length];
        long[] count = new long[axes.length];
        for (int axis = 0; axis < axes.length; axis++) {
            start[axis] = axes[axis].start(index[axis]);
            count[axis] = axes[axis].size(index[axis]);
        }
        return new Box(start, count);
    }

    /** Listing more chunk boxes than this is refused rather than run out of memory. */
    private static final long MAX_BOXES = 20_000_000;

    /** Every chunk box, in row-major order of chunk indices. */
    public List<Box> boxes() {
        List<Box> boxes = new ArrayList<>();
        if (totalChunks() == 0) {
            return boxes;
        }
        if (totalChunks() > MAX_BOXES) {
            throw new ExecutorException(ExecutorException.Kind.MEMORY, "the array has " + totalChunks()
                    + " chunks, too many to work on; use larger chunks");
        }
        int[] index = new int[axes.length];
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
        int n = axes.length;
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
                long lo = Math.max(axes[axis].start(index[axis]), box.start(axis));
                long hi = Math.min(axes[axis].start(index[axis] + 1), box.stop(axis));
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
        AxisChunks[] permuted = new AxisChunks[order.length];
        for (int i = 0; i < order.length; i++) {
            permuted[i] = axes[order[i]];
        }
        return new ChunkGrid(permuted);
    }

    /** Dask's form: a tuple of block sizes per axis, e.g. {@code ((2, 2, 1), (3,))}. */
    public List<long[]> blockSizes() {
        List<long[]> sizes = new ArrayList<>();
        for (AxisChunks axis : axes) {
            long[] blocks = new long[axis.count()];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = axis.size(i);
            }
            sizes.add(blocks);
        }
        return sizes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChunkGrid grid && Arrays.equals(axes, grid.axes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(axes);
    }

    /**
     * A compact form for plans, per axis the block sizes as a sum: {@code 180} is one chunk,
     * {@code 31*1} thirty-one chunks of 1, {@code 7*23+19} seven of 23 and one of 19.
     */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "(", axes.length == 1 ? ",)" : ")");
        for (AxisChunks axis : axes) {
            joiner.add(describe(axis));
        }
        return joiner.toString();
    }

    private static String describe(AxisChunks axis) {
        int count = axis.count();
        if (count == 0) {
            return "0";
        }
        if (axis instanceof AxisChunks.Regular regular) {
            long last = axis.size(count - 1);
            if (count == 1) {
                return Long.toString(last);
            }
            return last == regular.size() ? count + "*" + regular.size()
                    : (count - 1 == 1 ? Long.toString(regular.size()) : (count - 1) + "*" + regular.size()) + "+" + last;
        }
        long[] blocks = new long[count];
        for (int i = 0; i < count; i++) {
            blocks[i] = axis.size(i);
        }
        return Arrays.toString(blocks);
    }
}
