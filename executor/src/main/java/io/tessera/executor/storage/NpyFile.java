package io.tessera.executor.storage;

import io.tessera.executor.Box;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A NumPy {@code .npy} file (format versions 1 to 3, C or Fortran order) read by byte ranges. */
public final class NpyFile implements ArraySource, AutoCloseable {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final String displayName;
    private final FileChannel channel;
    private final ReadAhead readAhead;
    private final DType dtype;
    private final ByteOrder order;
    private final long[] shape;
    private final long dataStart;
    private final ChunkGrid grid;
    private final Path path;
    private final boolean fortranOrder;

    private NpyFile(Path path, String displayName, FileChannel channel, ReadAhead readAhead, DType dtype,
            ByteOrder order, long[] shape, long dataStart, ChunkGrid grid, boolean fortranOrder) {
        this.readAhead = readAhead;
        this.fortranOrder = fortranOrder;
        this.path = path;
        this.displayName = displayName;
        this.channel = channel;
        this.dtype = dtype;
        this.order = order;
        this.shape = shape;
        this.dataStart = dataStart;
        this.grid = grid;
    }

    public static NpyFile open(Path path, String displayName) {
        if (!Files.isRegularFile(path)) {
            throw new ExecutorException(ExecutorException.Kind.IO, "file not found: " + displayName);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new ExecutorException(ExecutorException.Kind.IO, "cannot open " + displayName + ": "
                    + Hdf5File.reason(e), e);
        }
        try {
            return parse(path, displayName, channel);
        } catch (RuntimeException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static NpyFile parse(Path path, String displayName, FileChannel channel) {
        try {
            ByteBuffer preamble = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(preamble, 0);
            preamble.flip();
            if (preamble.remaining() < 10 || !hasMagic(preamble)) {
                throw notNpy(displayName, "no .npy magic number");
            }
            int major = preamble.get(6) & 0xFF;
            long headerLength;
            int headerStart;
            if (major == 1) {
                headerLength = preamble.getShort(8) & 0xFFFF;
                headerStart = 10;
            } else if (major == 2 || major == 3) {
                if (preamble.remaining() < 12) {
                    throw notNpy(displayName, "its header is cut short");
                }
                headerLength = preamble.getInt(8) & 0xFFFFFFFFL;
                headerStart = 12;
            } else {
                throw notNpy(displayName, "unknown format version " + major);
            }
            if (headerLength > 1 << 20) {
                throw notNpy(displayName, "its header is too long");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            channel.read(header, headerStart);
            if (header.position() < headerLength) {
                throw notNpy(displayName, "its header is cut short");
            }
            String text = new String(header.array(), StandardCharsets.ISO_8859_1);
            Matcher descr = DESCR.matcher(text);
            Matcher fortran = FORTRAN.matcher(text);
            Matcher shapeMatch = SHAPE.matcher(text);
            if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
                throw notNpy(displayName, "its header does not describe a plain numeric array");
            }
            DType dtype = dtypeOf(descr.group(2), Integer.parseInt(descr.group(3)), displayName);
            ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            List<Long> dims = new ArrayList<>();
            for (String part : shapeMatch.group(1).split(",")) {
                if (!part.isBlank()) {
                    dims.add(Long.parseLong(part.trim()));
                }
            }
            long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
            boolean fortranOrder = fortran.group(1).equals("True");
            if (fortranOrder) {
                // column-major data of shape (a, b, c) is row-major data of shape (c, b, a)
                for (int i = 0; i < shape.length / 2; i++) {
                    long swap = shape[i];
                    shape[i] = shape[shape.length - 1 - i];
                    shape[shape.length - 1 - i] = swap;
                }
            }
            long dataStart = headerStart + headerLength;
            long needed = dataStart + io.tessera.executor.Shapes.size(shape) * dtype.itemSize();
            if (channel.size() < needed) {
                throw new ExecutorException(ExecutorException.Kind.IO, displayName + " is truncated: it has "
                        + channel.size() + " bytes, its header promises " + needed);
            }
            return new NpyFile(path, displayName, channel, new ReadAhead(channel, channel.size()), dtype, order, shape,
                    dataStart, ChunkGrid.single(shape),
                    fortranOrder);
        } catch (IOException e) {
            throw new ExecutorException(ExecutorException.Kind.IO, "cannot read " + displayName + ": "
                    + Hdf5File.reason(e), e);
        }
    }

    private static boolean hasMagic(ByteBuffer buffer) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (buffer.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static ExecutorException notNpy(String name, String why) {
        return new ExecutorException(ExecutorException.Kind.IO, name + " is not a readable .npy file (" + why + ")");
    }

    private static DType dtypeOf(String kind, int size, String name) {
        DType dtype = DType.ofKindAndSize(kind + size).orElse(null);
        if (dtype == null) {
            throw new ExecutorException(ExecutorException.Kind.UNSUPPORTED,
                    name + " holds elements of type '" + kind + size + "', which Tessera does not read");
        }
        return dtype;
    }

    /**
     * True when the file holds its array in Fortran (column-major) order: this source then shows
     * the stored layout, the array with its axes reversed, and the binder transposes it back.
     */
    public boolean isFortranOrder() {
        return fortranOrder;
    }

    /** This file read in boxes of {@code chunk}. */
    public NpyFile withReadChunks(long[] chunk) {
        return new NpyFile(path, displayName, channel, readAhead, dtype, order, shape, dataStart,
                ChunkGrid.regular(shape, chunk),
                fortranOrder);
    }

    @Override
    public String description() {
        return displayName;
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
        // the same file read in other boxes has other chunks: shared reads must not mix them
        return List.of(path, grid);
    }

    @Override
    public long storedBytes(int[] chunk) {
        return grid.chunkBox(chunk).size() * dtype.itemSize();
    }

    @Override
    public ChunkData readChunk(int[] chunk, IoContext io) {
        io.checkCancelled();
        Box box = grid.chunkBox(chunk);
        return new ChunkData(ChannelReads.readBox(channel, readAhead, dataStart, shape, dtype, order, box, io, this, displayName),
                box.start());
    }

    @Override
    public void close() {
        readAhead.close();
        try {
            channel.close();
        } catch (IOException e) {
            // closing a read-only channel loses nothing
        }
    }
}
