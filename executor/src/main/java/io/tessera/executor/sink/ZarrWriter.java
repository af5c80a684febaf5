package io.tessera.executor.sink;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import io.tessera.executor.storage.ZarrMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.zip.Deflater;

/**
 * Writes one array as a Zarr v2 directory store, one chunk file at a time from any number of
 * threads: {@code .zarray} first, then each chunk of the grid as its own file, then {@link #finish()}
 * checks nothing was left out. Chunks are written whole (edge chunks padded with zeros), C order,
 * little-endian, uncompressed or zlib-compressed, as zarr-python and other Zarr v2 readers expect.
 *
 * <p>Several arrays can share one group store: {@link #createInGroup} adds each array as a
 * sub-directory of the group, writing the {@code .zgroup} documents the path needs.
 */
public final class ZarrWriter {
    private final Path directory;
    private final ZarrMetadata metadata;
    private final ChunkGrid grid;
    private final int[] chunkShape;
    private final int totalChunks;
    // chunks claimed by a writeBox under way or done, and those done; guarded by `this`
    private final BitSet claimed = new BitSet();
    private final BitSet written = new BitSet();
    private int writtenCount;

    private ZarrWriter(Path directory, ZarrMetadata metadata) {
        this.directory = directory;
        this.metadata = metadata;
        this.grid = metadata.grid();
        this.chunkShape = Shapes.toInt(metadata.chunks());
        this.totalChunks = Math.toIntExact(grid.totalChunks());
    }

    /**
     * Creates directory {@code directory} (its parent must exist and it must not; the caller picks a
     * temporary name and renames the directory when done) holding one array, and writes its
     * {@code .zarray} at once: zarr_format 2, order C, little-endian dtype, fill value 0 ({@code false}
     * for bool, {@code 0.0} for floats), dimension separator {@code "."}.
     *
     * @param compression {@code "zlib"} (with {@code level} 1 to 9) or null for none
     * @throws IllegalArgumentException when shape, chunks or compression are not valid
     */
    public static ZarrWriter create(Path directory, DType dtype, long[] shape, long[] chunks, String compression,
            int level) throws IOException {
        ZarrMetadata metadata = metadata(dtype, shape, chunks, compression, level);
        Files.createDirectory(directory);
        return start(directory, metadata);
    }

    /**
     * Creates array {@code name} in the group store {@code group}: {@code "t2m"}, or {@code "a/b"} for
     * an array in a sub-group. The group directory and the sub-groups are created where missing,
     * each with a {@code .zgroup}; the array's directory must not exist. Arrays of one group may be
     * created and written from several threads; each has its own writer, to {@link #finish()} on its own.
     *
     * @throws IllegalArgumentException when the name is not a relative path of plain names, or as for
     *     {@link #create}
     */
    public static ZarrWriter createInGroup(Path group, String name, DType dtype, long[] shape, long[] chunks,
            String compression, int level) throws IOException {
        ZarrMetadata metadata = metadata(dtype, shape, chunks, compression, level);
        String[] parts = name.split("/", -1);
        for (String part : parts) {
            // a leading dot would clash with .zarray, .zgroup and .zattrs
            if (part.isEmpty() || part.startsWith(".") || part.contains("\\")) {
                throw new IllegalArgumentException("'" + name + "' is not a valid Zarr array name");
            }
        }
        Path current = group;
        ensureGroup(current);
        for (int i = 0; i < parts.length - 1; i++) {
            current = current.resolve(parts[i]);
            ensureGroup(current);
        }
        Path directory = current.resolve(parts[parts.length - 1]);
        Files.createDirectory(directory);
        return start(directory, metadata);
    }

