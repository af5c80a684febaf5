package io.tessera.executor.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jhdf.HdfFile;
import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import io.tessera.executor.kernel.Gather;
import io.tessera.executor.storage.Hdf5Dataset;
import io.tessera.executor.storage.Hdf5File;
import io.tessera.executor.storage.SourceRegions;
import io.tessera.executor.storage.TestIo;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Test data for the HDF5 writer's tests, and reading files back through jhdf and the engine. */
final class Hdf5WriterFixtures {
    private Hdf5WriterFixtures() {
    }

    /**
     * An array whose values exercise {@code dtype}: its extremes (unsigned values above the signed
     * range), negatives, and for floats NaN, infinities, -0 and subnormals.
     */
    static Block values(DType dtype, int[] shape, int seed) {
        Block block = Block.allocate(dtype, shape);
        int n = block.size();
        for (int i = 0; i < n; i++) {
            long mixed = mix(i * 31L + seed);
            switch (dtype.kind()) {
                case BOOL -> block.setLong(i, (i * 7L + seed) % 3 == 0 ? 1 : 0);
                case SIGNED, UNSIGNED -> block.setLong(i, switch (i % 10) {
                    case 1 -> dtype.maxValue();
                    case 2 -> dtype.minValue();
                    case 3 -> dtype.isUnsigned() ? dtype.maxValue() - i : -i;
                    case 4 -> 0;
                    default -> mixed;
                });
                case FLOAT -> {
                    boolean single = dtype == DType.FLOAT32;
                    block.setDouble(i, switch (i % 12) {
                        case 1 -> Double.NaN;
                        case 2 -> Double.POSITIVE_INFINITY;
                        case 3 -> Double.NEGATIVE_INFINITY;
                        case 4 -> -0.0;
                        case 5 -> single ? -Float.MAX_VALUE : Double.MAX_VALUE;
                        case 6 -> single ? Float.MIN_VALUE : Double.MIN_VALUE;
                        default -> (i - n / 2) * 0.37 + (mixed % 1000) / 7.0;
                    });
                }
            }
        }
        return block;
    }

    private static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The box {@code start + count} of {@code whole}, as a block of its own. */
    static Block cut(Block whole, long[] start, long[] count) {
        Block piece = Block.allocate(whole.dtype(), Shapes.toInt(count));
        if (piece.size() > 0) {
            Gather.copyBox(whole, Shapes.toInt(start), Shapes.toInt(count), piece, new int[count.length]);
        }
        return piece;
    }

    /** The boxes of a regular grid over {@code shape}, clipped at the edges, row-major. */
    static List<Box> grid(long[] shape, long[] boxShape) {
        List<Box> boxes = new ArrayList<>();
        int rank = shape.length;
        for (long length : shape) {
            if (length == 0) {
                return boxes;
            }
        }
        long[] start = new long[rank];
        while (true) {
            long[] count = new long[rank];
            for (int axis = 0; axis < rank; axis++) {
                count[axis] = Math.min(boxShape[axis], shape[axis] - start[axis]);
            }
            boxes.add(new Box(start, count));
            int axis = rank - 1;
            while (axis >= 0) {
                start[axis] += boxShape[axis];
                if (start[axis] < shape[axis]) {
                    break;
                }
                start[axis] = 0;
                axis--;
            }
            if (axis < 0) {
                return boxes;
            }
        }
    }

    /** Writes {@code whole} box by box (boxes of {@code boxShape}) from one thread. */
    static void write(Hdf5Writer.Dataset dataset, Block whole, long[] boxShape) throws IOException {
        long[] shape = Shapes.toLong(whole.shape());
        if (shape.length == 0) {
            dataset.writeBox(new Box(new long[0], new long[0]), whole);
            return;
        }
        for (Box box : grid(shape, boxShape)) {
            dataset.writeBox(box, cut(whole, box.start(), box.count()));
        }
    }

