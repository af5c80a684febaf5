package io.tessera.executor.storage;

import static io.tessera.executor.storage.ZarrTestSupport.encodeDoubles;
import static io.tessera.executor.storage.ZarrTestSupport.encodeLongs;
import static io.tessera.executor.storage.ZarrTestSupport.readAll;
import static io.tessera.executor.storage.ZarrTestSupport.writeBytes;
import static io.tessera.executor.storage.ZarrTestSupport.writeText;
import static io.tessera.executor.storage.ZarrTestSupport.zarray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;
import io.tessera.executor.Shapes;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZarrArray on stores written by hand: byte orders, compressors, key spellings, fill values, groups, errors. */
class ZarrArrayTest {
    /** Stands for elements past the array's edge in padded edge chunks: it must never be read. */
    private static final long PADDING = 99;

    @TempDir
    Path dir;

    /** The elements of one stored chunk, element at flat array index k being f(k), padding past the edge. */
    private static long[] chunkValues(long[] shape, long[] chunks, int[] chunk, LongUnaryOperator f) {
        int n = Math.toIntExact(Shapes.size(chunks));
        long[] values = new long[n];
        long[] strides = Shapes.strides(shape);
        long[] local = new long[chunks.length];
        for (int i = 0; i < n; i++) {
            long flat = 0;
            boolean inside = true;
            for (int axis = 0; axis < chunks.length; axis++) {
                long position = chunk[axis] * chunks[axis] + local[axis];
                inside &= position < shape[axis];
                flat += position * strides[axis];
            }
            values[i] = inside ? f.applyAsLong(flat) : PADDING;
            for (int axis = chunks.length - 1; axis >= 0; axis--) {
                if (++local[axis] < chunks[axis]) {
                    break;
                }
                local[axis] = 0;
            }
        }
        return values;
    }

