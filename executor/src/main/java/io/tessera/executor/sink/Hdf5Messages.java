package io.tessera.executor.sink;

import io.tessera.executor.DType;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of the object header messages the writer emits, in the versions libhdf5 1.8 and jhdf
 * both read: Dataspace v1, Datatype v1, Fill Value v2, Data Layout v3, Filter Pipeline v1 and Symbol
 * Table. Padding to 8 bytes is left to {@link Hdf5ObjectHeader}.
 */
final class Hdf5Messages {
    static final int DATASPACE = 0x0001;
    static final int DATATYPE = 0x0003;
    static final int FILL_VALUE = 0x0005;
    static final int LAYOUT = 0x0008;
    static final int FILTER_PIPELINE = 0x000B;
    static final int SYMBOL_TABLE = 0x0011;

    /** Filter ids of the HDF5 predefined filters. */
    static final int FILTER_DEFLATE = 1;
    static final int FILTER_SHUFFLE = 2;

    private static final int FIXED_POINT = 0;
    private static final int FLOATING_POINT = 1;
    private static final int ENUMERATION = 8;

    private Hdf5Messages() {
    }

    /** A simple dataspace of {@code shape} (rank 0: scalar), with no maximum sizes (they equal the shape). */
    static Hdf5Bytes dataspace(long[] shape) {
        Hdf5Bytes out = new Hdf5Bytes(8 + 8 * shape.length);
        out.u8(1).u8(shape.length).u8(0).zeros(5);
        for (long length : shape) {
            out.u64(length);
        }
        return out;
    }

    /**
     * The datatype of a dtype, little-endian: integers as fixed-point with their signedness, floats as
     * IEEE 754 floating-point, bool as h5py writes NumPy bools (an enum over int8 with FALSE = 0 and
     * TRUE = 1), which h5py reads back as bool.
     */
    static Hdf5Bytes datatype(DType dtype) {
        Hdf5Bytes out = new Hdf5Bytes(40);
        switch (dtype.kind()) {
            case SIGNED, UNSIGNED -> fixedPoint(out, dtype.itemSize(), dtype.kind() == DType.Kind.SIGNED);
            case FLOAT -> floatingPoint(out, dtype.itemSize());
            case BOOL -> boolEnum(out);
        }
        return out;
    }

    private static void fixedPoint(Hdf5Bytes out, int size, boolean signed) {
        // bit 0 byte order (0: little-endian), bits 1-2 padding, bit 3 signed
        out.u8(0x10 | FIXED_POINT).u8(signed ? 0x08 : 0x00).u8(0).u8(0).u32(size);
        out.u16(0).u16(8 * size); // bit offset, bit precision
    }

    private static void floatingPoint(Hdf5Bytes out, int size) {
        boolean single = size == 4;
        // bits 4-5 mantissa normalization 2 (most significant bit implied); second byte: sign bit position
        out.u8(0x10 | FLOATING_POINT).u8(0x20).u8(single ? 31 : 63).u8(0).u32(size);
        out.u16(0).u16(8 * size); // bit offset, bit precision
        out.u8(single ? 23 : 52).u8(single ? 8 : 11); // exponent location and size
        out.u8(0).u8(single ? 23 : 52); // mantissa location and size
        out.u32(single ? 127 : 1023); // exponent bias
    }

    private static void boolEnum(Hdf5Bytes out) {
        out.u8(0x10 | ENUMERATION).u16(2).u8(0).u32(1); // two members, one byte
        fixedPoint(out, 1, true); // the base type
        for (String name : new String[] {"FALSE", "TRUE"}) {
            byte[] text = name.getBytes(StandardCharsets.US_ASCII);
            out.bytes(text).zeros(Hdf5Bytes.align(text.length + 1, 8) - text.length); // NUL-terminated, padded to 8
        }
        out.u8(0).u8(1); // the members' values, in the base type
    }

    /**
     * A fill value of zero (written explicitly, so every reader agrees), never written into storage
     * (every chunk is written). Allocation time: late for contiguous, incremental for chunked, as
     * libhdf5 sets by default.
     */
    static Hdf5Bytes fillValue(DType dtype, boolean chunked) {
        Hdf5Bytes out = new Hdf5Bytes(8 + dtype.itemSize());
        out.u8(2).u8(chunked ? 3 : 2).u8(2).u8(1).u32(dtype.itemSize()).zeros(dtype.itemSize());
        return out;
    }

    /** Contiguous layout: the data's address (undefined when it holds no bytes) and size. */
    static Hdf5Bytes contiguousLayout(long address, long bytes) {
        Hdf5Bytes out = new Hdf5Bytes(24);
        out.u8(3).u8(1).u64(address).u64(bytes);
        return out;
    }

    /**
     * Chunked layout: the chunk B-tree's address (undefined when there are no chunks) and the chunk
     * shape with a final dimension, the element size, as the format requires.
     */
    static Hdf5Bytes chunkedLayout(long btreeAddress, long[] chunkShape, int itemSize) {
        Hdf5Bytes out = new Hdf5Bytes(16 + 4 * chunkShape.length);
        out.u8(3).u8(2).u8(chunkShape.length + 1).u64(btreeAddress);
        for (long length : chunkShape) {
            out.u32(length);
        }
        out.u32(itemSize);
        return out;
    }

    /**
     * The filter pipeline, version 1: shuffle (client value: the element size) before deflate (client
     * value: the level), each marked optional and named, as libhdf5's own set_shuffle and set_deflate do.
     */
    static Hdf5Bytes filterPipeline(boolean shuffle, int deflateLevel, int itemSize) {
        int count = (shuffle ? 1 : 0) + (deflateLevel >= 0 ? 1 : 0);
        Hdf5Bytes out = new Hdf5Bytes(8 + 24 * count);
        out.u8(1).u8(count).zeros(6);
        if (shuffle) {
            filter(out, FILTER_SHUFFLE, "shuffle", itemSize);
        }
        if (deflateLevel >= 0) {
            filter(out, FILTER_DEFLATE, "deflate", deflateLevel);
        }
        return out;
    }

    private static void filter(Hdf5Bytes out, int id, String name, int clientValue) {
        byte[] text = name.getBytes(StandardCharsets.US_ASCII);
        int nameLength = Hdf5Bytes.align(text.length + 1, 8);
        out.u16(id).u16(nameLength).u16(1).u16(1); // id, name length, flags (optional), one client value
        out.bytes(text).zeros(nameLength - text.length);
        out.u32(clientValue).zeros(4); // an odd number of client values is padded to 8 bytes
    }

    /** The symbol table message of a version 1 group: its B-tree and its local heap of names. */
    static Hdf5Bytes symbolTable(long btreeAddress, long heapAddress) {
        Hdf5Bytes out = new Hdf5Bytes(16);
        out.u64(btreeAddress).u64(heapAddress);
        return out;
    }
}