    /** Writes {@code whole} in boxes of {@code boxShape}, shuffled, from {@code threads} threads at once. */
    static void writeConcurrently(Hdf5Writer.Dataset dataset, Block whole, long[] boxShape, int threads, long seed)
            throws Exception {
        List<Box> boxes = new ArrayList<>(grid(Shapes.toLong(whole.shape()), boxShape));
        Collections.shuffle(boxes, new Random(seed));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Box box : boxes) {
                futures.add(pool.submit(() -> {
                    dataset.writeBox(box, cut(whole, box.start(), box.count()));
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The elements of a block, little-endian, as the h5py check compares them. */
    static byte[] littleEndian(Block block) {
        int n = block.size();
        ByteBuffer out = ByteBuffer.allocate(n * block.dtype().itemSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (block.dtype()) {
                case BOOL, INT8, UINT8 -> out.put((byte) block.getLong(i));
                case INT16, UINT16 -> out.putShort((short) block.getLong(i));
                case INT32, UINT32 -> out.putInt((int) block.getLong(i));
                case INT64, UINT64 -> out.putLong(block.getLong(i));
                case FLOAT32 -> out.putFloat(((float[]) block.data())[i]);
                case FLOAT64 -> out.putDouble(((double[]) block.data())[i]);
            }
        }
        return out.array();
    }

    /** Asserts equal dtype, shape and elements (floats bit for bit, NaN as NaN). */
    static void assertSameBlock(Block expected, Block actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertTrue(Arrays.equals(expected.shape(), actual.shape()),
                what + ": shape " + Arrays.toString(actual.shape()) + ", expected " + Arrays.toString(expected.shape()));
        for (int i = 0; i < expected.size(); i++) {
            if (expected.dtype().isFloat()) {
                if (Double.doubleToLongBits(expected.getDouble(i)) != Double.doubleToLongBits(actual.getDouble(i))) {
                    fail(what + ": element " + i + " is " + actual.getDouble(i) + ", expected " + expected.getDouble(i));
                }
            } else if (expected.getLong(i) != actual.getLong(i)) {
                fail(what + ": element " + i + " is " + actual.getLong(i) + ", expected " + expected.getLong(i));
            }
        }
    }

    /** Reads the whole dataset {@code name} through jhdf and compares it with {@code expected}. */
    static void assertJhdfReads(HdfFile hdf, String name, Block expected) {
        io.jhdf.api.Dataset dataset = hdf.getDatasetByPath(name);
        assertTrue(Arrays.equals(Shapes.toLong(expected.shape()), dataset.getDimensionsAsLong()),
                name + ": jhdf shape " + Arrays.toString(dataset.getDimensionsAsLong()));
        if (expected.ndim() == 0) {
            assertElement(expected, 0, dataset.getData(), name);
            return;
        }
        if (expected.size() == 0) {
            return;
        }
        Object flat = dataset.getDataFlat();
        assertEquals(expected.size(), Array.getLength(flat), name + ": jhdf element count");
        for (int i = 0; i < expected.size(); i++) {
            assertElement(expected, i, Array.get(flat, i), name);
        }
    }

    private static void assertElement(Block expected, int i, Object value, String name) {
        if (expected.dtype().isBool()) {
            assertEquals(expected.getLong(i) != 0 ? "TRUE" : "FALSE", value, name + ": jhdf element " + i);
        } else if (expected.dtype().isFloat()) {
            assertEquals(Double.doubleToLongBits(expected.getDouble(i)),
                    Double.doubleToLongBits(((Number) value).doubleValue()), name + ": jhdf element " + i);
        } else {
            long actual = value instanceof BigInteger big ? big.longValue() : ((Number) value).longValue();
            assertEquals(expected.getLong(i), actual, name + ": jhdf element " + i);
        }
    }

    /** Reads the whole dataset {@code name} through the engine's own HDF5 reader. */
    static Block readWithEngine(Path file, String name) {
        try (Hdf5File hdf = Hdf5File.open(file, file.getFileName().toString())) {
            Hdf5Dataset dataset = hdf.dataset(name);
            long[] shape = dataset.shape();
            return SourceRegions.read(dataset, new Box(new long[shape.length], shape), new TestIo());
        }
    }

    /** Reads one box of dataset {@code name} through the engine's own HDF5 reader. */
    static Block readWithEngine(Path file, String name, Box box) {
        try (Hdf5File hdf = Hdf5File.open(file, file.getFileName().toString())) {
            return SourceRegions.read(hdf.dataset(name), box, new TestIo());
        }
    }

    /** Reads {@code length} bytes of the file at {@code address}. */
    static ByteBuffer readBytes(Path file, long address, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, address + buffer.position()) < 0) {
                    throw new IOException("the file ends at " + (address + buffer.position()));
                }
            }
            return buffer.flip();
        }
    }
}
