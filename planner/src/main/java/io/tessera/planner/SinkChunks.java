package io.tessera.planner;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.ChunkGrids;
import io.tessera.executor.sink.SinkSpec;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayRel;

/**
 * The chunks a result is computed in when a sink stores it chunked (HDF5, Zarr): one computed chunk
 * per stored chunk, on a regular grid of the sizes given, or else of the result's own first chunks.
 */
final class SinkChunks {
    private SinkChunks() {
    }

    static ArrayRel align(ArrayBuilder builder, ArrayRel rel, SinkSpec sink) {
        long[] sizes;
        if (sink instanceof SinkSpec.Hdf5 hdf5) {
            sizes = hdf5.chunks();
        } else if (sink instanceof SinkSpec.Zarr zarr) {
            sizes = zarr.chunks();
        } else {
            return rel;
        }
        long[] shape = rel.shape();
        if (shape.length == 0) {
            return rel;
        }
        ChunkGrid target = storedGrid(shape, sizes != null ? ChunkGrids.explicit(shape, sizes) : rel.chunks());
        return target.equals(rel.chunks()) ? rel : builder.rechunk(rel, target);
    }

    /** A regular grid of each axis's first chunk size (at least 1, for empty axes). */
    private static ChunkGrid storedGrid(long[] shape, ChunkGrid grid) {
        long[] chunk = new long[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            chunk[axis] = Math.max(1, grid.maxChunk(axis));
        }
        return ChunkGrid.regular(shape, chunk);
    }
}
