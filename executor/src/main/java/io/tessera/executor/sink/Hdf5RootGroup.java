package io.tessera.executor.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The root group in the original ("symbol table") format that every HDF5 reader knows: an object
 * header holding a Symbol Table message, which names a local heap (the members' names) and a
 * version 1 B-tree of type 0 over symbol table nodes ({@code SNOD}s), each listing up to 2 x (group
 * leaf K) members in name order.
 *
 * <p>Names are sorted by their UTF-8 bytes, as libhdf5 compares them ({@code strcmp}). The key
 * before a symbol table node is the name of the last member of the node before it (the empty name,
 * at heap offset 0, for the first); the final key is the greatest name.
 */
final class Hdf5RootGroup {
    /** Group leaf node K (the superblock says so): a symbol table node holds at most 2K members. */
    static final int LEAF_K = 4;
    /** Group internal node K (the superblock says so): a group B-tree node holds at most 2K children. */
    static final int INTERNAL_K = 16;

    // link name offset, object header address, cache type, reserved, 16-byte scratch pad
    private static final int ENTRY_BYTES = 8 + 8 + 4 + 4 + 16;
    private static final int NODE_BYTES = 8 + 2 * LEAF_K * ENTRY_BYTES;
    // libhdf5 reads "no free block" as offset 1 (an all-ones offset fails its free-list check)
    private static final long NO_FREE_BLOCK = 1;

    /** A member of the group: its name and where its object header lies. */
    record Member(String name, long objectHeader) {
    }

    /** Where the written group's parts lie (the superblock's root entry caches the tree and heap). */
    record Written(long objectHeader, long btree, long heap) {
    }

    private Hdf5RootGroup() {
    }

    /** Writes the group of {@code members} (any order) and returns where its parts are. */
    static Written write(Hdf5FileSpace space, List<Member> members) throws IOException {
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort((a, b) -> Arrays.compareUnsigned(utf8(a.name), utf8(b.name)));

        // the heap's data: the empty name at offset 0, then each name NUL-terminated, padded to 8
        Hdf5Bytes names = new Hdf5Bytes(8 + 16 * sorted.size());
        names.zeros(8);
        long[] nameOffsets = new long[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            nameOffsets[i] = names.size();
            names.bytes(utf8(sorted.get(i).name)).u8(0).padTo(8);
        }

        int nodeCount = (sorted.size() + 2 * LEAF_K - 1) / (2 * LEAF_K);
        long nodesAddress = space.reserve((long) nodeCount * NODE_BYTES);
        long[] nodeAddresses = new long[nodeCount];
        long[] lastNameOffsets = new long[nodeCount];
        Hdf5Bytes nodes = new Hdf5Bytes(nodeCount * NODE_BYTES);
        for (int node = 0; node < nodeCount; node++) {
            int from = (int) ((long) node * sorted.size() / nodeCount);
            int to = (int) ((long) (node + 1) * sorted.size() / nodeCount);
            int nodeStart = nodes.size();
            nodes.ascii("SNOD").u8(1).u8(0).u16(to - from);
            for (int i = from; i < to; i++) {
                // cache type 0: nothing cached for a dataset
                nodes.u64(nameOffsets[i]).u64(sorted.get(i).objectHeader).u32(0).u32(0).zeros(16);
            }
            nodes.fillTo(nodeStart + NODE_BYTES);
            nodeAddresses[node] = nodesAddress + (long) node * NODE_BYTES;
            lastNameOffsets[node] = nameOffsets[to - 1];
        }
        if (nodeCount > 0) {
            space.write(nodesAddress, nodes);
        }

        Hdf5BTreeV1.Keys keys = new Hdf5BTreeV1.Keys() {
            @Override
            public int keySize() {
                return 8;
            }

            @Override
            public void writeKey(Hdf5Bytes out, int entry) {
                out.u64(entry == 0 ? 0 : lastNameOffsets[entry - 1]);
            }

            @Override
            public void writeFinalKey(Hdf5Bytes out) {
                out.u64(nodeCount == 0 ? 0 : lastNameOffsets[nodeCount - 1]);
            }
        };
        // jhdf 0.13 reads 2n keys and children of a group node with n children: filling nodes only to
        // K keeps that read inside the node
        long btree = Hdf5BTreeV1.write(space, Hdf5BTreeV1.GROUP_NODES, 2 * INTERNAL_K, INTERNAL_K, keys,
                nodeAddresses, nodeCount);

        // the local heap: its header, its data segment right after it
        int headerBytes = 4 + 4 + 8 + 8 + 8;
        long heap = space.reserve(headerBytes + names.size());
        Hdf5Bytes heapBytes = new Hdf5Bytes(headerBytes + names.size());
        heapBytes.ascii("HEAP").u8(0).zeros(3).u64(names.size()).u64(NO_FREE_BLOCK).u64(heap + headerBytes);
        heapBytes.bytes(names.toArray());
        space.write(heap, heapBytes);

        Hdf5Bytes header = new Hdf5ObjectHeader()
                .add(Hdf5Messages.SYMBOL_TABLE, 0, Hdf5Messages.symbolTable(btree, heap))
                .encode();
        long objectHeader = space.reserve(header.size());
        space.write(objectHeader, header);
        return new Written(objectHeader, btree, heap);
    }

    /** The 40-byte symbol table entry of the root group, as the superblock holds it. */
    static Hdf5Bytes superblockEntry(Written group) {
        Hdf5Bytes out = new Hdf5Bytes(ENTRY_BYTES);
        // cache type 1: the scratch pad caches the group's B-tree and heap addresses
        out.u64(0).u64(group.objectHeader).u32(1).u32(0).u64(group.btree).u64(group.heap);
        return out;
    }

    static byte[] utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
