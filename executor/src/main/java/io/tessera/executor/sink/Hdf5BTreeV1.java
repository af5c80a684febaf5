package io.tessera.executor.sink;

import java.io.IOException;

/**
 * Writes a version 1 B-tree ("TREE" nodes) bottom-up over entries already in key order: the leaf
 * level points at the entries' children (symbol table nodes for a group, chunks for a dataset), each
 * level above at the nodes below, until one node, the root, remains.
 *
 * <p>A node is {@code TREE}, node type, level, entries used, left and right sibling addresses, then
 * {@code key0 child0 key1 child1 ... key(n)}. Readers (libhdf5) read a node at its full size, so each
 * is written at the size its 2K capacity gives, zero-padded. Entries are spread evenly over the
 * fewest nodes that hold them, so no node but a lone root is less than half full.
 *
 * <p>Keys follow one rule for both tree types: the key before child {@code i} is the leaf key of the
 * first entry below it ({@link Keys#writeKey}), and the key after the last child of a node is the
 * key before the next node's first child, or the tree's final key for the last node of a level.
 */
final class Hdf5BTreeV1 {
    /** Node type of group trees, whose children are symbol table nodes. */
    static final int GROUP_NODES = 0;
    /** Node type of chunk trees, whose children are raw data chunks. */
    static final int CHUNK_NODES = 1;

    // sibling links and child addresses take 8 bytes each; the header is TREE, type, level, count
    private static final int HEADER_BYTES = 8 + 8 + 8;
    private static final int BATCH_BYTES = 1 << 20;

    /** The keys of the leaf level's entries. */
    interface Keys {
        /** Bytes of one key. */
        int keySize();

        /** Writes the key before leaf entry {@code entry}. */
        void writeKey(Hdf5Bytes out, int entry);

        /** Writes the key after the last leaf entry. */
        void writeFinalKey(Hdf5Bytes out);
    }

    private Hdf5BTreeV1() {
    }

    /**
     * Writes the tree and returns its root's address. An empty tree is one empty leaf.
     *
     * @param capacity 2K, the most children a node of this tree can hold (it fixes the node size)
     * @param fill the most children this writer puts in a node (at most {@code capacity})
     * @param children the leaf entries' children, in key order
     * @param count how many leaf entries there are
     */
    static long write(Hdf5FileSpace space, int nodeType, int capacity, int fill, Keys keys, long[] children,
            int count) throws IOException {
        if (fill < 2 || fill > capacity) {
            throw new IllegalArgumentException("cannot fill " + fill + " of " + capacity + " entries");
        }
        int nodeBytes = HEADER_BYTES + capacity * 8 + (capacity + 1) * keys.keySize();
        int[] firstLeaf = null; // null at the leaf level, where entry i is leaf i
        long[] entries = children;
        int entryCount = count;
        for (int level = 0; ; level++) {
            int nodes = Math.max(1, (entryCount + fill - 1) / fill);
            long base = space.reserve((long) nodes * nodeBytes);
            int[] parentFirstLeaf = new int[nodes];
            long[] parentEntries = new long[nodes];
            Hdf5Bytes batch = new Hdf5Bytes((int) Math.min(BATCH_BYTES, (long) nodes * nodeBytes) + nodeBytes);
            long batchAddress = base;
            for (int node = 0; node < nodes; node++) {
                int from = (int) ((long) node * entryCount / nodes);
                int to = (int) ((long) (node + 1) * entryCount / nodes);
                long address = base + (long) node * nodeBytes;
                int nodeStart = batch.size();
                batch.ascii("TREE").u8(nodeType).u8(level).u16(to - from);
                batch.u64(node > 0 ? address - nodeBytes : Hdf5Bytes.UNDEFINED_ADDRESS);
                batch.u64(node < nodes - 1 ? address + nodeBytes : Hdf5Bytes.UNDEFINED_ADDRESS);
                for (int entry = from; entry < to; entry++) {
                    keys.writeKey(batch, leafOf(firstLeaf, entry));
                    batch.u64(entries[entry]);
                }
                if (to < entryCount) {
                    keys.writeKey(batch, leafOf(firstLeaf, to));
                } else {
                    keys.writeFinalKey(batch);
                }
                batch.fillTo(nodeStart + nodeBytes);
                if (from < to) {
                    parentFirstLeaf[node] = leafOf(firstLeaf, from);
                }
                parentEntries[node] = address;
                if (batch.size() >= BATCH_BYTES) {
                    space.write(batchAddress, batch);
                    batchAddress = address + nodeBytes;
                    batch = new Hdf5Bytes(BATCH_BYTES + nodeBytes);
                }
            }
            if (batch.size() > 0) {
                space.write(batchAddress, batch);
            }
            if (nodes == 1) {
                return base;
            }
            firstLeaf = parentFirstLeaf;
            entries = parentEntries;
            entryCount = nodes;
        }
    }

    private static int leafOf(int[] firstLeaf, int entry) {
        return firstLeaf == null ? entry : firstLeaf[entry];
    }
}
