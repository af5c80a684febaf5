package io.tessera.executor.storage;

import io.tessera.executor.Block;

/**
 * One stored chunk, decoded: a block whose element 0 sits at {@code origin} in the array. The block
 * may reach past the array's edge (HDF5 stores edge chunks whole); those elements are never read.
 */
public record ChunkData(Block block, long[] origin) {
}
