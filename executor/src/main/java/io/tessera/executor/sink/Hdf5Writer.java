package io.tessera.executor.sink;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes an HDF5 file of datasets in its root group, streaming: data goes to the file as worker
 * threads hand it over, and only one small record per chunk is kept in memory until
 * {@link #finish()} writes the metadata.
 *
 * <h2>Layout of the file</h2>
 * <ol>
 * <li>At 0, the superblock, written last (by {@code finish()}) into 96 bytes reserved first.</li>
 * <li>Data, in the order it comes: a contiguous dataset's bytes are reserved whole when it is
 * created (so boxes are written in place, from any thread); a chunked dataset's chunks are appended
 * as they are written, each reserved by one atomic add to the end of the file.</li>
 * <li>Metadata, appended by {@code finish()}: per chunked dataset its chunk B-tree, per dataset its
 * object header, then the root group (symbol table nodes, group B-tree, local heap, object header).</li>
 * </ol>
 * Nothing is aligned: the format requires no alignment of these structures.
 *
 * <h2>Structures, and why</h2>
 * The oldest structures of the format, which every reader knows (libhdf5 since 1.8, so h5py and
 * netCDF; jhdf; checked here with h5py on libhdf5 1.10.8, jhdf 0.13 and the engine's reader):
 * <ul>
 * <li>superblock version 0 with 8-byte offsets and lengths (files past 4 GiB work; all addresses here
 * are 64-bit), group leaf K 4 and internal K 16 (libhdf5's defaults); the chunk B-tree K is then 32,
 * the default this superblock version implies;</li>
 * <li>the root group as a symbol table ({@link Hdf5RootGroup}): a local heap of names, a version 1
 * B-tree of type 0 over symbol table nodes, as many levels as the number of datasets needs;</li>
 * <li>per dataset a version 1 object header ({@link Hdf5ObjectHeader}) with Dataspace v1, Datatype
 * v1 (little-endian fixed-point with its signedness, IEEE floating-point, bool as h5py's enum
 * FALSE/TRUE over int8), Fill Value v2 (zero), Data Layout v3 and, when filtered, Filter Pipeline v1
 * ({@link Hdf5Messages});</li>
 * <li>contiguous data at an address fixed at creation (the undefined address when the dataset holds
 * no bytes), little-endian, row-major;</li>
 * <li>chunked data indexed by a version 1 B-tree of type 1 ({@link Hdf5BTreeV1}, {@link Hdf5ChunkTable})
 * built bottom-up at {@code finish()}, as many levels as the number of chunks needs; edge chunks are
 * stored at the full chunk shape, padded with zeros; shuffle runs before deflate
 * ({@link Hdf5ChunkEncoder}). A dataset with no chunks (a zero-length axis) has no B-tree.</li>
 * </ul>
 * A chunk length longer than a non-empty axis is stored clipped to the axis (libhdf5 refuses chunks
 * longer than a fixed-size axis); the chunk grid, and so the boxes to write, are the same.
 *
 * <h2>Limits</h2>
 * At most 32 axes; a chunk of at most 1 GiB (it is encoded in one Java array; libhdf5's limit is
 * 4 GiB); fewer than 2^31 chunks a dataset (the chunk table is two Java arrays, 12 bytes a chunk).
 * Names are any non-empty UTF-8 text without {@code /} or NUL, other than {@code .}. {@code finish()}
 * does not force the file to disk.
 *
 * <h2>Threads</h2>
 * {@link Dataset#writeBox} may be called from many threads at once; {@link #create} too. {@link #finish()}
 * must be called once every {@code writeBox} has returned. Each chunk must be written; a chunk written
 * twice keeps its last copy (the first stays in the file, unused). Parts of a contiguous dataset never
 * written read as zeros.
 */
public final class Hdf5Writer implements Closeable {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};
    private static final int SUPERBLOCK_BYTES = 56 + 40;
    /** The chunk B-tree K a version 0 superblock implies: a node holds at most 2K = 64 chunks. */
    private static final int CHUNK_K = 32;
    /** HDF5's largest rank. */
    private static final int MAX_RANK = 32;

    private final FileChannel channel;
    private final Hdf5FileSpace space;
    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private final AtomicInteger writesInFlight = new AtomicInteger();
    // set while finish() runs and after it succeeded: writes are refused from then on
    private volatile boolean finishing;
    private boolean finished;

    /** Creates (truncates) the file at path. The caller writes to a temporary name and renames it after finish(). */
    public Hdf5Writer(Path path) throws IOException {
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.space = new Hdf5FileSpace(channel, SUPERBLOCK_BYTES);
    }

    /**
     * Adds a dataset in the root group. name: "x" or "/x" (no nested groups: refuse "a/b" with IllegalArgumentException).
     * chunks == null: contiguous layout (deflateLevel must be -1 and shuffle false, else IllegalArgumentException);
     * otherwise chunked with those chunk sizes (each >= 1, one per axis), optional shuffle and deflate (level 0..9, -1 = none).
     * Refuse a duplicate name with IllegalArgumentException. Shape may have zero-length axes; rank 0 (scalar) allowed only contiguous.
     */
    public Dataset create(String name, DType dtype, long[] shape, long[] chunks, int deflateLevel, boolean shuffle)
            throws IOException {
        String key = memberName(name);
        Objects.requireNonNull(dtype, "dtype is null");
        long[] dims = Objects.requireNonNull(shape, "shape is null").clone();
        long bytes = byteSize(dtype, dims);
        if (chunks == null) {
            if (deflateLevel != -1 || shuffle) {
                throw new IllegalArgumentException("deflate and shuffle need chunks: '" + key + "' is contiguous");
            }
            synchronized (this) {
                checkNew(key);
                // the data's place is fixed now, so boxes can be written in place from any thread
                long address = bytes == 0 ? Hdf5Bytes.UNDEFINED_ADDRESS : space.reserve(bytes);
                return register(new Dataset(key, dtype, dims, null, -1, false, address, bytes));
            }
        }
        if (deflateLevel < -1 || deflateLevel > 9) {
            throw new IllegalArgumentException("deflate level " + deflateLevel + " is not -1 (none) or 0..9");
        }
        long[] stored = storedChunks(key, dims, chunks);
        synchronized (this) {
            checkNew(key);
            return register(new Dataset(key, dtype, dims, stored, deflateLevel, shuffle, Hdf5Bytes.UNDEFINED_ADDRESS, 0));
        }
    }

    private static long byteSize(DType dtype, long[] shape) {
        if (shape.length > MAX_RANK) {
            throw new IllegalArgumentException("HDF5 datasets have at most " + MAX_RANK + " axes, not " + shape.length);
        }
        for (long length : shape) {
            if (length < 0) {
                throw new IllegalArgumentException("negative length in shape " + Arrays.toString(shape));
            }
        }
        try {
            long bytes = dtype.itemSize();
            for (long length : shape) {
                bytes = Math.multiplyExact(bytes, length);
            }
            return bytes;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large", e);
        }
    }

    // the chunk shape as stored: a chunk longer than a non-empty axis is clipped to it
    private static long[] storedChunks(String key, long[] shape, long[] chunks) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a scalar cannot be chunked: '" + key + "'");
        }
        if (chunks.length != shape.length) {
            throw new IllegalArgumentException(chunks.length + " chunk lengths for " + shape.length + " axes: '" + key + "'");
        }
        long[] stored = new long[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            if (chunks[axis] < 1) {
                throw new IllegalArgumentException("chunk lengths must be at least 1: " + Arrays.toString(chunks));
            }
            stored[axis] = shape[axis] > 0 ? Math.min(chunks[axis], shape[axis]) : chunks[axis];
            if (stored[axis] > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("chunk length " + stored[axis] + " does not fit HDF5's 32 bits");
            }
        }
        return stored;
    }

    private Dataset register(Dataset dataset) {
        datasets.put(dataset.name, dataset);
        return dataset;
    }

    private static String memberName(String name) {
        Objects.requireNonNull(name, "name is null");
        String key = name.startsWith("/") ? name.substring(1) : name;
        if (key.isEmpty() || key.equals(".") || key.indexOf('/') >= 0 || key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + name + "' is not a dataset name in the root group");
        }
        return key;
    }

    private void checkNew(String key) {
        if (finishing) {
            throw new IllegalStateException("finish() has run: no dataset can be added");
        }
        if (datasets.containsKey(key)) {
            throw new IllegalArgumentException("a dataset '" + key + "' exists already");
        }
    }

    /**
     * Writes what is still missing (chunk indexes, object headers, group, superblock); after it the file is
     * complete and valid. Every chunk of every chunked dataset must have been written, else IllegalStateException.
     */
    public synchronized void finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("finish() has run already");
        }
        finishing = true;
        boolean done = false;
        try {
            if (writesInFlight.get() > 0) {
                throw new IllegalStateException("finish() called while writeBox is still running");
            }
            for (Dataset dataset : datasets.values()) {
                dataset.checkComplete();
            }
            List<Hdf5RootGroup.Member> members = new ArrayList<>();
            for (Dataset dataset : datasets.values()) {
                members.add(new Hdf5RootGroup.Member(dataset.name, dataset.writeHeader()));
            }
            Hdf5RootGroup.Written root = Hdf5RootGroup.write(space, members);
            space.write(0, superblock(root, space.end()));
            done = true;
            finished = true;
        } finally {
            finishing = done;
        }
    }

    private static Hdf5Bytes superblock(Hdf5RootGroup.Written root, long endOfFile) {
        Hdf5Bytes out = new Hdf5Bytes(SUPERBLOCK_BYTES);
        out.bytes(SIGNATURE);
        // versions: superblock, free-space storage, root group symbol table entry, reserved, shared header messages
        out.u8(0).u8(0).u8(0).u8(0).u8(0);
        out.u8(8).u8(8).u8(0); // size of offsets, size of lengths, reserved
        out.u16(Hdf5RootGroup.LEAF_K).u16(Hdf5RootGroup.INTERNAL_K);
        out.u32(0); // file consistency flags
        out.u64(0); // base address
        out.u64(Hdf5Bytes.UNDEFINED_ADDRESS); // free-space info: none
        out.u64(endOfFile);
        out.u64(Hdf5Bytes.UNDEFINED_ADDRESS); // driver information block: none
        out.bytes(Hdf5RootGroup.superblockEntry(root).toArray());
        return out;
    }

    /** Closes the file channel (whether or not finish() ran). */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** A dataset being written: a handle for {@link #writeBox}. */
    public final class Dataset {
        private final String name;
        private final DType dtype;
        private final long[] shape;
        private final long[] chunkShape; // null when contiguous
        private final int deflateLevel;
        private final boolean shuffle;
        private final long dataAddress;
        private final long dataBytes;
        private final Hdf5ChunkTable chunks;
        private final Hdf5ChunkEncoder encoder;

        private Dataset(String name, DType dtype, long[] shape, long[] chunkShape, int deflateLevel, boolean shuffle,
                long dataAddress, long dataBytes) {
            this.name = name;
            this.dtype = dtype;
            this.shape = shape;
            this.chunkShape = chunkShape;
            this.deflateLevel = deflateLevel;
            this.shuffle = shuffle;
            this.dataAddress = dataAddress;
            this.dataBytes = dataBytes;
            this.chunks = chunkShape == null ? null : new Hdf5ChunkTable(shape, chunkShape);
            this.encoder = chunkShape == null ? null : new Hdf5ChunkEncoder(dtype, chunkShape, shuffle, deflateLevel);
        }

        /**
         * Writes block (its shape equals box.count()) into the dataset at box. THREAD-SAFE: many worker threads call it
         * at once, in any order. Contiguous: any box inside the array. Chunked: the box must be exactly one chunk of
         * the dataset's chunk grid (clipped at the array's edge), else IllegalArgumentException; it is encoded in the
         * calling thread and appended to the file.
         */
        public void writeBox(Box box, Block block) throws IOException {
            Objects.requireNonNull(box, "box is null");
            Objects.requireNonNull(block, "block is null");
            long[] start = box.start();
            long[] count = box.count();
            checkBox(start, count, block);
            writesInFlight.incrementAndGet();
            try {
                if (finishing) {
                    throw new IllegalStateException("finish() has run: '" + name + "' cannot be written");
                }
                if (chunks == null) {
                    writeContiguous(start, count, block);
                } else {
                    writeChunk(start, count, block);
                }
            } finally {
                writesInFlight.decrementAndGet();
            }
        }

        private void checkBox(long[] start, long[] count, Block block) {
            if (block.dtype() != dtype) {
                throw new IllegalArgumentException("a " + block.dtype() + " block cannot be written to " + dtype
                        + " dataset '" + name + "'");
            }
            if (start.length != shape.length) {
                throw new IllegalArgumentException("a box of rank " + start.length + " for '" + name + "' of rank "
                        + shape.length);
            }
            int[] blockShape = block.shape();
            boolean sameShape = blockShape.length == count.length;
            for (int axis = 0; axis < count.length && sameShape; axis++) {
                sameShape = blockShape[axis] == count[axis];
            }
            if (!sameShape) {
                throw new IllegalArgumentException("block " + Arrays.toString(blockShape) + " does not have the shape of box "
                        + Arrays.toString(count));
            }
            for (int axis = 0; axis < shape.length; axis++) {
                if (start[axis] < 0 || count[axis] < 0 || start[axis] > shape[axis] - count[axis]) {
                    throw new IllegalArgumentException("box " + boxText(start, count) + " is outside '" + name + "' "
                            + Arrays.toString(shape));
                }
                if (chunkShape != null && (start[axis] % chunkShape[axis] != 0 || start[axis] >= shape[axis]
                        || count[axis] != Math.min(chunkShape[axis], shape[axis] - start[axis]))) {
                    throw new IllegalArgumentException("box " + boxText(start, count) + " is not a chunk of '" + name
                            + "' (chunks " + Arrays.toString(chunkShape) + ", shape " + Arrays.toString(shape) + ")");
                }
            }
        }

        private void writeContiguous(long[] start, long[] count, Block block) throws IOException {
            int itemSize = dtype.itemSize();
            int capacity = (int) Math.min((long) block.size() * itemSize, 1 << 22);
            ByteBuffer buffer = ByteBuffer.allocate(Math.max(capacity, itemSize)).order(ByteOrder.LITTLE_ENDIAN);
            int perBuffer = buffer.capacity() / itemSize;
            BlockBytes.forEachRun(count, shape, start, (from, target, length) -> {
                for (int done = 0; done < length; ) {
                    int n = Math.min(perBuffer, length - done);
                    buffer.clear();
                    BlockBytes.put(block, from + done, n, buffer);
                    buffer.flip();
                    space.write(dataAddress + (target + done) * itemSize, buffer);
                    done += n;
                }
            });
        }

        private void writeChunk(long[] start, long[] count, Block block) throws IOException {
            ByteBuffer encoded = encoder.encode(block, count);
            long[] index = new long[start.length];
            for (int axis = 0; axis < start.length; axis++) {
                index[axis] = start[axis] / chunkShape[axis];
            }
            int size = encoded.remaining();
            long address = space.reserve(size);
            space.write(address, encoded);
            chunks.record(chunks.slot(index), address, size);
        }

        private void checkComplete() {
            if (chunks == null) {
                return;
            }
            int missing = chunks.firstMissing();
            if (missing >= 0) {
                long[] origin = chunks.origin(missing);
                long[] count = new long[origin.length];
                for (int axis = 0; axis < origin.length; axis++) {
                    count[axis] = Math.min(chunkShape[axis], shape[axis] - origin[axis]);
                }
                throw new IllegalStateException("the chunk at " + boxText(origin, count) + " of '" + name
                        + "' was never written");
            }
        }

        // the chunk B-tree (when chunked), then the object header; returns the header's address
        private long writeHeader() throws IOException {
            Hdf5ObjectHeader header = new Hdf5ObjectHeader()
                    .add(Hdf5Messages.DATASPACE, 0, Hdf5Messages.dataspace(shape))
                    .add(Hdf5Messages.DATATYPE, Hdf5ObjectHeader.CONSTANT, Hdf5Messages.datatype(dtype))
                    .add(Hdf5Messages.FILL_VALUE, Hdf5ObjectHeader.CONSTANT,
                            Hdf5Messages.fillValue(dtype, chunks != null));
            if (chunks == null) {
                header.add(Hdf5Messages.LAYOUT, 0, Hdf5Messages.contiguousLayout(dataAddress, dataBytes));
            } else {
                long btree = chunks.count() == 0 ? Hdf5Bytes.UNDEFINED_ADDRESS
                        : Hdf5BTreeV1.write(space, Hdf5BTreeV1.CHUNK_NODES, 2 * CHUNK_K, 2 * CHUNK_K, chunks,
                                chunks.addresses(), chunks.count());
                if (shuffle || deflateLevel >= 0) {
                    header.add(Hdf5Messages.FILTER_PIPELINE, 0,
                            Hdf5Messages.filterPipeline(shuffle, deflateLevel, dtype.itemSize()));
                }
                header.add(Hdf5Messages.LAYOUT, 0, Hdf5Messages.chunkedLayout(btree, chunkShape, dtype.itemSize()));
            }
            Hdf5Bytes bytes = header.encode();
            long address = space.reserve(bytes.size());
            space.write(address, bytes);
            return address;
        }
    }

    private static String boxText(long[] start, long[] count) {
        return new Box(start, count).toString();
    }
}