    private static long[] expected(long[] shape, LongUnaryOperator f) {
        long[] values = new long[Math.toIntExact(Shapes.size(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsLong(i);
        }
        return values;
    }

    private static long[] longs(Block block) {
        long[] values = new long[block.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = block.getLong(i);
        }
        return values;
    }

    @Test
    void readsBigEndianIntegersCompressedWithZlib() throws IOException {
        long[] shape = {3, 4};
        long[] chunks = {2, 3};
        LongUnaryOperator f = k -> k * 1_000_003 - 5_000_000;
        Path store = dir.resolve("be.zarr");
        writeText(store.resolve(".zarray"), zarray("[3, 4]", "[2, 3]", ">i4", "0", "{\"id\": \"zlib\", \"level\": 1}",
                null));
        for (int[] chunk : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}) {
            byte[] raw = encodeLongs(chunkValues(shape, chunks, chunk, f), 4, ByteOrder.BIG_ENDIAN);
            writeBytes(store.resolve(chunk[0] + "." + chunk[1]), ZarrTestSupport.zlib(raw));
        }
        ZarrArray array = ZarrArray.open(store, "be.zarr");
        assertEquals(DType.INT32, array.dtype());
        assertArrayEquals(shape, array.shape());
        assertEquals(2, array.storageGrid().chunkCount(0));
        assertArrayEquals(new int[] {3, 4}, readAll(array).shape());
        assertArrayEquals(expected(shape, f), longs(readAll(array)));
    }

    @Test
    void readsBigEndianFloatsUncompressedAndReportsBytesRead() throws IOException {
        Path store = dir.resolve("bef.zarr");
        writeText(store.resolve(".zarray"), zarray("[5]", "[5]", ">f8", "\"NaN\"", "null", null));
        double[] values = {1.5, -0.0, Double.NaN, Double.POSITIVE_INFINITY, -1e300};
        writeBytes(store.resolve("0"), encodeDoubles(values, ByteOrder.BIG_ENDIAN));
        ZarrArray array = ZarrArray.open(store, "bef.zarr");
        TestIo io = new TestIo();
        ChunkData chunk = array.readChunk(new int[] {0}, io);
        assertArrayEquals(values, (double[]) chunk.block().data());
        assertEquals(40, io.bytesRead());
        assertEquals(40, array.storedBytes(new int[] {0}));
    }

    @Test
    void missingChunksHoldTheFillValueNaN() throws IOException {
        Path store = dir.resolve("nan.zarr");
        writeText(store.resolve(".zarray"), zarray("[5]", "[2]", "<f8", "\"NaN\"", "null", null));
        writeBytes(store.resolve("1"), encodeDoubles(new double[] {2, 3}, ByteOrder.LITTLE_ENDIAN));
        ZarrArray array = ZarrArray.open(store, "nan.zarr");
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 2, 3, Double.NaN}, (double[]) readAll(array).data());
        assertEquals(0, array.storedBytes(new int[] {0}));
        assertEquals(16, array.storedBytes(new int[] {1}));
        // a missing chunk reads nothing from storage
        TestIo io = new TestIo();
        ChunkData missing = array.readChunk(new int[] {2}, io);
        assertArrayEquals(new long[] {4}, missing.origin());
        assertEquals(0, io.bytesRead());
    }

    @Test
    void missingChunksHoldIntegerBoolAndInfinityFillValues() throws IOException {
        Object[][] cases = {
            {"<i2", "-7", DType.INT16, -7L},
            {"<u8", "18446744073709551615", DType.UINT64, -1L},
            {"|b1", "true", DType.BOOL, 1L},
            {"|u1", "200", DType.UINT8, 200L},
            {"<i8", "null", DType.INT64, 0L},
        };
        for (Object[] c : cases) {
            Path store = dir.resolve("fill" + ((String) c[0]).substring(1) + ".zarr");
            writeText(store.resolve(".zarray"), zarray("[2, 3]", "[1, 3]", (String) c[0], (String) c[1], "null", null));
            ZarrArray array = ZarrArray.open(store, store.getFileName().toString());
            assertEquals(c[2], array.dtype());
            long[] values = longs(readAll(array));
            long[] expected = new long[6];
            Arrays.fill(expected, (Long) c[3]);
            assertArrayEquals(expected, values, (String) c[0]);
        }
        Path store = dir.resolve("inf.zarr");
        writeText(store.resolve(".zarray"), zarray("[2]", "[1]", "<f4", "\"-Infinity\"", "null", null));
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
                (float[]) readAll(ZarrArray.open(store, "inf.zarr")).data());
    }

    @Test
    void readsSlashSeparatedChunkKeysIn3d() throws IOException {
        long[] shape = {3, 2, 5};
        long[] chunks = {2, 2, 2};
        LongUnaryOperator f = k -> k * 3 + 1;
        Path store = dir.resolve("nested.zarr");
        writeText(store.resolve(".zarray"), zarray("[3, 2, 5]", "[2, 2, 2]", "<u2", "0", "null", "/"));
        for (int a = 0; a < 2; a++) {
            for (int c = 0; c < 3; c++) {
                byte[] raw = encodeLongs(chunkValues(shape, chunks, new int[] {a, 0, c}, f), 2, ByteOrder.LITTLE_ENDIAN);
                writeBytes(store.resolve(a + "/0/" + c), raw);
            }
        }
        ZarrArray array = ZarrArray.open(store, "nested.zarr");
        assertEquals('/', array.metadata().separator());
        assertArrayEquals(expected(shape, f), longs(readAll(array)));
        // a box across chunk boundaries
        Block part = SourceRegions.read(array, new Box(new long[] {1, 1, 1}, new long[] {2, 1, 3}),
                new TestIo());
        assertArrayEquals(new long[] {f.applyAsLong(16), f.applyAsLong(17), f.applyAsLong(18),
                f.applyAsLong(26), f.applyAsLong(27), f.applyAsLong(28)}, longs(part));
    }

    @Test
    void readsGzipChunksWithAndWithoutOptionalHeaderFields() throws IOException {
        long[] shape = {7};
        long[] chunks = {4};
        LongUnaryOperator f = k -> Float.floatToIntBits(k * 0.5f - 1);
        Path store = dir.resolve("gz.zarr");
        writeText(store.resolve(".zarray"), zarray("[7]", "[4]", "<f4", "0.0", "{\"id\": \"gzip\", \"level\": 5}",
                "."));
        writeBytes(store.resolve("0"), ZarrTestSupport.gzip(
                encodeLongs(chunkValues(shape, chunks, new int[] {0}, f), 4, ByteOrder.LITTLE_ENDIAN)));
        writeBytes(store.resolve("1"), ZarrTestSupport.gzipWithName(
                encodeLongs(chunkValues(shape, chunks, new int[] {1}, f), 4, ByteOrder.LITTLE_ENDIAN)));
        float[] values = (float[]) readAll(ZarrArray.open(store, "gz.zarr")).data();
        assertArrayEquals(new float[] {-1, -0.5f, 0, 0.5f, 1, 1.5f, 2}, values);
    }

    @Test
    void readsChunksLargerThanTheArray() throws IOException {
        Path store = dir.resolve("big-chunk.zarr");
        writeText(store.resolve(".zarray"), zarray("[3]", "[5]", "<i2", "0", "null", null));
        writeBytes(store.resolve("0"), encodeLongs(new long[] {4, -5, 6, PADDING, PADDING}, 2, ByteOrder.LITTLE_ENDIAN));
        ZarrArray array = ZarrArray.open(store, "big-chunk.zarr");
        assertEquals(1, array.storageGrid().totalChunks());
        assertArrayEquals(new long[] {4, -5, 6}, longs(readAll(array)));
    }

    @Test
    void readsAZeroDimensionalArray() throws IOException {
        Path store = dir.resolve("scalar.zarr");
        writeText(store.resolve(".zarray"), zarray("[]", "[]", "<i8", "0", "null", null));
        writeBytes(store.resolve("0"), encodeLongs(new long[] {Long.MIN_VALUE}, 8, ByteOrder.LITTLE_ENDIAN));
        Block block = readAll(ZarrArray.open(store, "scalar.zarr"));
        assertEquals(0, block.ndim());
        assertEquals(Long.MIN_VALUE, block.getLong(0));
    }

    @Test
    void listsTheArraysOfAGroupAndItsNestedGroups() throws IOException {
        Path store = dir.resolve("group.zarr");
        writeText(store.resolve(".zgroup"), "{\"zarr_format\": 2}");
        writeText(store.resolve(".zattrs"), "{}");
        writeText(store.resolve("b/.zarray"), zarray("[2]", "[2]", "<i4", "5", "null", null));
        writeText(store.resolve("a/.zarray"), zarray("[3]", "[2]", "|i1", "-1", "null", null));
        writeBytes(store.resolve("a/0"), new byte[] {10, 20});
        writeText(store.resolve("inner/.zgroup"), "{\"zarr_format\": 2}");
        writeText(store.resolve("inner/c/.zarray"), zarray("[2, 2]", "[1, 1]", "<f8", "1.5", "null", null));
        writeText(store.resolve("inner/empty/.zgroup"), "{\"zarr_format\": 2}");
        // neither group nor array: passed over
        writeText(store.resolve("notes/readme.txt"), "not zarr");

        List<String> names = ZarrArray.arrayPaths(store, "group.zarr");
        assertEquals(List.of("a", "b", "inner/c"), names);
        assertArrayEquals(new long[] {10, 20, -1}, longs(readAll(ZarrArray.open(store.resolve("a"), "group.zarr/a"))));
        assertArrayEquals(new long[] {5, 5}, longs(readAll(ZarrArray.open(store.resolve("b"), "group.zarr/b"))));
        assertArrayEquals(new double[] {1.5, 1.5, 1.5, 1.5},
                (double[]) readAll(ZarrArray.open(store.resolve("inner/c"), "group.zarr/inner/c")).data());
        // an array store lists as itself
        assertEquals(List.of(""), ZarrArray.arrayPaths(store.resolve("a"), "group.zarr/a"));
        assertTrue(ZarrArray.isArray(store.resolve("inner/c")));

        ExecutorException group = assertThrows(ExecutorException.class, () -> ZarrArray.open(store, "group.zarr"));
        assertEquals("group.zarr is a Zarr group, not an array (it holds a, b, inner/c)", group.getMessage());
        ExecutorException neither = assertThrows(ExecutorException.class,
                () -> ZarrArray.arrayPaths(store.resolve("notes"), "group.zarr/notes"));
        assertTrue(neither.getMessage().contains("group.zarr/notes is not a Zarr v2 store"), neither.getMessage());
    }

    private ExecutorException openFails(String name, String zarray) throws IOException {
        Path store = dir.resolve(name);
        writeText(store.resolve(".zarray"), zarray);
        return assertThrows(ExecutorException.class, () -> ZarrArray.open(store, name));
    }

    @Test
    void refusesBloscNamingIt() throws IOException {
        ExecutorException e = openFails("blosc.zarr", zarray("[4]", "[2]", "<f8", "0", "{\"id\": \"blosc\", "
                + "\"cname\": \"lz4\", \"clevel\": 5, \"shuffle\": 1, \"blocksize\": 0}", null));
        assertEquals(ExecutorException.Kind.UNSUPPORTED, e.kind());
        assertEquals("blosc.zarr/.zarray: compressor 'blosc' is not supported (only zlib, gzip or none)",
                e.getMessage());
    }

    @Test
    void refusesFortranOrder() throws IOException {
        ExecutorException e = openFails("f.zarr", zarray("[4]", "[2]", "<f8", "0", "null", null)
                .replace("\"C\"", "\"F\""));
        assertEquals(ExecutorException.Kind.UNSUPPORTED, e.kind());
        assertEquals("f.zarr/.zarray: order 'F' is not supported (only C)", e.getMessage());
    }

    @Test
    void refusesUnsupportedDtypesFiltersFormatsAndBadJson() throws IOException {
        assertTrue(openFails("c.zarr", zarray("[4]", "[2]", "<c16", "0", "null", null)).getMessage()
                .contains("dtype '<c16' is not supported"));
        assertTrue(openFails("s.zarr", zarray("[4]", "[2]", "|S5", "0", "null", null)).getMessage()
                .contains("dtype '|S5' is not supported"));
        assertTrue(openFails("f2.zarr", zarray("[4]", "[2]", "<f2", "0", "null", null)).getMessage()
                .contains("dtype '<f2' is not supported"));
        assertTrue(openFails("filters.zarr", zarray("[4]", "[2]", "<f8", "0", "null", null)
                .replace("\"filters\": null", "\"filters\": [{\"id\": \"delta\", \"dtype\": \"<f8\"}]"))
                .getMessage().contains("filters 'delta' are not supported"));
        assertTrue(openFails("v3.zarr", zarray("[4]", "[2]", "<f8", "0", "null", null)
                .replace("\"zarr_format\": 2", "\"zarr_format\": 3")).getMessage()
                .contains("zarr_format 3 is not supported"));
        ExecutorException json = openFails("json.zarr", "{\"zarr_format\": 2, \"shape\": [4");
        assertEquals(ExecutorException.Kind.IO, json.kind());
        assertTrue(json.getMessage().startsWith("json.zarr/.zarray is not valid Zarr v2 metadata: it is not valid JSON"),
                json.getMessage());
        assertTrue(openFails("rank.zarr", zarray("[4, 4]", "[2]", "<f8", "0", "null", null)).getMessage()
                .contains("differ in rank"));
        assertTrue(openFails("zero.zarr", zarray("[4]", "[0]", "<f8", "0", "null", null)).getMessage()
                .contains("'chunks' [0] is not a list of integers of at least 1"));
        assertTrue(openFails("huge.zarr", zarray("[4, 4]", "[100000, 100000]", "<f8", "0", "null", null))
                .getMessage().contains("too large"));
    }

    @Test
    void aMissingZarrayIsAClearError() throws IOException {
        Path store = dir.resolve("empty.zarr");
        Files.createDirectories(store);
        ExecutorException e = assertThrows(ExecutorException.class, () -> ZarrArray.open(store, "empty.zarr"));
        assertEquals(ExecutorException.Kind.IO, e.kind());
        assertEquals("empty.zarr is not a Zarr v2 array: it has no .zarray", e.getMessage());
        ExecutorException absent = assertThrows(ExecutorException.class,
                () -> ZarrArray.open(dir.resolve("absent.zarr"), "absent.zarr"));
        assertEquals("Zarr store not found: absent.zarr", absent.getMessage());
        writeText(dir.resolve("v3.zarr/zarr.json"), "{\"zarr_format\": 3, \"node_type\": \"array\"}");
        assertTrue(assertThrows(ExecutorException.class, () -> ZarrArray.open(dir.resolve("v3.zarr"), "v3.zarr"))
                .getMessage().contains("Zarr v3"));
    }

    @Test
    void truncatedChunksAreErrorsNamingTheFile() throws IOException {
        Path store = dir.resolve("cut.zarr");
        writeText(store.resolve(".zarray"), zarray("[2, 4]", "[2, 2]", "<f8", "0", "null", null));
        writeBytes(store.resolve("0.1"), new byte[20]);
        ZarrArray array = ZarrArray.open(store, "cut.zarr");
        ExecutorException e = assertThrows(ExecutorException.class,
                () -> array.readChunk(new int[] {0, 1}, new TestIo()));
        assertEquals(ExecutorException.Kind.IO, e.kind());
        assertEquals("cut.zarr/0.1 is damaged: it holds 20 bytes, but a chunk of (2, 2) <f8 takes 32", e.getMessage());

        Path zlibStore = dir.resolve("cutz.zarr");
        writeText(zlibStore.resolve(".zarray"), zarray("[64]", "[64]", "<i8", "0", "{\"id\": \"zlib\", \"level\": 1}",
                null));
        long[] values = new long[64];
        Arrays.setAll(values, i -> i * 0x9E3779B97F4A7C15L);
        byte[] compressed = ZarrTestSupport.zlib(encodeLongs(values, 8, ByteOrder.LITTLE_ENDIAN));
        writeBytes(zlibStore.resolve("0"), Arrays.copyOf(compressed, compressed.length / 2));
        ZarrArray zlibArray = ZarrArray.open(zlibStore, "cutz.zarr");
        ExecutorException z = assertThrows(ExecutorException.class, () -> readAll(zlibArray));
        assertTrue(z.getMessage().startsWith("cutz.zarr/0 is damaged: its zlib data ends early"), z.getMessage());

        // a zlib chunk of the wrong size: a chunk of another shape
        writeBytes(zlibStore.resolve("0"), ZarrTestSupport.zlib(new byte[8 * 63]));
        assertTrue(assertThrows(ExecutorException.class, () -> readAll(zlibArray)).getMessage()
                .contains("it decompresses to 504 bytes, but a chunk of (64,) <i8 takes 512"));
        writeBytes(zlibStore.resolve("0"), ZarrTestSupport.zlib(new byte[8 * 65]));
        assertTrue(assertThrows(ExecutorException.class, () -> readAll(zlibArray)).getMessage()
                .contains("inflates past a chunk's size"));
        writeBytes(zlibStore.resolve("0"), new byte[] {1, 2, 3, 4, 5});
        assertTrue(assertThrows(ExecutorException.class, () -> readAll(zlibArray)).getMessage()
                .contains("does not inflate"));
    }

    @Test
    void damagedGzipChunksAreErrors() throws IOException {
        Path store = dir.resolve("badgz.zarr");
        writeText(store.resolve(".zarray"), zarray("[4]", "[4]", "<i4", "0", "{\"id\": \"gzip\", \"level\": 1}", null));
        byte[] good = ZarrTestSupport.gzip(encodeLongs(new long[] {1, 2, 3, 4}, 4, ByteOrder.LITTLE_ENDIAN));
        ZarrArray array = ZarrArray.open(store, "badgz.zarr");
        byte[] badCrc = good.clone();
        badCrc[badCrc.length - 8] ^= 1;
        writeBytes(store.resolve("0"), badCrc);
        assertTrue(assertThrows(ExecutorException.class, () -> readAll(array)).getMessage()
                .contains("gzip checksum or length does not match"));
        writeBytes(store.resolve("0"), ZarrTestSupport.zlib(new byte[16]));
        assertTrue(assertThrows(ExecutorException.class, () -> readAll(array)).getMessage()
                .contains("does not start with a gzip header"));
        writeBytes(store.resolve("0"), Arrays.copyOf(good, good.length - 8));
        assertTrue(assertThrows(ExecutorException.class, () -> readAll(array)).getMessage()
                .contains("gzip trailer is missing"));
        writeBytes(store.resolve("0"), good);
        assertArrayEquals(new int[] {1, 2, 3, 4}, (int[]) readAll(array).data());
    }
}
