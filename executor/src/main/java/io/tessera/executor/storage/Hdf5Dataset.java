package io.tessera.executor.storage;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.message.DataLayout;
import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;
import io.tessera.executor.Shapes;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * One dataset of an HDF5 file as an array source. Chunked datasets are read one stored chunk at a
 * time, located through jhdf's chunk index and decoded here (deflate, shuffle, fletcher32; other
 * filters through jhdf). Contiguous datasets are read by byte ranges, in boxes of a grid the caller
 * chooses; compact and scalar datasets are read whole when opened.
 */
public final class Hdf5Dataset implements ArraySource {
    private static final long UNDEFINED_ADDRESS = -1L;

    private final Hdf5File file;
    private final String path;
    private final DType dtype;
    private final ByteOrder order;
    private final long[] shape;
    private final ChunkGrid grid;
    private final ChunkIndex chunks;
    private final FilterPipeline filters;
    private final Dataset dataset;
    private final long dataAddress;
    private final Block whole;
    private final double fill;

    private Hdf5Dataset(Hdf5File file, String path, DType dtype, ByteOrder order, long[] shape, ChunkGrid grid,
            ChunkIndex chunks, FilterPipeline filters, Dataset dataset, long dataAddress, Block whole, double fill) {
        this.file = file;
        this.path = path;
        this.dtype = dtype;
        this.order = order;
        this.shape = shape;
        this.grid = grid;
        this.chunks = chunks;
        this.filters = filters;
        this.dataset = dataset;
        this.dataAddress = dataAddress;
        this.whole = whole;
        this.fill = fill;
    }

    static Hdf5Dataset open(Hdf5File file, Dataset dataset) {
        String path = dataset.getPath();
        String name = file.displayName() + ":" + path;
        try {
            DataType type = dataset.getDataType();
            DType dtype = dtypeOf(type, name);
            ByteOrder order = orderOf(type);
            long[] shape = dataset.isScalar() ? new long[0] : dataset.getDimensionsAsLong();
            double fill = fillValue(dataset);
            DataLayout layout = dataset.getDataLayout();
            if (layout == DataLayout.CHUNKED && dataset instanceof ChunkedDataset chunked && shape.length > 0) {
                int[] chunkShape = chunked.getChunkDimensions();
                ChunkGrid grid = ChunkGrid.regular(shape, Shapes.toLong(chunkShape));
                ChunkIndex index = ChunkIndex.of(chunked, grid, chunkShape, name);
                FilterPipeline filters = FilterPipeline.of(dataset.getFilters(), name);
                return new Hdf5Dataset(file, path, dtype, order, shape, grid, index, filters, dataset,
                        UNDEFINED_ADDRESS, null, fill);
            }
            if (layout == DataLayout.CONTIGUOUS && dataset instanceof ContiguousDataset contiguous && shape.length > 0) {
                long address = contiguous.getDataAddress();
                return new Hdf5Dataset(file, path, dtype, order, shape, ChunkGrid.single(shape), null, null, dataset,
                        address, null, fill);
            }
            Block whole = readWhole(dataset, dtype, shape);
            return new Hdf5Dataset(file, path, dtype, order, shape, ChunkGrid.single(shape), null, null, dataset,
                    UNDEFINED_ADDRESS, whole, fill);
        } catch (HdfException | UnsupportedOperationException e) {
            throw new ExecutorException(ExecutorException.Kind.IO,
                    "cannot read " + name + " (" + Hdf5File.reason(e) + ")", e);
        }
    }

    /**
     * This dataset read in boxes of {@code chunk} when it is stored contiguously; chunked datasets
     * keep their stored chunks as the unit of reading.
     */
    public Hdf5Dataset withReadChunks(long[] chunk) {
        if (chunks != null || whole != null) {
            return this;
        }
        return new Hdf5Dataset(file, path, dtype, order, shape, ChunkGrid.regular(shape, chunk), null, null, dataset,
                dataAddress, null, fill);
    }

    /** True when the dataset has its own chunking (rather than contiguous or compact storage). */
    public boolean isChunked() {
        return chunks != null;
    }

    public String datasetPath() {
        return path;
    }

