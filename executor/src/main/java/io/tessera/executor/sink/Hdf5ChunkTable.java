package io.tessera.executor.sink;

import java.util.Arrays;

/**
 * Where each chunk of one chunked dataset was written: per chunk of the grid, in row-major order,
 * its address and stored (filtered) size. This is all the writer keeps of a chunked dataset until
 * {@code finish()}, twelve bytes a chunk, and it supplies the keys of the dataset's chunk B-tree.
 *
 * <p>A chunk key is the chunk's stored size, its filter mask (0: every filter applied) and its
 * offset in elements along each axis plus a final 0 for the element-size dimension. Row-major chunk
 * order is the keys' order. The tree's final key lies one chunk past the last chunk along every
 * axis, as libhdf5 writes it, so that it compares greater than every chunk's offset.
 */
final class Hdf5ChunkTable implements Hdf5BTreeV1.Keys {
    /** The most chunks one dataset may have (a Java array holds the table). */
    static final long MAX_CHUNKS = Integer.MAX_VALUE - 8;

    private final long[] chunkShape;
    private final long[] counts;
    private final long[] addresses;
    private final int[] sizes;
    private int written;

    /** A table for {@code shape} cut into chunks of {@code chunkShape}, with nothing written yet. */
    Hdf5ChunkTable(long[] shape, long[] chunkShape) {
        this.chunkShape = chunkShape.clone();
        this.counts = new long[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            counts[axis] = shape[axis] / chunkShape[axis] + (shape[axis] % chunkShape[axis] == 0 ? 0 : 1);
        }
        long total = chunkCount(counts);
        if (total > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunks of " + Arrays.toString(chunkShape) + " cut "
                    + Arrays.toString(shape) + " into more than " + MAX_CHUNKS + " chunks; use larger chunks");
        }
        this.addresses = new long[(int) total];
        this.sizes = new int[(int) total];
        Arrays.fill(addresses, Hdf5Bytes.UNDEFINED_ADDRESS);
    }

    // the product of the per-axis counts, or MAX_CHUNKS + 1 when it is larger
    private static long chunkCount(long[] counts) {
        long total = 1;
        for (long count : counts) {
            if (count == 0) {
                return 0;
            }
        }
        for (long count : counts) {
            if (total > MAX_CHUNKS / count) {
                return MAX_CHUNKS + 1;
            }
            total *= count;
        }
        return total;
    }

    /** How many chunks the grid has. */
    int count() {
        return addresses.length;
    }

    /** The row-major index of the chunk whose grid position along each axis is {@code index}. */
    int slot(long[] index) {
        long slot = 0;
        for (int axis = 0; axis < index.length; axis++) {
            slot = slot * counts[axis] + index[axis];
        }
        return (int) slot;
    }

    /** Where chunk {@code slot} starts, in elements along each axis. */
    long[] origin(int slot) {
        long[] origin = new long[counts.length];
        long rest = slot;
        for (int axis = counts.length - 1; axis >= 0; axis--) {
            origin[axis] = rest % counts[axis] * chunkShape[axis];
            rest /= counts[axis];
        }
        return origin;
    }

    /** Records a written chunk; a chunk written again replaces the earlier copy (whose bytes stay unused). */
    synchronized void record(int slot, long address, int size) {
        if (addresses[slot] == Hdf5Bytes.UNDEFINED_ADDRESS) {
            written++;
        }
        addresses[slot] = address;
        sizes[slot] = size;
    }

    /** The first chunk never written, or -1 when all were. */
    synchronized int firstMissing() {
        if (written == addresses.length) {
            return -1;
        }
        for (int slot = 0; slot < addresses.length; slot++) {
            if (addresses[slot] == Hdf5Bytes.UNDEFINED_ADDRESS) {
                return slot;
            }
        }
        return -1;
    }

    /** The chunks' addresses, row-major (the chunk B-tree's leaf children). */
    synchronized long[] addresses() {
        return addresses;
    }

    @Override
    public int keySize() {
        return 4 + 4 + 8 * (counts.length + 1);
    }

    @Override
    public void writeKey(Hdf5Bytes out, int entry) {
        out.u32(sizes[entry]).u32(0);
        for (long offset : origin(entry)) {
            out.u64(offset);
        }
        out.u64(0);
    }

    @Override
    public void writeFinalKey(Hdf5Bytes out) {
        out.u32(0).u32(0);
        for (int axis = 0; axis < counts.length; axis++) {
            out.u64(counts[axis] * chunkShape[axis]);
        }
        out.u64(0);
    }
}
