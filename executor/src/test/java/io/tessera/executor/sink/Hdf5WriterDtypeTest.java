package io.tessera.executor.sink;

import static io.tessera.executor.sink.Hdf5WriterFixtures.assertJhdfReads;
import static io.tessera.executor.sink.Hdf5WriterFixtures.assertSameBlock;
import static io.tessera.executor.sink.Hdf5WriterFixtures.readWithEngine;
import static io.tessera.executor.sink.Hdf5WriterFixtures.values;
import static io.tessera.executor.sink.Hdf5WriterFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.message.DataLayout;
import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every dtype round-trips, contiguous and chunked (plain, shuffled, deflated), in 0 to 3 dimensions. */
class Hdf5WriterDtypeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyLayoutOfADtypeReadsBack(DType dtype) throws Exception {
        Path file = dir.resolve(dtype + ".h5");
        int[] shape2 = {13, 7};
        long[] chunks2 = {4, 3};
        Block scalar = values(dtype, new int[0], 1);
        Block line = values(dtype, new int[] {29}, 2);
        Block flat = values(dtype, shape2, 3);
        Block plain = values(dtype, shape2, 4);
        Block gzip = values(dtype, shape2, 5);
        Block both = values(dtype, shape2, 6);
        Block cube = values(dtype, new int[] {5, 6, 7}, 7);
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            write(writer.create("scalar", dtype, new long[0], null, -1, false), scalar, new long[0]);
            write(writer.create("/line", dtype, new long[] {29}, new long[] {8}, 6, true), line, new long[] {8});
            write(writer.create("flat", dtype, new long[] {13, 7}, null, -1, false), flat, new long[] {5, 7});
            write(writer.create("plain", dtype, new long[] {13, 7}, chunks2, -1, false), plain, chunks2);
            write(writer.create("gzip", dtype, new long[] {13, 7}, chunks2, 1, false), gzip, chunks2);
            write(writer.create("both", dtype, new long[] {13, 7}, chunks2, 9, true), both, chunks2);
            write(writer.create("cube", dtype, new long[] {5, 6, 7}, new long[] {2, 3, 4}, -1, true), cube,
                    new long[] {2, 3, 4});
            writer.finish();
        }
        Map<String, Block> expected = Map.of("scalar", scalar, "line", line, "flat", flat, "plain", plain,
                "gzip", gzip, "both", both, "cube", cube);
        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(expected.keySet(), hdf.getChildren().keySet());
            for (Map.Entry<String, Block> entry : expected.entrySet()) {
                String name = "/" + entry.getKey();
                assertJhdfReads(hdf, name, entry.getValue());
                assertDatatype(hdf.getDatasetByPath(name).getDataType(), dtype);
            }
            assertTrue(hdf.getDatasetByPath("/scalar").isScalar());
            assertEquals(DataLayout.CONTIGUOUS, hdf.getDatasetByPath("/flat").getDataLayout());
            assertFilters(hdf.getDatasetByPath("/plain"), new long[] {4, 3});
            assertFilters(hdf.getDatasetByPath("/gzip"), new long[] {4, 3}, 1, 1);
            assertFilters(hdf.getDatasetByPath("/both"), new long[] {4, 3}, 2, dtype.itemSize(), 1, 9);
            assertFilters(hdf.getDatasetByPath("/line"), new long[] {8}, 2, dtype.itemSize(), 1, 6);
            assertFilters(hdf.getDatasetByPath("/cube"), new long[] {2, 3, 4}, 2, dtype.itemSize());
        }
        for (Map.Entry<String, Block> entry : expected.entrySet()) {
            assertSameBlock(entry.getValue(), readWithEngine(file, entry.getKey()), "engine " + entry.getKey());
        }
        // a box across chunk edges, read through the engine's chunk index
        Block middle = readWithEngine(file, "both", new Box(new long[] {3, 2}, new long[] {9, 5}));
        assertSameBlock(Hdf5WriterFixtures.cut(both, new long[] {3, 2}, new long[] {9, 5}), middle, "engine box");
    }

    private static void assertDatatype(DataType type, DType dtype) {
        assertEquals(dtype.itemSize(), type.getSize(), dtype + " size");
        switch (dtype.kind()) {
            case BOOL -> {
                EnumDataType enumType = assertInstanceOf(EnumDataType.class, type);
                assertEquals(Map.of(0, "FALSE", 1, "TRUE"), enumType.getEnumMapping());
                FixedPoint base = assertInstanceOf(FixedPoint.class, enumType.getBaseType());
                assertTrue(base.isSigned(), "h5py's bool enum is over int8");
            }
            case SIGNED, UNSIGNED -> {
                FixedPoint fixed = assertInstanceOf(FixedPoint.class, type);
                assertEquals(dtype.kind() == DType.Kind.SIGNED, fixed.isSigned(), dtype + " signedness");
                assertEquals(ByteOrder.LITTLE_ENDIAN, fixed.getByteOrder());
                assertEquals(8 * dtype.itemSize(), fixed.getBitPrecision());
            }
            case FLOAT -> {
                FloatingPoint floating = assertInstanceOf(FloatingPoint.class, type);
                assertEquals(ByteOrder.LITTLE_ENDIAN, floating.getByteOrder());
            }
        }
    }

    /** Asserts the chunk shape and the filters, given as id, client value pairs in pipeline order. */
    private static void assertFilters(Dataset dataset, long[] chunks, int... idsAndValues) {
        assertEquals(DataLayout.CHUNKED, dataset.getDataLayout(), dataset.getPath());
        int[] chunkShape = ((ChunkedDataset) dataset).getChunkDimensions();
        long[] actual = new long[chunkShape.length];
        for (int axis = 0; axis < actual.length; axis++) {
            actual[axis] = chunkShape[axis];
        }
        assertArrayEquals(chunks, actual, dataset.getPath() + " chunks");
        List<PipelineFilterWithData> filters = dataset.getFilters();
        assertEquals(idsAndValues.length / 2, filters.size(), dataset.getPath() + " filters " + filters);
        for (int i = 0; i < filters.size(); i++) {
            assertEquals(idsAndValues[2 * i], filters.get(i).getId(), dataset.getPath() + " filter " + i);
            assertArrayEquals(new int[] {idsAndValues[2 * i + 1]}, filters.get(i).getFilterData());
        }
    }
}
