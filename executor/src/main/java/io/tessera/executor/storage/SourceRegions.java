package io.tessera.executor.storage;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.kernel.Gather;

/** Reads an arbitrary box of a source by reading the stored chunks it overlaps. */
public final class SourceRegions {
    private SourceRegions() {
    }

    public static Block read(ArraySource source, Box box, IoContext io) {
        Block block = io.allocate(source.dtype(), box.intShape());
        ChunkGrid grid = source.storageGrid();
        int rank = box.ndim();
        for (Box piece : grid.split(box)) {
            int[] chunk = new int[rank];
            for (int axis = 0; axis < rank; axis++) {
                chunk[axis] = grid.chunkOf(axis, piece.start(axis));
            }
            ChunkData data = source.readChunk(chunk, io);
            int[] start = new int[rank];
            int[] targetStart = new int[rank];
            for (int axis = 0; axis < rank; axis++) {
                start[axis] = Math.toIntExact(piece.start(axis) - data.origin()[axis]);
                targetStart[axis] = Math.toIntExact(piece.start(axis) - box.start(axis));
            }
            Gather.copyBox(data.block(), start, piece.intShape(), block, targetStart);
        }
        return block;
    }
}