    private static void ensureGroup(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (Files.isRegularFile(directory.resolve(ZarrMetadata.ARRAY_KEY))) {
            throw new IllegalArgumentException(directory + " is a Zarr array, not a group");
        }
        try {
            // CREATE_NEW: another thread creating an array in the same group may have written it
            Files.writeString(directory.resolve(ZarrMetadata.GROUP_KEY), ZarrMetadata.GROUP_DOCUMENT,
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // the group is there already
        }
    }

    private static ZarrMetadata metadata(DType dtype, long[] shape, long[] chunks, String compression, int level) {
        if (shape.length != chunks.length) {
            throw new IllegalArgumentException("shape " + Shapes.format(shape) + " and chunks "
                    + Shapes.format(chunks) + " differ in rank");
        }
        long elements = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] < 0 || chunks[axis] < 1) {
                throw new IllegalArgumentException("shape " + Shapes.format(shape) + " with chunks "
                        + Shapes.format(chunks) + " is not valid");
            }
            elements *= chunks[axis];
            if (elements > Integer.MAX_VALUE / dtype.itemSize()) {
                throw new IllegalArgumentException("chunks of " + Shapes.format(chunks) + " " + dtype
                        + " are larger than 2 GiB");
            }
        }
        ZarrMetadata.Compressor compressor;
        if (compression == null) {
            compressor = ZarrMetadata.Compressor.NONE;
            level = 0;
        } else if (compression.equals("zlib")) {
            if (level < 1 || level > 9) {
                throw new IllegalArgumentException("zlib level " + level + " is not between 1 and 9");
            }
            compressor = ZarrMetadata.Compressor.ZLIB;
        } else {
            throw new IllegalArgumentException("compression '" + compression + "' is not supported (only zlib or none)");
        }
        ZarrMetadata metadata = ZarrMetadata.forWriting(dtype, shape, chunks, compressor, level);
        if (metadata.grid().totalChunks() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Shapes.format(shape) + " in chunks of "
                    + Shapes.format(chunks) + " makes too many chunks");
        }
        return metadata;
    }

    private static ZarrWriter start(Path directory, ZarrMetadata metadata) throws IOException {
        Files.writeString(directory.resolve(ZarrMetadata.ARRAY_KEY), metadata.toJson(), StandardCharsets.UTF_8);
        return new ZarrWriter(directory, metadata);
    }

    /** The array's directory. */
    public Path directory() {
        return directory;
    }

    /** The array's chunk grid: the boxes {@link #writeBox} takes. */
    public ChunkGrid grid() {
        return grid;
    }

    /**
     * Writes one chunk. Thread-safe, in any order. {@code box} must be exactly one chunk of the grid
     * (clipped at the array's edge) not yet written; {@code block} has the array's dtype and shape
     * {@code box.count()}. The block is padded to the full chunk shape, encoded, compressed and written
     * as the chunk's file. A chunk whose write failed may be written again.
     *
     * @throws IllegalArgumentException when the box is not a chunk or the block does not fit it
     * @throws IllegalStateException when the chunk was already written (or is being written)
     */
    public void writeBox(Box box, Block block) throws IOException {
        int[] chunk = chunkOf(box);
        if (block.dtype() != metadata.dtype()) {
            throw new IllegalArgumentException("a " + block.dtype() + " block cannot be written to a "
                    + metadata.dtype() + " array");
        }
        if (!Arrays.equals(block.shape(), box.intShape())) {
            throw new IllegalArgumentException("a block of " + Shapes.format(block.shape())
                    + " does not fit box " + box);
        }
        int linear = linearIndex(chunk);
        claim(linear, box);
        boolean done = false;
        try {
            byte[] encoded = compress(encode(block));
            Files.write(directory.resolve(metadata.chunkKey(chunk)), encoded);
            done = true;
        } finally {
            release(linear, done);
        }
    }

    private int[] chunkOf(Box box) {
        int rank = chunkShape.length;
        if (box.ndim() != rank) {
            throw new IllegalArgumentException("box " + box + " does not have the array's rank " + rank);
        }
        int[] chunk = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            long start = box.start(axis);
            if (start < 0 || start % chunkShape[axis] != 0 || start >= grid.axis(axis).length()) {
                throw notAChunk(box);
            }
            chunk[axis] = Math.toIntExact(start / chunkShape[axis]);
        }
        if (!grid.chunkBox(chunk).equals(box)) {
            throw notAChunk(box);
        }
        return chunk;
    }

    private IllegalArgumentException notAChunk(Box box) {
        return new IllegalArgumentException("box " + box + " is not a chunk of an array of "
                + Shapes.format(metadata.shape()) + " in chunks of " + Shapes.format(metadata.chunks()));
    }

    private int linearIndex(int[] chunk) {
        long index = 0;
        for (int axis = 0; axis < chunk.length; axis++) {
            index = index * grid.chunkCount(axis) + chunk[axis];
        }
        return (int) index;
    }

    private synchronized void claim(int linear, Box box) {
        if (claimed.get(linear)) {
            throw new IllegalStateException("chunk " + box + " of " + directory + " is written twice");
        }
        claimed.set(linear);
    }

    private synchronized void release(int linear, boolean done) {
        if (done) {
            written.set(linear);
            writtenCount++;
        } else {
            claimed.clear(linear);
        }
    }

    /** The block's elements padded with zeros to a whole chunk, as little-endian bytes in C order. */
    private byte[] encode(Block block) throws IOException {
        return BlockBytes.padded(block, Shapes.toLong(block.shape()), metadata.chunks(), metadata.chunkBytes());
    }

    private byte[] compress(byte[] bytes) {
        if (metadata.compressor() == ZarrMetadata.Compressor.NONE) {
            return bytes;
        }
        // a zlib stream (with header and Adler-32), as numcodecs' Zlib codec writes and reads
        Deflater deflater = new Deflater(metadata.level());
        try {
            deflater.setInput(bytes);
            deflater.finish();
            byte[] out = new byte[Math.max(64, bytes.length / 2)];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.end();
        }
    }

    /**
     * Checks that every chunk of the grid was written.
     *
     * @throws IllegalStateException naming the first chunk missing, when any is
     */
    public synchronized void finish() throws IOException {
        if (writtenCount == totalChunks) {
            return;
        }
        int missing = written.nextClearBit(0);
        int[] chunk = new int[chunkShape.length];
        for (int axis = chunk.length - 1; axis >= 0; axis--) {
            chunk[axis] = missing % grid.chunkCount(axis);
            missing /= grid.chunkCount(axis);
        }
        throw new IllegalStateException((totalChunks - writtenCount) + " of " + totalChunks + " chunks of "
                + directory + " were not written, the first at " + grid.chunkBox(chunk));
    }
}
