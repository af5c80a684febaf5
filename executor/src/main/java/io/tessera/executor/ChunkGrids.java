package io.tessera.executor;

import java.util.ArrayList;
import java.util.List;

/** How operations carry chunk grids from their inputs to their results. */
public final class ChunkGrids {
    private ChunkGrids() {
    }

    /**
     * Dask's "auto" chunks for a fresh array: whole trailing axes while they fit {@code chunkBytes},
     * then a slab of the next axis, so chunks are contiguous in row-major order.
     */
    public static ChunkGrid auto(long[] shape, int itemSize, long chunkBytes) {
        long elements = Math.max(1, chunkBytes / Math.max(1, itemSize));
        long[] chunk = new long[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            long dim = Math.max(1, shape[axis]);
            if (elements >= dim) {
                chunk[axis] = dim;
                elements /= dim;
            } else {
                chunk[axis] = Math.max(1, elements);
                elements = 1;
            }
        }
        return ChunkGrid.regular(shape, chunk);
    }

    /** True when the largest chunk holds more than {@code limit} bytes. */
    public static boolean tooLarge(ChunkGrid grid, int itemSize, long limit) {
        return grid.maxChunkElements() * itemSize > limit;
    }

    /**
     * The grid of an elementwise result: each axis follows the first input that is not broadcast
     * along it (inputs align at their last axes).
     */
    public static ChunkGrid broadcast(long[] shape, List<long[]> inputShapes, List<ChunkGrid> inputGrids) {
        List<AxisChunks> axes = new ArrayList<>();
        for (int axis = 0; axis < shape.length; axis++) {
            AxisChunks chosen = null;
            for (int i = 0; i < inputShapes.size() && chosen == null; i++) {
                long[] inputShape = inputShapes.get(i);
                int inputAxis = axis - (shape.length - inputShape.length);
                if (inputAxis >= 0 && inputShape[inputAxis] == shape[axis]) {
                    chosen = inputGrids.get(i).axis(inputAxis);
                }
            }
            axes.add(chosen != null ? chosen : AxisChunks.regular(shape[axis], shape[axis]));
        }
        return ChunkGrid.of(axes);
    }

    /**
     * The grid of a selection's result: along each shown axis, a chunk ends where the selected
     * indices leave an input chunk, once it holds at least half an input chunk's worth, so chunks
     * stay aligned with the input's and a strided selection does not make one chunk per element.
     */
    public static ChunkGrid select(ChunkGrid input, Selection selection) {
        List<long[]> bounds = new ArrayList<>();
        for (int k = 0; k < selection.outputRank(); k++) {
            int axis = selection.outputAxis(k);
            if (axis == Selection.NEW_AXIS) {
                bounds.add(new long[] {0, 1});
                continue;
            }
            long minimum = Math.max(1, input.maxChunk(axis) / 2);
            List<Long> cuts = new ArrayList<>();
            cuts.add(0L);
            long chunkStart = 0;
            for (ChunkGrid.Run run : input.runs(axis, selection.axis(axis))) {
                long end = run.to();
                if (end - chunkStart >= minimum) {
                    cuts.add(end);
                    chunkStart = end;
                }
            }
            long count = selection.axis(axis).count();
            if (chunkStart < count) {
                cuts.add(count);
            }
            bounds.add(cuts.stream().mapToLong(Long::longValue).toArray());
        }
        return ChunkGrid.fromBounds(bounds);
    }

    /** The grid of a reduction's result: kept axes keep their chunks; kept-dims reduced axes are one chunk. */
    public static ChunkGrid reduce(ChunkGrid operand, int[] axes, boolean keepdims) {
        List<AxisChunks> result = new ArrayList<>();
        for (int axis = 0; axis < operand.ndim(); axis++) {
            boolean reduced = false;
            for (int a : axes) {
                reduced |= a == axis;
            }
            if (!reduced) {
                result.add(operand.axis(axis));
            } else if (keepdims) {
                result.add(AxisChunks.regular(1, 1));
            }
        }
        return ChunkGrid.of(result);
    }

    /**
     * The grid of arrays stacked along a new axis: {@code perChunk} arrays to a chunk there, the
     * first array's chunks elsewhere.
     */
    public static ChunkGrid stack(ChunkGrid first, int axis, int count, long perChunk) {
        List<AxisChunks> axes = new ArrayList<>();
        for (int a = 0, j = 0; a <= first.ndim(); a++) {
            axes.add(a == axis ? AxisChunks.regular(count, perChunk) : first.axis(j++));
        }
        return ChunkGrid.of(axes);
    }

    /** The grid of arrays joined along an axis: their chunks end to end there, the first array's elsewhere. */
    public static ChunkGrid concat(List<ChunkGrid> grids, int axis) {
        List<long[]> bounds = new ArrayList<>();
        ChunkGrid first = grids.get(0);
        for (int a = 0; a < first.ndim(); a++) {
            if (a != axis) {
                bounds.add(first.bounds(a));
                continue;
            }
            List<Long> along = new ArrayList<>();
            along.add(0L);
            long offset = 0;
            for (ChunkGrid grid : grids) {
                long[] b = grid.bounds(axis);
                for (int i = 1; i < b.length; i++) {
                    along.add(offset + b[i]);
                }
                offset += b[b.length - 1];
            }
            bounds.add(along.stream().mapToLong(Long::longValue).toArray());
        }
        return ChunkGrid.fromBounds(bounds);
    }

    /**
     * A user's chunk request for an array of {@code shape}: per axis a size, -1 for the whole axis;
     * sizes past the axis clamp to it.
     */
    public static ChunkGrid explicit(long[] shape, long[] sizes) {
        long[] chunk = new long[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            chunk[axis] = sizes[axis] < 0 ? Math.max(1, shape[axis]) : sizes[axis];
        }
        return ChunkGrid.regular(shape, chunk);
    }

    /** Each axis's largest chunk size (at least 1, for empty axes): the chunk shape of a regular store. */
    public static long[] largestChunks(ChunkGrid grid) {
        long[] sizes = new long[grid.ndim()];
        for (int axis = 0; axis < sizes.length; axis++) {
            sizes[axis] = Math.max(1, grid.maxChunk(axis));
        }
        return sizes;
    }
}
