package io.tessera.executor.sink;

import static io.tessera.executor.sink.Hdf5WriterFixtures.assertJhdfReads;
import static io.tessera.executor.sink.Hdf5WriterFixtures.assertSameBlock;
import static io.tessera.executor.sink.Hdf5WriterFixtures.readBytes;
import static io.tessera.executor.sink.Hdf5WriterFixtures.readWithEngine;
import static io.tessera.executor.sink.Hdf5WriterFixtures.values;
import static io.tessera.executor.sink.Hdf5WriterFixtures.write;
import static io.tessera.executor.sink.Hdf5WriterFixtures.writeConcurrently;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.object.message.DataLayoutMessage;
import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import io.tessera.executor.storage.Hdf5File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes, layouts, many chunks, many datasets and concurrent writers, read back through jhdf and the engine. */
class Hdf5WriterLayoutTest {
    @TempDir
    Path dir;

    @Test
    void boxesFromSeveralThreadsInShuffledOrder() throws Exception {
        Path file = dir.resolve("threads.h5");
        Block cube = values(DType.FLOAT64, new int[] {37, 50, 23}, 1);
        Block slab = values(DType.INT32, new int[] {37, 50, 23}, 2);
        Block wide = values(DType.UINT8, new int[] {64, 257}, 3);
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            Hdf5Writer.Dataset chunked = writer.create("cube", DType.FLOAT64, new long[] {37, 50, 23},
                    new long[] {8, 16, 5}, 4, true);
            Hdf5Writer.Dataset contiguous = writer.create("slab", DType.INT32, new long[] {37, 50, 23}, null, -1, false);
            Hdf5Writer.Dataset rows = writer.create("wide", DType.UINT8, new long[] {64, 257}, null, -1, false);
            writeConcurrently(chunked, cube, new long[] {8, 16, 5}, 4, 1);
            // boxes that cut every axis, so each is written in many runs
            writeConcurrently(contiguous, slab, new long[] {10, 9, 4}, 4, 2);
            writeConcurrently(rows, wide, new long[] {1, 257}, 3, 3);
            writer.finish();
        }
        try (HdfFile hdf = new HdfFile(file)) {
            assertJhdfReads(hdf, "/cube", cube);
            assertJhdfReads(hdf, "/slab", slab);
            assertJhdfReads(hdf, "/wide", wide);
        }
        assertSameBlock(cube, readWithEngine(file, "/cube"), "engine cube");
        assertSameBlock(slab, readWithEngine(file, "slab"), "engine slab");
        assertSameBlock(wide, readWithEngine(file, "wide"), "engine wide");
    }

    @Test
    void zeroLengthAxes() throws Exception {
        Path file = dir.resolve("empty.h5");
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            Hdf5Writer.Dataset contiguous = writer.create("contiguous", DType.FLOAT64, new long[] {0, 5}, null, -1, false);
            writer.create("chunked", DType.INT32, new long[] {4, 0, 3}, new long[] {2, 2, 2}, 5, true);
            writer.create("vector", DType.BOOL, new long[] {0}, new long[] {3}, -1, false);
            // an empty box is a valid (empty) write of a contiguous dataset
            contiguous.writeBox(new Box(new long[] {0, 0}, new long[] {0, 5}), Block.allocate(DType.FLOAT64, new int[] {0, 5}));
            writer.finish();
        }
        try (HdfFile hdf = new HdfFile(file)) {
            assertArrayEquals(new long[] {0, 5}, hdf.getDatasetByPath("/contiguous").getDimensionsAsLong());
            assertArrayEquals(new long[] {4, 0, 3}, hdf.getDatasetByPath("/chunked").getDimensionsAsLong());
            assertArrayEquals(new int[] {2, 2, 2}, ((ChunkedDataset) hdf.getDatasetByPath("/chunked")).getChunkDimensions());
            assertEquals(0, hdf.getDatasetByPath("/vector").getSize());
        }
        try (Hdf5File hdf = Hdf5File.open(file, "empty.h5")) {
            assertArrayEquals(new long[] {0, 5}, hdf.dataset("contiguous").shape());
            assertArrayEquals(new long[] {4, 0, 3}, hdf.dataset("chunked").shape());
            assertEquals(DType.BOOL, hdf.dataset("vector").dtype());
        }
        assertEquals(0, readWithEngine(file, "chunked").size());
    }

    @Test
    void oneDimensionalAndScalar() throws Exception {
        Path file = dir.resolve("line.h5");
        Block line = values(DType.INT64, new int[] {1000}, 1);
        Block gzip = values(DType.FLOAT32, new int[] {1000}, 2);
        Block scalar = values(DType.UINT64, new int[0], 1);
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            write(writer.create("line", DType.INT64, new long[] {1000}, null, -1, false), line, new long[] {77});
            write(writer.create("gzip", DType.FLOAT32, new long[] {1000}, new long[] {128}, 6, false), gzip,
                    new long[] {128});
            write(writer.create("scalar", DType.UINT64, new long[0], null, -1, false), scalar, new long[0]);
            writer.finish();
        }
        try (HdfFile hdf = new HdfFile(file)) {
            assertJhdfReads(hdf, "/line", line);
            assertJhdfReads(hdf, "/gzip", gzip);
            assertJhdfReads(hdf, "/scalar", scalar);
            assertEquals(List.of(1), hdf.getDatasetByPath("/gzip").getFilters().stream().map(f -> f.getId()).toList());
        }
        assertSameBlock(line, readWithEngine(file, "line"), "engine line");
        assertSameBlock(gzip, readWithEngine(file, "gzip"), "engine gzip");
        assertSameBlock(scalar, readWithEngine(file, "scalar"), "engine scalar");
    }

    @Test
    void manyChunksMakeAMultiLevelChunkTree() throws Exception {
        Path file = dir.resolve("chunks.h5");
        Block tiny = values(DType.INT16, new int[] {75, 90}, 1);
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            writeConcurrently(writer.create("tiny", DType.INT16, new long[] {75, 90}, new long[] {1, 1}, -1, false),
                    tiny, new long[] {1, 1}, 2, 7);
            writer.finish();
        }
        try (HdfFile hdf = new HdfFile(file)) {
            Dataset dataset = hdf.getDatasetByPath("/tiny");
            long root = ((io.jhdf.AbstractNode) dataset).getHeader()
                    .getMessageOfType(DataLayoutMessage.ChunkedDataLayoutMessage.class).getBTreeAddress();
            // 6750 chunks: 106 leaves of at most 64, 2 nodes above them, then the root
            ByteBuffer node = readBytes(file, root, 8);
            assertEquals("TREE", StandardCharsets.US_ASCII.decode(node.slice(0, 4)).toString());
            assertEquals(1, node.get(4), "node type");
            assertEquals(2, node.get(5), "root level");
            assertEquals(2, node.getShort(6), "root children");
            assertJhdfReads(hdf, "/tiny", tiny);
        }
        assertSameBlock(tiny, readWithEngine(file, "tiny"), "engine tiny");
    }

    @Test
    void aHundredDatasets() throws Exception {
        Path file = dir.resolve("hundred.h5");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(5));
        Block[] blocks = new Block[100];
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            for (int i : order) {
                DType dtype = DType.values()[i % DType.values().length];
                blocks[i] = values(dtype, new int[] {i % 5 + 1, 4}, i);
                long[] chunks = i % 2 == 0 ? null : new long[] {2, 3};
                write(writer.create(String.format("d%03d", i), dtype, new long[] {i % 5 + 1, 4}, chunks,
                        i % 4 == 1 ? 3 : -1, false), blocks[i], chunks == null ? new long[] {1, 4} : chunks);
            }
            writer.finish();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            names.add(String.format("/d%03d", i));
        }
        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(100, hdf.getChildren().size());
            for (int i = 0; i < 100; i++) {
                assertJhdfReads(hdf, names.get(i), blocks[i]);
            }
        }
        try (Hdf5File hdf = Hdf5File.open(file, "hundred.h5")) {
            assertEquals(names, hdf.datasetPaths(), "the group lists its members in name order");
        }
        for (int i = 0; i < 100; i += 9) {
            assertSameBlock(blocks[i], readWithEngine(file, names.get(i)), "engine " + names.get(i));
        }
    }

    @Test
    void manyDatasetsMakeAMultiLevelGroupTree() throws Exception {
        Path file = dir.resolve("members.h5");
        Block block = values(DType.FLOAT32, new int[] {3}, 1);
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            for (int i = 299; i >= 0; i--) {
                write(writer.create("m" + i, DType.FLOAT32, new long[] {3}, null, -1, false), block, new long[] {3});
            }
            writer.finish();
        }
        // the superblock's root entry caches the group's B-tree address in its scratch pad
        long btree = readBytes(file, 80, 8).getLong();
        ByteBuffer root = readBytes(file, btree, 8);
        assertEquals(0, root.get(4), "group node type");
        assertEquals(1, root.get(5), "300 members in 38 nodes of 8: two levels");
        assertEquals(Files.size(file), readBytes(file, 40, 8).getLong(), "end-of-file address");
        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(300, hdf.getChildren().size());
            for (int i = 0; i < 300; i += 13) {
                assertJhdfReads(hdf, "/m" + i, block);
            }
        }
        assertSameBlock(block, readWithEngine(file, "m299"), "engine m299");
    }

    @Test
    void chunksLongerThanAnAxisAreStoredClipped() throws Exception {
        Path file = dir.resolve("clipped.h5");
        Block block = values(DType.UINT32, new int[] {10, 6}, 1);
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            Hdf5Writer.Dataset dataset = writer.create("x", DType.UINT32, new long[] {10, 6}, new long[] {100, 4}, 1, true);
            write(dataset, block, new long[] {100, 4});
            writer.finish();
        }
        try (HdfFile hdf = new HdfFile(file)) {
            assertArrayEquals(new int[] {10, 4}, ((ChunkedDataset) hdf.getDatasetByPath("/x")).getChunkDimensions());
            assertJhdfReads(hdf, "/x", block);
        }
        assertSameBlock(block, readWithEngine(file, "x"), "engine x");
    }

    @Test
    void aChunkWrittenTwiceKeepsTheLastCopy() throws Exception {
        Path file = dir.resolve("twice.h5");
        Block first = values(DType.INT8, new int[] {4}, 1);
        Block second = values(DType.INT8, new int[] {4}, 2);
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            Hdf5Writer.Dataset dataset = writer.create("x", DType.INT8, new long[] {4}, new long[] {4}, -1, false);
            dataset.writeBox(new Box(new long[] {0}, new long[] {4}), first);
            dataset.writeBox(new Box(new long[] {0}, new long[] {4}), second);
            writer.finish();
        }
        assertTrue(!java.util.Arrays.equals((byte[]) first.data(), (byte[]) second.data()), "the copies differ");
        assertSameBlock(second, readWithEngine(file, "x"), "engine x");
    }
}
