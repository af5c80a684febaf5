package io.tessera.executor.storage;

import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.ExecutorException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/** Where each stored chunk lies in the file, from jhdf's chunk index. */
record Hdf5ChunkIndex(int[] chunkShape, int[] counts, long[] addresses, int[] sizes, int[] masks) {
    private static final Method LOOKUP = lookupMethod();

    static Hdf5ChunkIndex of(ChunkedDataset dataset, ChunkGrid grid, int[] chunkShape, String name) {
        int n = chunkShape.length;
        int[] counts = new int[n];
        long total = 1;
        for (int axis = 0; axis < n; axis++) {
            counts[axis] = grid.chunkCount(axis);
            total *= counts[axis];
        }
        if (total > Integer.MAX_VALUE / 2) {
            throw new ExecutorException(ExecutorException.Kind.UNSUPPORTED, name + " has " + total
                    + " chunks, more than Tessera indexes");
        }
        long[] addresses = new long[(int) total];
        int[] sizes = new int[(int) total];
        int[] masks = new int[(int) total];
        java.util.Arrays.fill(addresses, Hdf5Dataset.UNDEFINED_ADDRESS);
        for (Chunk chunk : lookup(dataset).values()) {
            long[] offset = chunk.getChunkOffset();
            long slot = 0;
            boolean inside = true;
            for (int axis = 0; axis < n; axis++) {
                long index = offset[axis] / chunkShape[axis];
                inside &= index < counts[axis];
                slot = slot * counts[axis] + index;
            }
            if (inside) {
                addresses[(int) slot] = chunk.getAddress();
                sizes[(int) slot] = chunk.getSize();
                java.util.BitSet mask = chunk.getFilterMask();
                masks[(int) slot] = mask == null || mask.isEmpty() ? 0 : (int) mask.toLongArray()[0];
            }
        }
        return new Hdf5ChunkIndex(chunkShape, counts, addresses, sizes, masks);
    }

    @SuppressWarnings("unchecked")
    private static Map<?, Chunk> lookup(ChunkedDataset dataset) {
        try {
            return (Map<?, Chunk>) LOOKUP.invoke(dataset);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    // jhdf keeps its chunk index protected; reading chunks ourselves avoids a mapping per chunk
    private static Method lookupMethod() {
        try {
            Method method = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this jhdf has no chunk index to read", e);
        }
    }

    int slot(int[] chunk) {
        int slot = 0;
        for (int axis = 0; axis < chunk.length; axis++) {
            slot = slot * counts[axis] + chunk[axis];
        }
        return slot;
    }

    long address(int slot) {
        return addresses[slot];
    }

    int size(int slot) {
        return sizes[slot];
    }

    int filterMask(int slot) {
        return masks[slot];
    }

    long storedBytes(int[] chunk) {
        int slot = slot(chunk);
        return addresses[slot] == Hdf5Dataset.UNDEFINED_ADDRESS ? 0 : sizes[slot];
    }
}
