package io.tessera.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkGridTest {
    @Test
    void regularGridsEndWithASmallerChunk() {
        ChunkGrid grid = ChunkGrid.regular(new long[] {180, 360}, new long[] {23, 90});
        assertEquals(8, grid.chunkCount(0));
        assertEquals(19, grid.chunkSize(0, 7));
        assertEquals(7, grid.chunkOf(0, 179));
        assertEquals("(7*23+19, 4*90)", grid.toString());
        assertEquals(32, grid.totalChunks());
    }

    @Test
    void splitClipsChunksToTheBox() {
        ChunkGrid grid = ChunkGrid.regular(new long[] {10}, new long[] {4});
        List<Box> pieces = grid.split(new Box(new long[] {3}, new long[] {6}));
        assertEquals(List.of(new Box(new long[] {3}, new long[] {1}), new Box(new long[] {4}, new long[] {4}),
                new Box(new long[] {8}, new long[] {1})), pieces);
    }

    @Test
    void autoChunksKeepTrailingAxesWhole() {
        ChunkGrid grid = ChunkGrids.auto(new long[] {20000, 20000}, 8, 8_000_000);
        assertArrayEquals(new long[] {0, 50}, new long[] {grid.chunkStart(0, 0), grid.chunkSize(0, 0)});
        assertEquals(20000, grid.chunkSize(1, 0));
    }

    @Test
    void stridedSelectionsDoNotMakeAChunkPerElement() {
        ChunkGrid input = ChunkGrid.regular(new long[] {1_000_000}, new long[] {1000});
        Selection every1000th = new Selection(List.of(AxisSelection.slice(null, null, 1000L, 1_000_000)), new int[] {0});
        ChunkGrid selected = ChunkGrids.select(input, every1000th);
        assertEquals(2, selected.chunkCount(0));
        Selection everyOther = new Selection(List.of(AxisSelection.slice(null, null, 2L, 1_000_000)), new int[] {0});
        assertEquals(1000, ChunkGrids.select(input, everyOther).chunkCount(0));
    }

    @Test
    void flatRangesSplitIntoFewBoxes() {
        long[] shape = {4, 5, 6};
        List<Box> boxes = FlatRuns.boxes(shape, 7, 100);
        long covered = boxes.stream().mapToLong(Box::size).sum();
        assertEquals(93, covered);
        assertEquals(new Box(new long[] {0, 1, 1}, new long[] {1, 1, 5}), boxes.get(0));
    }
}
