package io.tessera.executor.sink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable little-endian byte buffer for HDF5 metadata (superblock, object headers, B-tree nodes,
 * heaps). HDF5 stores every metadata number little-endian; offsets and lengths here are 8 bytes.
 */
final class Hdf5Bytes {
    /** All ones: HDF5's "undefined address". */
    static final long UNDEFINED_ADDRESS = -1L;

    private byte[] bytes;
    private int size;

    Hdf5Bytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    Hdf5Bytes u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    Hdf5Bytes u16(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(value + " does not fit 16 bits");
        }
        return little(value, 2);
    }

    Hdf5Bytes u32(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(value + " does not fit 32 bits");
        }
        return little(value, 4);
    }

    /** An 8-byte offset, length or address (the undefined address is all ones). */
    Hdf5Bytes u64(long value) {
        return little(value, 8);
    }

    Hdf5Bytes bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    /** ASCII text without a terminator (signatures such as {@code TREE}). */
    Hdf5Bytes ascii(String text) {
        return bytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    Hdf5Bytes zeros(int count) {
        ensure(count);
        size += count; // the array is zero past size
        return this;
    }

    /** Zeros up to the next multiple of {@code alignment} bytes (counted from this buffer's start). */
    Hdf5Bytes padTo(int alignment) {
        return zeros(Hdf5Bytes.align(size, alignment) - size);
    }

    /** Zeros up to exactly {@code total} bytes; fails when more were written already. */
    Hdf5Bytes fillTo(int total) {
        if (size > total) {
            throw new IllegalStateException(size + " bytes written into a structure of " + total);
        }
        return zeros(total - size);
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    ByteBuffer toBuffer() {
        return ByteBuffer.wrap(bytes, 0, size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    private Hdf5Bytes little(long value, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
