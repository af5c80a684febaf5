package io.tessera.executor.storage;

import io.tessera.executor.Block;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;
import io.tessera.executor.Shapes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One array of a Zarr v2 directory store: a {@code .zarray} JSON document and one file per stored
 * chunk, named by its indices ({@code 0.1.2}, or {@code 0/1/2} with {@code "/"} as dimension
 * separator). Every chunk file holds a whole chunk, edge chunks padded, in C order, uncompressed or
 * compressed with zlib or gzip; a chunk without a file holds the fill value everywhere. Opening reads
 * only the metadata; chunk files are opened as they are read, so the array holds no open files and
 * needs no closing.
 */
public final class ZarrArray implements ArraySource {
    // gzip member header (RFC 1952): magic, method, flags, then mtime, extra flags and OS
    private static final int GZIP_MAGIC = 0x8b1f;
    private static final int GZIP_HEADER_BYTES = 10;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final Path directory;
    private final String description;
    private final ZarrMetadata metadata;
    private final ChunkGrid grid;
    private final int[] chunkShape;

    private ZarrArray(Path directory, String description, ZarrMetadata metadata) {
        this.directory = directory;
        this.description = description;
        this.metadata = metadata;
        this.grid = metadata.grid();
        this.chunkShape = Shapes.toInt(metadata.chunks());
    }

    /**
     * Opens the array stored in {@code directory} by reading its {@code .zarray};
     * {@code description} is how messages name the directory (the path as the user wrote it).
     *
     * @throws ExecutorException when the directory is no Zarr v2 array or uses what Tessera does not read
     */
    public static ZarrArray open(Path directory, String description) {
        if (!Files.exists(directory)) {
            throw new ExecutorException(ExecutorException.Kind.IO, "Zarr store not found: " + description);
        }
        if (!Files.isDirectory(directory)) {
            throw new ExecutorException(ExecutorException.Kind.IO,
                    description + " is a file, not a Zarr store (which is a directory)");
        }
        Path metadataFile = directory.resolve(ZarrMetadata.ARRAY_KEY);
        if (!Files.isRegularFile(metadataFile)) {
            throw new ExecutorException(ExecutorException.Kind.IO, notAnArray(directory, description));
        }
        byte[] json;
        try {
            json = Files.readAllBytes(metadataFile);
        } catch (IOException e) {
            throw new ExecutorException(ExecutorException.Kind.IO, "cannot read " + description + "/"
                    + ZarrMetadata.ARRAY_KEY + ": " + Hdf5File.reason(e), e);
        }
        ZarrMetadata metadata = ZarrMetadata.parse(json, description + "/" + ZarrMetadata.ARRAY_KEY);
        return new ZarrArray(directory.toAbsolutePath().normalize(), description, metadata);
    }

    private static String notAnArray(Path directory, String description) {
        if (Files.isRegularFile(directory.resolve(ZarrMetadata.GROUP_KEY))) {
            List<String> arrays = arrayPaths(directory, description);
            return description + " is a Zarr group, not an array (it holds "
                    + (arrays.isEmpty() ? "no arrays" : String.join(", ", arrays.size() > 10
                            ? arrays.subList(0, 10) : arrays) + (arrays.size() > 10 ? ", ..." : "")) + ")";
        }
        if (Files.isRegularFile(directory.resolve("zarr.json"))) {
            return description + " is a Zarr v3 store, which Tessera does not read (only Zarr v2)";
        }
        return description + " is not a Zarr v2 array: it has no " + ZarrMetadata.ARRAY_KEY;
    }

    /** True when {@code directory} holds a Zarr v2 array (has a {@code .zarray}). */
    public static boolean isArray(Path directory) {
        return Files.isRegularFile(directory.resolve(ZarrMetadata.ARRAY_KEY));
    }

    /**
     * The arrays of a Zarr v2 store, as paths relative to {@code directory} joined by {@code "/"}
     * ({@code "t2m"}, {@code "surface/u10"}), depth first in name order: arrays are sub-directories
     * with a {@code .zarray}, groups sub-directories with a {@code .zgroup}, and other directories are
     * passed over. A store that is itself an array lists as the one name {@code ""}, so that
     * {@code directory.resolve(name)} is always the array's directory.
     *
     * @throws ExecutorException when {@code directory} is neither a Zarr v2 group nor array
     */
    public static List<String> arrayPaths(Path directory, String description) {
        if (isArray(directory)) {
            return List.of("");
        }
        if (!Files.isRegularFile(directory.resolve(ZarrMetadata.GROUP_KEY))) {
            throw new ExecutorException(ExecutorException.Kind.IO, Files.isDirectory(directory)
                    ? description + " is not a Zarr v2 store: it has neither " + ZarrMetadata.GROUP_KEY + " nor "
                            + ZarrMetadata.ARRAY_KEY
                    : "Zarr store not found: " + description);
        }
        List<String> paths = new ArrayList<>();
        collect(directory, "", description, paths);
        return paths;
    }

