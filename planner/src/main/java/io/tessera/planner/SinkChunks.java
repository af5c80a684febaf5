package io.tessera.planner;

import io.tessera.executor.AxisChunks;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.ChunkGrids;
import io.tessera.executor.sink.SinkSpec;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayReduce;
import io.tessera.planner.rel.ArrayRel;
import io.tessera.planner.rel.ArrayRels;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunks a result is computed in for its sink. A chunked store (HDF5, Zarr) gets one computed
 * chunk per stored chunk, on a regular grid of the sizes given, or else of the result's own first
 * chunks. A {@code .npy} file gets whole rows where a band of them is small, so each computed box
 * is one contiguous write instead of one per row.
 */
final class SinkChunks {
    /** The largest band of whole rows computed at once for a .npy file. */
    private static final long NPY_BAND_BYTES = 64L << 20;

    private SinkChunks() {
    }

    static ArrayRel align(ArrayBuilder builder, ArrayRel rel, SinkSpec sink) {
        long[] sizes;
        if (sink instanceof SinkSpec.Hdf5 hdf5) {
            sizes = hdf5.chunks();
        } else if (sink instanceof SinkSpec.Zarr zarr) {
            sizes = zarr.chunks();
        } else if (sink instanceof SinkSpec.Npy) {
            return wholeRows(builder, rel);
        } else {
            return rel;
        }
        long[] shape = rel.shape();
        if (shape.length == 0) {
            return rel;
        }
        ChunkGrid given = sizes != null ? ChunkGrids.explicit(shape, sizes) : rel.chunks();
        ChunkGrid target = ChunkGrid.regular(shape, ChunkGrids.largestChunks(given));
        return target.equals(rel.chunks()) ? rel : builder.rechunk(rel, target);
    }

    /**
     * The result's chunks with the last axis whole, when that band stays small. A reduction keeps
     * its own chunks: the executor streams its output chunks straight from the merged partial
     * states, which a regrouping would give up.
     */
    private static ArrayRel wholeRows(ArrayBuilder builder, ArrayRel rel) {
        long[] shape = rel.shape();
        int last = shape.length - 1;
        if (last < 1 || rel.chunks().chunkCount(last) <= 1 || ArrayRels.unwrap(rel) instanceof ArrayReduce) {
            return rel;
        }
        long band = (long) rel.dtype().itemSize() * shape[last];
        List<AxisChunks> axes = new ArrayList<>();
        for (int axis = 0; axis < last; axis++) {
            band *= Math.max(1, rel.chunks().maxChunk(axis));
            axes.add(rel.chunks().axis(axis));
        }
        if (band > NPY_BAND_BYTES) {
            return rel;
        }
        axes.add(AxisChunks.regular(shape[last], Math.max(1, shape[last])));
        return builder.rechunk(rel, ChunkGrid.of(axes));
    }
}
