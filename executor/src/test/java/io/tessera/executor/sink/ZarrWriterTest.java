package io.tessera.executor.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import io.tessera.executor.storage.ChunkData;
import io.tessera.executor.storage.TestIo;
import io.tessera.executor.storage.ZarrArray;
import io.tessera.executor.storage.ZarrTestSupport;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZarrWriter's stores read back through ZarrArray: every dtype, ranks 1 to 3, edge chunks, threads. */
class ZarrWriterTest {
    private static final long[][] SHAPES = {{37}, {13, 10}, {5, 6, 7}};
    private static final long[][] CHUNKS = {{8}, {4, 3}, {2, 4, 3}};
    @TempDir
    Path dir;

    /**
     * Element k of the test arrays: integers spread over the dtype's whole range (uint64 above
     * int64's), floats with NaN, infinities, -0.0 and subnormals among ordinary values.
     */
    static Block values(DType dtype, long[] shape) {
        Block block = Block.allocate(dtype, Shapes.toInt(shape));
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
            Float.MIN_VALUE, Double.MAX_VALUE};
        for (int k = 0; k < block.size(); k++) {
            if (dtype.isBool()) {
                block.setLong(k, k % 3 == 0 ? 1 : 0);
            } else if (dtype.isFloat()) {
                block.setDouble(k, k < specials.length ? specials[k] : k * 0.37 - 5);
            } else {
                block.setLong(k, k * 0x9E3779B97F4A7C15L + 11);
            }
        }
        return block;
    }

    /** The part {@code box} of a whole array's block. */
    static Block slice(Block whole, long[] shape, Box box) {
        Block part = Block.allocate(whole.dtype(), box.intShape());
        long[] strides = Shapes.strides(shape);
        long[] local = new long[box.ndim()];
        for (int i = 0; i < part.size(); i++) {
            long flat = 0;
            for (int axis = 0; axis < local.length; axis++) {
                flat += (box.start(axis) + local[axis]) * strides[axis];
            }
            Block.copy(whole, Math.toIntExact(flat), part, i, 1);
            for (int axis = local.length - 1; axis >= 0; axis--) {
                if (++local[axis] < box.count(axis)) {
                    break;
                }
                local[axis] = 0;
            }
        }
        return part;
    }

    /** Writes {@code whole} chunk by chunk from several threads, in shuffled order, and finishes. */
    static void writeShuffled(ZarrWriter writer, Block whole, long[] shape, long seed) throws Exception {
        List<Box> boxes = new ArrayList<>(writer.grid().boxes());
        Collections.shuffle(boxes, new Random(seed));
        List<Callable<Void>> writes = new ArrayList<>();
        for (Box box : boxes) {
            writes.add(() -> {
                writer.writeBox(box, slice(whole, shape, box));
                return null;
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> write : threads.invokeAll(writes)) {
                write.get();
            }
        } finally {
            threads.shutdownNow();
        }
        writer.finish();
    }

    @Test
    void everyDtypeRoundTripsInEveryRankWithAndWithoutZlib() throws Exception {
        int stores = 0;
        for (DType dtype : DType.values()) {
            for (int rank = 0; rank < SHAPES.length; rank++) {
                for (String compression : new String[] {null, "zlib"}) {
                    long[] shape = SHAPES[rank];
                    Path store = dir.resolve(dtype + "-" + rank + "-" + compression + ".zarr");
                    ZarrWriter writer = ZarrWriter.create(store, dtype, shape, CHUNKS[rank], compression, 3);
                    Block whole = values(dtype, shape);
                    writeShuffled(writer, whole, shape, stores++);

                    ZarrArray array = ZarrArray.open(store, store.getFileName().toString());
                    String what = store.getFileName().toString();
                    assertEquals(dtype, array.dtype(), what);
                    assertArrayEquals(shape, array.shape(), what);
                    assertEquals(writer.grid(), array.storageGrid(), what);
                    Block read = ZarrTestSupport.readAll(array);
                    assertEquals(whole.dtype(), read.dtype(), what);
                    assertArrayEquals(whole.shape(), read.shape(), what);
                    assertDataEquals(whole, read, what);
                }
            }
        }
        assertEquals(DType.values().length * 6, stores);
    }

    private static void assertDataEquals(Block expected, Block actual, String what) {
        Object e = expected.data();
        Object a = actual.data();
        switch (expected.dtype()) {
            case BOOL, INT8, UINT8 -> assertArrayEquals((byte[]) e, (byte[]) a, what);
            case INT16, UINT16 -> assertArrayEquals((short[]) e, (short[]) a, what);
            case INT32, UINT32 -> assertArrayEquals((int[]) e, (int[]) a, what);
            case INT64, UINT64 -> assertArrayEquals((long[]) e, (long[]) a, what);
            case FLOAT32 -> assertArrayEquals((float[]) e, (float[]) a, what);
            case FLOAT64 -> assertArrayEquals((double[]) e, (double[]) a, what);
        }
    }

    @Test
    void valuesAboveTheSignedRangeSurvive() throws Exception {
        Path store = dir.resolve("u64.zarr");
        ZarrWriter writer = ZarrWriter.create(store, DType.UINT64, new long[] {3}, new long[] {2}, "zlib", 9);
        writer.writeBox(new Box(new long[] {0}, new long[] {2}), new Block(DType.UINT64, new int[] {2},
                new long[] {-1L, Long.MIN_VALUE}));
        writer.writeBox(new Box(new long[] {2}, new long[] {1}), new Block(DType.UINT64, new int[] {1},
                new long[] {Long.MAX_VALUE}));
        writer.finish();
        Block read = ZarrTestSupport.readAll(ZarrArray.open(store, "u64.zarr"));
        assertEquals(18446744073709551615.0, read.getDouble(0));
        assertEquals(9223372036854775808.0, read.getDouble(1));
        assertArrayEquals(new long[] {-1L, Long.MIN_VALUE, Long.MAX_VALUE}, (long[]) read.data());
    }

    @Test
    void edgeChunksAreStoredWholeAndPaddedWithZeros() throws Exception {
        Path store = dir.resolve("edge.zarr");
        ZarrWriter writer = ZarrWriter.create(store, DType.INT16, new long[] {3, 5}, new long[] {2, 4}, null, 0);
        Block whole = values(DType.INT16, new long[] {3, 5});
        writeShuffled(writer, whole, new long[] {3, 5}, 7);
        // the corner chunk (1, 1) holds one element of the array in a 2 x 4 chunk
        assertEquals(2 * 4 * 2, Files.size(store.resolve("1.1")));
        ZarrArray array = ZarrArray.open(store, "edge.zarr");
        ChunkData corner = array.readChunk(new int[] {1, 1}, new TestIo());
        assertArrayEquals(new long[] {2, 4}, corner.origin());
        assertArrayEquals(new int[] {2, 4}, corner.block().shape());
        short[] data = (short[]) corner.block().data();
        assertEquals(whole.getLong(2 * 5 + 4), data[0]);
        for (int i = 1; i < 8; i++) {
            assertEquals(0, data[i], "padding at " + i);
        }
        assertEquals(16, array.storedBytes(new int[] {1, 1}));
    }

    @Test
    void writesZarrayAsZarrPythonDoes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path floats = dir.resolve("f.zarr");
        ZarrWriter.create(floats, DType.FLOAT32, new long[] {10, 20}, new long[] {5, 7}, "zlib", 5);
        JsonNode meta = json.readTree(floats.resolve(".zarray").toFile());
        assertEquals(2, meta.get("zarr_format").asInt());
        assertEquals("[10,20]", meta.get("shape").toString());
        assertEquals("[5,7]", meta.get("chunks").toString());
        assertEquals("<f4", meta.get("dtype").asText());
        assertEquals("C", meta.get("order").asText());
        assertEquals(".", meta.get("dimension_separator").asText());
        assertTrue(meta.get("filters").isNull());
        assertEquals("{\"id\":\"zlib\",\"level\":5}", meta.get("compressor").toString());
        assertTrue(meta.get("fill_value").isFloatingPointNumber());
        assertEquals(0.0, meta.get("fill_value").asDouble());

        Path bools = dir.resolve("b.zarr");
        ZarrWriter.create(bools, DType.BOOL, new long[] {4}, new long[] {4}, null, 0);
        JsonNode boolMeta = json.readTree(bools.resolve(".zarray").toFile());
        assertEquals("|b1", boolMeta.get("dtype").asText());
        assertTrue(boolMeta.get("fill_value").isBoolean());
        assertTrue(boolMeta.get("compressor").isNull());

        Path ints = dir.resolve("i.zarr");
        ZarrWriter.create(ints, DType.UINT16, new long[] {4}, new long[] {4}, null, 0);
        JsonNode intMeta = json.readTree(ints.resolve(".zarray").toFile());
        assertEquals("<u2", intMeta.get("dtype").asText());
        assertTrue(intMeta.get("fill_value").isIntegralNumber());
        assertEquals(0, intMeta.get("fill_value").asInt());
        // .zarray is there before any chunk is written
        assertEquals(List.of(".zarray"), listNames(ints));
    }

    private static List<String> listNames(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void zeroDimensionalAndEmptyArraysRoundTrip() throws Exception {
        Path scalar = dir.resolve("scalar.zarr");
        ZarrWriter writer = ZarrWriter.create(scalar, DType.FLOAT64, new long[0], new long[0], "zlib", 1);
        writer.writeBox(new Box(new long[0], new long[0]), Block.scalar(DType.FLOAT64, -2.5));
        writer.finish();
        assertTrue(Files.isRegularFile(scalar.resolve("0")));
        assertEquals(-2.5, ZarrTestSupport.readAll(ZarrArray.open(scalar, "scalar.zarr")).getDouble(0));

        Path empty = dir.resolve("empty.zarr");
        ZarrWriter.create(empty, DType.INT32, new long[] {0, 3}, new long[] {4, 4}, null, 0).finish();
        ZarrArray array = ZarrArray.open(empty, "empty.zarr");
        assertArrayEquals(new long[] {0, 3}, array.shape());
        assertEquals(0, array.storageGrid().totalChunks());
    }

    @Test
    void refusesBoxesThatAreNotChunksAndBlocksThatDoNotFit() throws Exception {
        ZarrWriter writer = ZarrWriter.create(dir.resolve("x.zarr"), DType.INT32, new long[] {10, 10},
                new long[] {4, 4}, null, 0);
        Block four = Block.allocate(DType.INT32, new int[] {4, 4});
        assertThrows(IllegalArgumentException.class,
                () -> writer.writeBox(new Box(new long[] {1, 0}, new long[] {4, 4}), four));
        assertThrows(IllegalArgumentException.class,
                () -> writer.writeBox(new Box(new long[] {8, 0}, new long[] {4, 4}), four));
        assertThrows(IllegalArgumentException.class,
                () -> writer.writeBox(new Box(new long[] {0, 0}, new long[] {2, 4}), Block.allocate(DType.INT32,
                        new int[] {2, 4})));
        assertThrows(IllegalArgumentException.class,
                () -> writer.writeBox(new Box(new long[] {12, 0}, new long[] {4, 4}), four));
        assertThrows(IllegalArgumentException.class,
                () -> writer.writeBox(new Box(new long[] {0}, new long[] {4}), Block.allocate(DType.INT32,
                        new int[] {4})));
        assertThrows(IllegalArgumentException.class,
                () -> writer.writeBox(new Box(new long[] {0, 0}, new long[] {4, 4}), Block.allocate(DType.INT64,
                        new int[] {4, 4})));
        assertThrows(IllegalArgumentException.class,
                () -> writer.writeBox(new Box(new long[] {0, 0}, new long[] {4, 4}), Block.allocate(DType.INT32,
                        new int[] {16})));
        // nothing refused was written
        assertEquals(List.of(".zarray"), listNames(dir.resolve("x.zarr")));

        writer.writeBox(new Box(new long[] {8, 8}, new long[] {2, 2}), Block.allocate(DType.INT32, new int[] {2, 2}));
        assertThrows(IllegalStateException.class, () -> writer.writeBox(new Box(new long[] {8, 8},
                new long[] {2, 2}), Block.allocate(DType.INT32, new int[] {2, 2})));
        IllegalStateException unfinished = assertThrows(IllegalStateException.class, writer::finish);
        assertTrue(unfinished.getMessage().startsWith("8 of 9 chunks of "), unfinished.getMessage());
        assertTrue(unfinished.getMessage().endsWith("the first at [0:4, 0:4]"), unfinished.getMessage());
    }

    @Test
    void refusesBadArgumentsToCreate() throws IOException {
        Path existing = Files.createDirectory(dir.resolve("there.zarr"));
        assertThrows(FileAlreadyExistsException.class,
                () -> ZarrWriter.create(existing, DType.INT8, new long[] {2}, new long[] {2}, null, 0));
        Path fresh = dir.resolve("fresh.zarr");
        assertThrows(IllegalArgumentException.class,
                () -> ZarrWriter.create(fresh, DType.INT8, new long[] {2}, new long[] {2}, "zlib", 0));
        assertThrows(IllegalArgumentException.class,
                () -> ZarrWriter.create(fresh, DType.INT8, new long[] {2}, new long[] {2}, "zlib", 10));
        assertThrows(IllegalArgumentException.class,
                () -> ZarrWriter.create(fresh, DType.INT8, new long[] {2}, new long[] {2}, "blosc", 5));
        assertThrows(IllegalArgumentException.class,
                () -> ZarrWriter.create(fresh, DType.INT8, new long[] {2, 2}, new long[] {2}, null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ZarrWriter.create(fresh, DType.INT8, new long[] {2}, new long[] {0}, null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ZarrWriter.create(fresh, DType.FLOAT64, new long[] {1 << 20, 1 << 20},
                        new long[] {1 << 15, 1 << 15}, null, 0));
        // refused before anything was created
        assertTrue(Files.notExists(fresh));
    }

    @Test
    void writesSeveralArraysIntoOneGroup() throws Exception {
        Path group = dir.resolve("group.zarr");
        long[] shape = {9, 4};
        Block temperature = values(DType.FLOAT32, shape);
        Block mask = values(DType.BOOL, shape);
        Block count = values(DType.UINT32, new long[] {6});
        // arrays of one group created and written at once
        List<Callable<Void>> arrays = List.of(
            () -> {
                writeShuffled(ZarrWriter.createInGroup(group, "t", DType.FLOAT32, shape, new long[] {4, 4}, "zlib", 1),
                        temperature, shape, 1);
                return null;
            },
            () -> {
                writeShuffled(ZarrWriter.createInGroup(group, "flags/mask", DType.BOOL, shape, new long[] {2, 3},
                        null, 0), mask, shape, 2);
                return null;
            },
            () -> {
                writeShuffled(ZarrWriter.createInGroup(group, "flags/deeper/n", DType.UINT32, new long[] {6},
                        new long[] {4}, null, 0), count, new long[] {6}, 3);
                return null;
            });
        ExecutorService creators = Executors.newFixedThreadPool(3);
        try {
            for (Future<Void> array : creators.invokeAll(arrays)) {
                array.get();
            }
        } finally {
            creators.shutdownNow();
        }
        assertEquals("{\n    \"zarr_format\": 2\n}\n", Files.readString(group.resolve(".zgroup")));
        assertTrue(Files.isRegularFile(group.resolve("flags/.zgroup")));
        assertTrue(Files.isRegularFile(group.resolve("flags/deeper/.zgroup")));
        assertEquals(List.of("flags/deeper/n", "flags/mask", "t"), ZarrArray.arrayPaths(group, "group.zarr"));
        assertDataEquals(temperature, ZarrTestSupport.readAll(ZarrArray.open(group.resolve("t"), "t")), "t");
        assertDataEquals(mask, ZarrTestSupport.readAll(ZarrArray.open(group.resolve("flags/mask"), "mask")), "mask");
        assertDataEquals(count, ZarrTestSupport.readAll(ZarrArray.open(group.resolve("flags/deeper/n"), "n")), "n");

        assertThrows(FileAlreadyExistsException.class, () -> ZarrWriter.createInGroup(group, "t", DType.INT8,
                new long[] {1}, new long[] {1}, null, 0));
        assertThrows(IllegalArgumentException.class, () -> ZarrWriter.createInGroup(group, "t/inside", DType.INT8,
                new long[] {1}, new long[] {1}, null, 0));
        for (String bad : new String[] {"", "/abs", "a//b", "../up", ".zattrs", "a/"}) {
            assertThrows(IllegalArgumentException.class, () -> ZarrWriter.createInGroup(group, bad, DType.INT8,
                    new long[] {1}, new long[] {1}, null, 0), bad);
        }
    }
}