    private static void collect(Path group, String prefix, String description, List<String> paths) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(group, Files::isDirectory)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            throw new ExecutorException(ExecutorException.Kind.IO, "cannot list " + description
                    + (prefix.isEmpty() ? "" : "/" + prefix) + ": " + Hdf5File.reason(e), e);
        }
        children.sort(null);
        for (Path child : children) {
            String name = prefix + child.getFileName();
            if (isArray(child)) {
                paths.add(name);
            } else if (Files.isRegularFile(child.resolve(ZarrMetadata.GROUP_KEY))) {
                collect(child, name + "/", description, paths);
            }
        }
    }

    /** The array's metadata as read from its {@code .zarray}. */
    public ZarrMetadata metadata() {
        return metadata;
    }

    /** The array's directory (absolute). */
    public Path directory() {
        return directory;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public DType dtype() {
        return metadata.dtype();
    }

    @Override
    public long[] shape() {
        return metadata.shape();
    }

    @Override
    public ChunkGrid storageGrid() {
        return grid;
    }

    @Override
    public Object identity() {
        // the same directory opened twice is the same data: its chunks may be shared
        return List.of(ZarrArray.class, directory);
    }

    /** The size of the chunk's file, 0 when the chunk has none (it holds the fill value). */
    @Override
    public long storedBytes(int[] chunk) {
        try {
            return Files.size(chunkFile(chunk));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Reads one stored chunk whole: the block has the full chunk shape, so at the array's edge it
     * reaches past the array (ChunkData allows that).
     */
    @Override
    public ChunkData readChunk(int[] chunk, IoContext io) {
        io.checkCancelled();
        long[] origin = new long[chunk.length];
        for (int axis = 0; axis < chunk.length; axis++) {
            origin[axis] = (long) chunk[axis] * chunkShape[axis];
        }
        Block block = io.allocate(metadata.dtype(), chunkShape);
        String fileName = description + "/" + metadata.chunkKey(chunk);
        FileChannel channel;
        try {
            channel = FileChannel.open(chunkFile(chunk), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            fill(block);
            return new ChunkData(block, origin);
        } catch (IOException e) {
            throw new ExecutorException(ExecutorException.Kind.IO, "cannot open " + fileName + ": "
                    + Hdf5File.reason(e), e);
        }
        try (channel) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw damaged(fileName, "the file has " + size + " bytes, too many for one chunk");
            }
            ByteBuffer raw = io.rawBuffer((int) size);
            ChannelReads.readFully(channel, raw, 0, fileName, null);
            io.bytesRead(this, size);
            ByteBuffer decoded = decompress(raw, io, fileName);
            ByteDecoder.decode(decoded, metadata.byteOrder(), block, 0, block.size());
            return new ChunkData(block, origin);
        } catch (IOException e) {
            throw new ExecutorException(ExecutorException.Kind.IO, "cannot read " + fileName + ": "
                    + Hdf5File.reason(e), e);
        }
    }

    private Path chunkFile(int[] chunk) {
        // with "/" as separator the key names nested directories, which resolve() follows
        return directory.resolve(metadata.chunkKey(chunk));
    }

    /** The chunk's bytes as stored before compression, exactly one chunk long. */
    private ByteBuffer decompress(ByteBuffer raw, IoContext io, String fileName) {
        int expected = metadata.chunkBytes();
        ByteBuffer decoded = switch (metadata.compressor()) {
            case NONE -> raw;
            case ZLIB -> {
                Inflater inflater = io.inflater();
                inflater.reset();
                yield inflate(inflater, raw, io.scratchBuffer(expected + 1), "zlib", fileName);
            }
            case GZIP -> gunzip(raw, io.scratchBuffer(expected + 1), fileName);
        };
        if (decoded.remaining() != expected) {
            throw damaged(fileName, (metadata.compressor() == ZarrMetadata.Compressor.NONE ? "it holds "
                    : "it decompresses to ") + decoded.remaining() + " bytes, but a chunk of "
                    + Shapes.format(chunkShape) + " " + metadata.dtype().typeString(metadata.byteOrder())
                    + " takes " + expected);
        }
        return decoded;
    }

    /**
     * Inflates {@code in} into {@code out}, which is one byte larger than a chunk so that data
     * inflating past a chunk's size is noticed; returns {@code out} flipped.
     */
    private static ByteBuffer inflate(Inflater inflater, ByteBuffer in, ByteBuffer out, String format,
            String fileName) {
        inflater.setInput(in);
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0 && !inflater.finished()) {
                    if (!out.hasRemaining()) {
                        throw damaged(fileName, "its " + format + " data inflates past a chunk's size");
                    }
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        throw damaged(fileName, "its " + format + " data ends early (is the file truncated?)");
                    }
                }
            }
        } catch (DataFormatException e) {
            throw damaged(fileName, "its " + format + " data does not inflate (" + e.getMessage() + ")");
        }
        // what follows the stream (a gzip trailer) is left in `in`
        in.position(in.limit() - inflater.getRemaining());
        out.flip();
        return out;
    }

    private static ByteBuffer gunzip(ByteBuffer raw, ByteBuffer out, String fileName) {
        ByteBuffer in = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < GZIP_HEADER_BYTES + 8 || (in.getShort(0) & 0xFFFF) != GZIP_MAGIC || in.get(2) != 8) {
            throw damaged(fileName, "it does not start with a gzip header");
        }
        int flags = in.get(3);
        in.position(GZIP_HEADER_BYTES);
        try {
            if ((flags & FEXTRA) != 0) {
                int length = in.getShort() & 0xFFFF;
                in.position(in.position() + length);
            }
            if ((flags & FNAME) != 0) {
                skipZeroTerminated(in);
            }
            if ((flags & FCOMMENT) != 0) {
                skipZeroTerminated(in);
            }
            if ((flags & FHCRC) != 0) {
                in.position(in.position() + 2);
            }
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw damaged(fileName, "its gzip header is cut short");
        }
        // gzip wraps raw deflate data, which the context's (zlib) inflater does not read
        Inflater inflater = new Inflater(true);
        try {
            inflate(inflater, in, out, "gzip", fileName);
        } finally {
            inflater.end();
        }
        if (in.remaining() < 8) {
            throw damaged(fileName, "its gzip trailer is missing (is the file truncated?)");
        }
        CRC32 crc = new CRC32();
        crc.update(out.duplicate());
        long storedCrc = in.getInt() & 0xFFFFFFFFL;
        long storedSize = in.getInt() & 0xFFFFFFFFL;
        if (storedCrc != crc.getValue() || storedSize != (out.remaining() & 0xFFFFFFFFL)) {
            throw damaged(fileName, "its gzip checksum or length does not match its data");
        }
        return out;
    }

    private static void skipZeroTerminated(ByteBuffer in) {
        while (in.get() != 0) {
            // skip the field's bytes
        }
    }

    // chunks never written hold the fill value
    private void fill(Block block) {
        Block value = metadata.fillValue();
        int n = block.size();
        switch (block.dtype()) {
            case BOOL, INT8, UINT8 -> Arrays.fill((byte[]) block.data(), 0, n, ((byte[]) value.data())[0]);
            case INT16, UINT16 -> Arrays.fill((short[]) block.data(), 0, n, ((short[]) value.data())[0]);
            case INT32, UINT32 -> Arrays.fill((int[]) block.data(), 0, n, ((int[]) value.data())[0]);
            case INT64, UINT64 -> Arrays.fill((long[]) block.data(), 0, n, ((long[]) value.data())[0]);
            case FLOAT32 -> Arrays.fill((float[]) block.data(), 0, n, ((float[]) value.data())[0]);
            case FLOAT64 -> Arrays.fill((double[]) block.data(), 0, n, ((double[]) value.data())[0]);
        }
    }

    private static ExecutorException damaged(String fileName, String why) {
        return new ExecutorException(ExecutorException.Kind.IO, fileName + " is damaged: " + why);
    }

    @Override
    public String toString() {
        return "ZarrArray[" + description + " " + metadata.dtype() + " " + Shapes.format(metadata.shape()) + "]";
    }
}
