package io.tessera.executor.storage;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
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
    /** The address HDF5 gives storage that was never written. */
    static final long UNDEFINED_ADDRESS = -1L;

    private final Hdf5File file;
    private final String path;
    private final DType dtype;
    private final ByteOrder order;
    private final long[] shape;
    private final ChunkGrid grid;
    private final Hdf5ChunkIndex chunks;
    private final Hdf5Filters filters;
    private final Dataset dataset;
    private final long dataAddress;
    private final Block whole;
    private final double fill;

    private Hdf5Dataset(Hdf5File file, String path, DType dtype, ByteOrder order, long[] shape, ChunkGrid grid,
            Hdf5ChunkIndex chunks, Hdf5Filters filters, Dataset dataset, long dataAddress, Block whole, double fill) {
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
                Hdf5ChunkIndex index = Hdf5ChunkIndex.of(chunked, grid, chunkShape, name);
                Hdf5Filters filters = Hdf5Filters.of(dataset.getFilters(), name);
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
        // a contiguous dataset read in other boxes has other chunks: shared reads must not mix them
        return List.of(file.path(), path, grid);
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
        ByteBuffer decoded;
        if (filters.isNative()) {
            ByteBuffer raw = io.rawBuffer(stored);
            ChannelReads.readFully(file.channel(), raw, file.baseAddress() + address, file.displayName(),
                    file.readAhead());
            decoded = filters.decode(raw, chunks.filterMask(slot), elements * dtype.itemSize(), io, description());
        } else {
            decoded = jhdfChunk(origin);
        }
        io.bytesRead(this, stored);
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
        Block block = ChannelReads.readBox(file.channel(), file.readAhead(), file.baseAddress() + dataAddress, shape, dtype, order, box,
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
}