    @Override
    public String description() {
        return file.displayName() + ":" + path;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public ChunkGrid storageGrid() {
        return grid;
    }

    @Override
    public Object identity() {
        return List.of(file.path(), path);
    }

    @Override
    public long storedBytes(int[] chunk) {
        if (chunks != null) {
            return chunks.storedBytes(chunk);
        }
        return whole != null ? 0 : grid.chunkBox(chunk).size() * dtype.itemSize();
    }

    @Override
    public ChunkData readChunk(int[] chunk, IoContext io) {
        io.checkCancelled();
        if (whole != null) {
            return new ChunkData(whole, new long[shape.length]);
        }
        if (chunks != null) {
            return readStoredChunk(chunk, io);
        }
        return readContiguous(grid.chunkBox(chunk), io);
    }

    private ChunkData readStoredChunk(int[] chunk, IoContext io) {
        int[] chunkShape = chunks.chunkShape();
        long[] origin = new long[chunk.length];
        for (int axis = 0; axis < chunk.length; axis++) {
            origin[axis] = (long) chunk[axis] * chunkShape[axis];
        }
        Block block = io.allocate(dtype, chunkShape);
        int elements = block.size();
        int slot = chunks.slot(chunk);
        long address = chunks.address(slot);
        if (address == UNDEFINED_ADDRESS) {
            fill(block, elements);
            return new ChunkData(block, origin);
        }
        int stored = chunks.size(slot);
        ByteBuffer raw = io.rawBuffer(stored);
        ChannelReads.readFully(file.channel(), raw, file.baseAddress() + address, file.displayName());
        io.bytesRead(this, stored);
        ByteBuffer decoded;
        if (filters.isNative()) {
            decoded = filters.decode(raw, chunks.filterMask(slot), elements * dtype.itemSize(), io, description());
        } else {
            decoded = jhdfChunk(origin);
        }
        if (decoded.remaining() < (long) elements * dtype.itemSize()) {
            throw new ExecutorException(ExecutorException.Kind.IO, description() + " is damaged: chunk at "
                    + java.util.Arrays.toString(origin) + " decodes to " + decoded.remaining() + " bytes, expected "
                    + (long) elements * dtype.itemSize());
        }
        ByteDecoder.decode(decoded, order, block, 0, elements);
        return new ChunkData(block, origin);
    }

    private ByteBuffer jhdfChunk(long[] origin) {
        int[] offset = new int[origin.length];
        for (int axis = 0; axis < origin.length; axis++) {
            offset[axis] = Math.toIntExact(origin[axis]);
        }
        try {
            return ByteBuffer.wrap(((ChunkedDataset) dataset).getDecompressedChunk(offset));
        } catch (HdfException e) {
            throw new ExecutorException(ExecutorException.Kind.IO,
                    "cannot decode a chunk of " + description() + " (" + Hdf5File.reason(e) + ")", e);
        }
    }

    private ChunkData readContiguous(Box box, IoContext io) {
        if (dataAddress == UNDEFINED_ADDRESS) {
            Block block = io.allocate(dtype, box.intShape());
            fill(block, block.size());
            return new ChunkData(block, box.start());
        }
        Block block = ChannelReads.readBox(file.channel(), file.baseAddress() + dataAddress, shape, dtype, order, box,
                io, this, file.displayName());
        return new ChunkData(block, box.start());
    }

    // chunks never written hold the fill value
    private void fill(Block block, int elements) {
        for (int i = 0; i < elements; i++) {
            block.setDouble(i, fill);
        }
    }

    private static DType dtypeOf(DataType type, String name) {
        if (type instanceof FloatingPoint floating) {
            return switch (floating.getSize()) {
                case 4 -> DType.FLOAT32;
                case 8 -> DType.FLOAT64;
                default -> throw unsupported(name, floating.getSize() * 8 + "-bit floats");
            };
        }
        if (type instanceof FixedPoint fixed) {
            boolean signed = fixed.isSigned();
            return switch (fixed.getSize()) {
                case 1 -> signed ? DType.INT8 : DType.UINT8;
                case 2 -> signed ? DType.INT16 : DType.UINT16;
                case 4 -> signed ? DType.INT32 : DType.UINT32;
                case 8 -> signed ? DType.INT64 : DType.UINT64;
                default -> throw unsupported(name, fixed.getSize() * 8 + "-bit integers");
            };
        }
        if (type instanceof EnumDataType enumType && isBoolEnum(enumType)) {
            return DType.BOOL;
        }
        throw unsupported(name, "elements of HDF5 class " + type.getClass().getSimpleName());
    }

    // h5py stores NumPy bools as an enum {FALSE: 0, TRUE: 1} over int8
    private static boolean isBoolEnum(EnumDataType type) {
        Map<Integer, String> mapping = type.getEnumMapping();
        return type.getBaseType() instanceof FixedPoint base && base.getSize() == 1 && mapping.size() == 2
                && "FALSE".equalsIgnoreCase(mapping.get(0)) && "TRUE".equalsIgnoreCase(mapping.get(1));
    }

    private static ByteOrder orderOf(DataType type) {
        if (type instanceof FloatingPoint floating) {
            return floating.getByteOrder();
        }
        if (type instanceof FixedPoint fixed) {
            return fixed.getByteOrder();
        }
        if (type instanceof EnumDataType enumType && enumType.getBaseType() instanceof FixedPoint base) {
            return base.getByteOrder();
        }
        return ByteOrder.LITTLE_ENDIAN;
    }

    private static ExecutorException unsupported(String name, String what) {
        return new ExecutorException(ExecutorException.Kind.UNSUPPORTED,
                name + " holds " + what + ", which Tessera does not read");
    }

    private static double fillValue(Dataset dataset) {
        try {
            Object value = dataset.getFillValue();
            return value instanceof Number number ? number.doubleValue() : 0;
        } catch (HdfException | UnsupportedOperationException e) {
            return 0;
        }
    }

    private static Block readWhole(Dataset dataset, DType dtype, long[] shape) {
        Block block = Block.allocate(dtype, Shapes.toInt(shape));
        if (block.size() == 0) {
            return block;
        }
        Object data = dataset.isScalar() ? dataset.getData() : dataset.getDataFlat();
        if (!data.getClass().isArray()) {
            setElement(block, 0, data);
            return block;
        }
        for (int i = 0; i < block.size(); i++) {
            setElement(block, i, Array.get(data, i));
        }
        return block;
    }

    private static void setElement(Block block, int i, Object value) {
        if (value instanceof Boolean bool) {
            block.setLong(i, bool ? 1 : 0);
        } else if (value instanceof java.math.BigInteger big) {
            block.setLong(i, big.longValue());
        } else if (value instanceof Double || value instanceof Float) {
            block.setDouble(i, ((Number) value).doubleValue());
        } else if (value instanceof Number number) {
            block.setLong(i, number.longValue());
        } else {
            block.setLong(i, "TRUE".equalsIgnoreCase(String.valueOf(value)) ? 1 : 0);
        }
    }

    /** Where each stored chunk lies in the file, from jhdf's chunk index. */
    private record ChunkIndex(int[] chunkShape, int[] counts, long[] addresses, int[] sizes, int[] masks) {
        private static final Method LOOKUP = lookupMethod();

        static ChunkIndex of(ChunkedDataset dataset, ChunkGrid grid, int[] chunkShape, String name) {
            int n = chunkShape.length;
            int[] counts = new int[n];
            long total = 1;
            for (int axis = 0; axis < n; axis++) {
                counts[axis] = grid.chunkCount(axis);
                total *= counts[axis];
            }
            if (total > Integer.MAX_VALUE / 2) {
                throw unsupported(name, total + " chunks");
            }
            long[] addresses = new long[(int) total];
            int[] sizes = new int[(int) total];
            int[] masks = new int[(int) total];
            java.util.Arrays.fill(addresses, UNDEFINED_ADDRESS);
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
            return new ChunkIndex(chunkShape, counts, addresses, sizes, masks);
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
            return addresses[slot] == UNDEFINED_ADDRESS ? 0 : sizes[slot];
        }
    }

    /** The filters of a chunked dataset, and decoding of the ones implemented here. */
    private record FilterPipeline(int[] ids, int[][] data, boolean isNative) {
        private static final int DEFLATE = 1;
        private static final int SHUFFLE = 2;
        private static final int FLETCHER32 = 3;

        static FilterPipeline of(List<PipelineFilterWithData> filters, String name) {
            int[] ids = new int[filters.size()];
            int[][] data = new int[filters.size()][];
            boolean isNative = true;
            for (int i = 0; i < ids.length; i++) {
                ids[i] = filters.get(i).getId();
                data[i] = filters.get(i).getFilterData();
                isNative &= ids[i] == DEFLATE || ids[i] == SHUFFLE || ids[i] == FLETCHER32;
            }
            return new FilterPipeline(ids, data, isNative);
        }

        /** Undoes the filters, last applied first, skipping those the chunk's mask turned off. */
        ByteBuffer decode(ByteBuffer raw, int mask, int decodedBytes, IoContext io, String name) {
            ByteBuffer current = raw;
            boolean inScratch = false;
            for (int i = ids.length - 1; i >= 0; i--) {
                if ((mask & (1 << i)) != 0) {
                    continue;
                }
                switch (ids[i]) {
                    case FLETCHER32 -> current.limit(current.limit() - 4);
                    case DEFLATE -> {
                        ByteBuffer out = inScratch ? io.rawBuffer(decodedBytes + 16) : io.scratchBuffer(decodedBytes + 16);
                        inflate(current, out, io, name);
                        current = out;
                        inScratch = !inScratch;
                    }
                    case SHUFFLE -> {
                        ByteBuffer out = inScratch ? io.rawBuffer(current.remaining()) : io.scratchBuffer(current.remaining());
                        int elementSize = data[i] != null && data[i].length > 0 ? data[i][0] : 1;
                        Shuffle.unshuffle(current, out, elementSize);
                        current = out;
                        inScratch = !inScratch;
                    }
                    default -> throw new IllegalStateException("filter " + ids[i] + " is not native");
                }
            }
            return current;
        }

        private static void inflate(ByteBuffer in, ByteBuffer out, IoContext io, String name) {
            java.util.zip.Inflater inflater = io.inflater();
            inflater.reset();
            inflater.setInput(in);
            try {
                while (!inflater.finished()) {
                    int n = inflater.inflate(out);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary() || !out.hasRemaining())) {
                        if (!out.hasRemaining()) {
                            throw new java.util.zip.DataFormatException("the chunk inflates past its size");
                        }
                        throw new java.util.zip.DataFormatException("the compressed data ends early");
                    }
                }
            } catch (java.util.zip.DataFormatException e) {
                throw new ExecutorException(ExecutorException.Kind.IO,
                        name + " is damaged: a gzip chunk does not inflate (" + e.getMessage() + ")", e);
            }
            out.flip();
        }
    }
}
