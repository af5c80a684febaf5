package io.tessera.executor.sink;

import static io.tessera.executor.sink.Hdf5WriterFixtures.assertSameBlock;
import static io.tessera.executor.sink.Hdf5WriterFixtures.readWithEngine;
import static io.tessera.executor.sink.Hdf5WriterFixtures.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writer refuses: bad names and layouts, boxes that are not chunks, unfinished datasets, late calls. */
class Hdf5WriterValidationTest {
    @TempDir
    Path dir;

    @Test
    void finishRefusesAMissingChunkAndSucceedsOnceItIsWritten() throws Exception {
        Path file = dir.resolve("missing.h5");
        Block whole = values(DType.INT32, new int[] {5, 4}, 1);
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            Hdf5Writer.Dataset dataset = writer.create("x", DType.INT32, new long[] {5, 4}, new long[] {2, 3}, 1, true);
            for (Box box : Hdf5WriterFixtures.grid(new long[] {5, 4}, new long[] {2, 3})) {
                if (box.start(0) != 4 || box.start(1) != 3) {
                    dataset.writeBox(box, Hdf5WriterFixtures.cut(whole, box.start(), box.count()));
                }
            }
            IllegalStateException missing = assertThrows(IllegalStateException.class, writer::finish);
            assertTrue(missing.getMessage().contains("[4:5, 3:4]"), missing.getMessage());
            Box last = new Box(new long[] {4, 3}, new long[] {1, 1});
            dataset.writeBox(last, Hdf5WriterFixtures.cut(whole, last.start(), last.count()));
            writer.finish();
        }
        assertSameBlock(whole, readWithEngine(file, "x"), "engine x");
    }

    @Test
    void chunkedBoxesMustBeExactlyOneChunk() throws Exception {
        try (Hdf5Writer writer = new Hdf5Writer(dir.resolve("boxes.h5"))) {
            DType dtype = DType.FLOAT32;
            Hdf5Writer.Dataset dataset = writer.create("x", dtype, new long[] {10, 7}, new long[] {4, 3}, -1, false);
            assertRefused(dataset, dtype, new long[] {1, 0}, new long[] {4, 3}); // not on the grid
            assertRefused(dataset, dtype, new long[] {0, 0}, new long[] {4, 2}); // part of a chunk
            assertRefused(dataset, dtype, new long[] {0, 0}, new long[] {8, 3}); // two chunks
            assertRefused(dataset, dtype, new long[] {8, 6}, new long[] {4, 3}); // past the edge
            assertRefused(dataset, dtype, new long[] {8, 3}, new long[] {1, 3}); // the edge chunk is 2 long
            assertRefused(dataset, dtype, new long[] {12, 0}, new long[] {0, 3}); // outside
            assertRefused(dataset, dtype, new long[] {0}, new long[] {4}); // wrong rank
            Box box = new Box(new long[] {0, 0}, new long[] {4, 3});
            assertThrows(IllegalArgumentException.class,
                    () -> dataset.writeBox(box, Block.allocate(DType.FLOAT64, new int[] {4, 3})), "wrong dtype");
            assertThrows(IllegalArgumentException.class,
                    () -> dataset.writeBox(box, Block.allocate(DType.FLOAT32, new int[] {3, 4})), "wrong block shape");
            // the edge chunk, clipped, is accepted
            dataset.writeBox(new Box(new long[] {8, 6}, new long[] {2, 1}), Block.allocate(DType.FLOAT32, new int[] {2, 1}));
        }
    }

    @Test
    void contiguousBoxesMustLieInsideTheArray() throws Exception {
        try (Hdf5Writer writer = new Hdf5Writer(dir.resolve("contiguous.h5"))) {
            DType dtype = DType.INT64;
            Hdf5Writer.Dataset dataset = writer.create("x", dtype, new long[] {6, 5}, null, -1, false);
            assertRefused(dataset, dtype, new long[] {5, 0}, new long[] {2, 5});
            assertRefused(dataset, dtype, new long[] {-1, 0}, new long[] {1, 5});
            assertRefused(dataset, dtype, new long[] {0, 4}, new long[] {1, 2});
            dataset.writeBox(new Box(new long[] {1, 2}, new long[] {3, 3}), Block.allocate(DType.INT64, new int[] {3, 3}));
        }
    }

    private static void assertRefused(Hdf5Writer.Dataset dataset, DType dtype, long[] start, long[] count) {
        int[] shape = new int[count.length];
        for (int axis = 0; axis < count.length; axis++) {
            shape[axis] = (int) Math.max(0, count[axis]);
        }
        Block block = Block.allocate(dtype, shape);
        assertThrows(IllegalArgumentException.class, () -> dataset.writeBox(new Box(start, count), block),
                () -> "box " + new Box(start, count));
    }

    @Test
    void createRefusesBadNamesAndLayouts() throws Exception {
        try (Hdf5Writer writer = new Hdf5Writer(dir.resolve("create.h5"))) {
            writer.create("/x", DType.INT8, new long[] {3}, null, -1, false);
            assertThrows(IllegalArgumentException.class, () -> writer.create("x", DType.INT8, new long[] {3}, null, -1, false),
                    "duplicate (with and without the slash)");
            assertThrows(IllegalArgumentException.class, () -> writer.create("a/b", DType.INT8, new long[] {3}, null, -1, false));
            assertThrows(IllegalArgumentException.class, () -> writer.create("/a/b", DType.INT8, new long[] {3}, null, -1, false));
            assertThrows(IllegalArgumentException.class, () -> writer.create("/", DType.INT8, new long[] {3}, null, -1, false));
            assertThrows(IllegalArgumentException.class, () -> writer.create("", DType.INT8, new long[] {3}, null, -1, false));
            assertThrows(IllegalArgumentException.class, () -> writer.create("c", DType.INT8, new long[] {3}, null, 4, false),
                    "deflate without chunks");
            assertThrows(IllegalArgumentException.class, () -> writer.create("c", DType.INT8, new long[] {3}, null, -1, true),
                    "shuffle without chunks");
            assertThrows(IllegalArgumentException.class, () -> writer.create("c", DType.INT8, new long[0], new long[0], -1, false),
                    "chunked scalar");
            assertThrows(IllegalArgumentException.class, () -> writer.create("c", DType.INT8, new long[] {3}, new long[] {0}, -1, false),
                    "chunk length 0");
            assertThrows(IllegalArgumentException.class, () -> writer.create("c", DType.INT8, new long[] {3}, new long[] {1, 1}, -1, false),
                    "chunk rank");
            assertThrows(IllegalArgumentException.class, () -> writer.create("c", DType.INT8, new long[] {3}, new long[] {1}, 10, false),
                    "deflate level 10");
            assertThrows(IllegalArgumentException.class, () -> writer.create("c", DType.INT8, new long[] {3}, new long[] {1}, -2, false),
                    "deflate level -2");
            assertThrows(IllegalArgumentException.class, () -> writer.create("c", DType.INT8, new long[] {-1}, null, -1, false),
                    "negative length");
            assertThrows(IllegalArgumentException.class,
                    () -> writer.create("c", DType.FLOAT64, new long[] {1L << 40, 1L << 30}, null, -1, false), "too large");
            assertThrows(IllegalArgumentException.class,
                    () -> writer.create("c", DType.FLOAT64, new long[] {1L << 20, 1L << 20}, new long[] {1 << 15, 1 << 15}, -1, false),
                    "chunks over 1 GiB");
            // the refused names left no trace: "c" is still free
            writer.create("c", DType.INT8, new long[] {3}, new long[] {2}, 9, true);
        }
    }

    @Test
    void nothingIsAcceptedAfterFinish() throws Exception {
        Path file = dir.resolve("late.h5");
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            Hdf5Writer.Dataset dataset = writer.create("x", DType.UINT16, new long[] {2}, null, -1, false);
            dataset.writeBox(new Box(new long[] {0}, new long[] {2}), Block.allocate(DType.UINT16, new int[] {2}));
            writer.finish();
            assertThrows(IllegalStateException.class,
                    () -> dataset.writeBox(new Box(new long[] {0}, new long[] {2}), Block.allocate(DType.UINT16, new int[] {2})));
            assertThrows(IllegalStateException.class, () -> writer.create("y", DType.UINT16, new long[] {2}, null, -1, false));
            assertThrows(IllegalStateException.class, writer::finish);
        }
        assertEquals(2, readWithEngine(file, "x").size());
    }

    @Test
    void closeWithoutFinishLeavesNoValidFile() throws Exception {
        Path file = dir.resolve("abandoned.h5");
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            writer.create("x", DType.INT32, new long[] {3}, null, -1, false);
        }
        // no superblock was written: readers refuse the file rather than read garbage
        byte[] start = Files.readAllBytes(file);
        assertTrue(start.length == 0 || start[1] != 'H', "no HDF5 signature");
        assertThrows(RuntimeException.class, () -> readWithEngine(file, "x"));
    }
}
