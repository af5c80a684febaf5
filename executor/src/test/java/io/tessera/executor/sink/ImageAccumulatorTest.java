package io.tessera.executor.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ImageAccumulatorTest {
    private static final double NAN = Double.NaN;

    private static Box box(long row, long column, long rows, long columns) {
        return new Box(new long[] {row, column}, new long[] {rows, columns});
    }

    /** The {@code rows x columns} piece of {@code array} at ({@code row}, {@code column}) as a float64 block. */
    private static Block piece(double[][] array, int row, int column, int rows, int columns) {
        double[] data = new double[rows * columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(array[row + r], column, data, r * columns, columns);
        }
        return new Block(DType.FLOAT64, new int[] {rows, columns}, data);
    }

    /** The boxes of a grid of {@code chunkRows x chunkColumns} chunks over the array, clipped at its edges. */
    private static List<Box> chunks(int height, int width, int chunkRows, int chunkColumns) {
        List<Box> boxes = new ArrayList<>();
        for (int row = 0; row < height; row += chunkRows) {
            for (int column = 0; column < width; column += chunkColumns) {
                boxes.add(box(row, column, Math.min(chunkRows, height - row), Math.min(chunkColumns, width - column)));
            }
        }
        return boxes;
    }

    private static void addAll(ImageAccumulator image, double[][] array, List<Box> boxes) {
        for (Box box : boxes) {
            int row = (int) box.start(0);
            int column = (int) box.start(1);
            image.add(box, piece(array, row, column, (int) box.count(0), (int) box.count(1)));
        }
    }

    /** The mean of the non-NaN values of each {@code factor x factor} block, the plain way. */
    private static double[][] expectedMeans(double[][] array, int factor) {
        int height = array.length;
        int width = array[0].length;
        double[][] means = new double[(height + factor - 1) / factor][(width + factor - 1) / factor];
        for (int pr = 0; pr < means.length; pr++) {
            for (int pc = 0; pc < means[0].length; pc++) {
                double sum = 0;
                int count = 0;
                for (int r = pr * factor; r < Math.min(height, (pr + 1) * factor); r++) {
                    for (int c = pc * factor; c < Math.min(width, (pc + 1) * factor); c++) {
                        if (!Double.isNaN(array[r][c])) {
                            sum += array[r][c];
                            count++;
                        }
                    }
                }
                means[pr][pc] = count == 0 ? NAN : sum / count;
            }
        }
        return means;
    }

    private static double[][] pixels(ImageAccumulator image) {
        double[][] pixels = new double[image.imageHeight()][image.imageWidth()];
        for (int row = 0; row < pixels.length; row++) {
            for (int column = 0; column < pixels[0].length; column++) {
                pixels[row][column] = image.pixel(row, column);
            }
        }
        return pixels;
    }

    /**
     * A test field of multiples of 1/8 below 2^12 in magnitude, so that every sum is exact in any order,
     * with a NaN stripe, scattered NaNs and a fully NaN corner.
     */
    private static double[][] field(int height, int width, long seed) {
        Random random = new Random(seed);
        double[][] array = new double[height][width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                boolean nan = c == 3 || random.nextInt(10) == 0 || (r < 20 && c >= width - 20);
                array[r][c] = nan ? NAN : (random.nextInt(8000) - 3000 + r + c) / 8.0;
            }
        }
        return array;
    }

    private static void assertSizes(long height, long width, int targetWidth,
            int factor, int imageHeight, int imageWidth) {
        ImageAccumulator image = new ImageAccumulator(height, width, targetWidth);
        String shape = height + " x " + width + " to " + targetWidth;
        assertEquals(factor, image.factor(), shape);
        assertEquals(imageHeight, image.imageHeight(), shape);
        assertEquals(imageWidth, image.imageWidth(), shape);
    }

    @Test
    void downsamplingFactorAndImageSize() {
        assertSizes(5760, 11520, 1000, 12, 480, 960);
        assertSizes(5760, 11520, 0, 1, 5760, 11520);
        assertSizes(100, 100, 100, 1, 100, 100);
        assertSizes(100, 100, 250, 1, 100, 100);
        assertSizes(100, 101, 100, 2, 50, 51);
        assertSizes(10, 1000, 7, 143, 1, 7);
        assertSizes(1000, 10, 3, 4, 250, 3);
        assertSizes(1, 1, 1, 1, 1, 1);
        assertSizes(3, 5, -1, 1, 3, 5);
    }

    @Test
    void bytesForCountsTheSumsCountsAndOneRowOfWriting() {
        long pixels = 480L * 960;
        assertEquals(pixels * 12 + 960 * 8 + 512 * 1024, ImageAccumulator.bytesFor(5760, 11520, 1000));
        assertEquals(Long.MAX_VALUE, ImageAccumulator.bytesFor(Long.MAX_VALUE, Long.MAX_VALUE, 0));
        assertThrows(IllegalArgumentException.class, () -> ImageAccumulator.bytesFor(-1, 5, 0));
    }

    @Test
    void emptyAndOversizedImagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ImageAccumulator(0, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> new ImageAccumulator(5, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ImageAccumulator(100_000, 100_000, 0));
        // a width of 1 over 100 000 columns would average 10^10 elements a pixel
        assertThrows(IllegalArgumentException.class, () -> new ImageAccumulator(100_000, 100_000, 1));
    }

    @Test
    void pixelsAreMeansOfTheirBlocksLeavingNaNOut() {
        double[][] array = {
            {1, 2, 3, NAN, 5, 6, 7},
            {4, 5, NAN, NAN, 8, 9, NAN},
            {NAN, NAN, 1, 1, 0.5, 0.25, 10},
            {NAN, NAN, 1, 2, -1, -2, 20},
            {6, 8, NAN, 9, 1, 1, NAN},
        };
        ImageAccumulator image = new ImageAccumulator(5, 7, 4);
        assertEquals(2, image.factor());
        assertEquals(3, image.imageHeight());
        assertEquals(4, image.imageWidth());
        addAll(image, array, List.of(box(0, 0, 5, 7)));
        double[][] expected = {
            {3, 3, 7, 7},
            {NAN, 1.25, -0.5625, 15},
            {7, 9, 1, NAN},
        };
        for (int row = 0; row < 3; row++) {
            assertArrayEquals(expected[row], pixels(image)[row], "row " + row);
        }
        assertEquals(-0.5625, image.min());
        assertEquals(15, image.max());
    }

    @Test
    void everyDTypeIsRead() {
        ImageAccumulator image = new ImageAccumulator(2, 2, 1);
        assertEquals(2, image.factor());
        image.add(box(0, 0, 1, 1), new Block(DType.UINT8, new int[] {1, 1}, new byte[] {(byte) 200}));
        image.add(box(0, 1, 1, 1), new Block(DType.INT16, new int[] {1, 1}, new short[] {-40}));
        image.add(box(1, 0, 1, 1), new Block(DType.FLOAT32, new int[] {1, 1}, new float[] {0.5f}));
        image.add(box(1, 1, 1, 1), new Block(DType.BOOL, new int[] {1, 1}, new byte[] {1}));
        assertEquals((200 - 40 + 0.5 + 1) / 4, image.pixel(0, 0));

        ImageAccumulator floats = new ImageAccumulator(1, 3, 0);
        floats.add(box(0, 0, 1, 3), new Block(DType.FLOAT32, new int[] {1, 3}, new float[] {1.5f, Float.NaN, 2}));
        assertArrayEquals(new double[] {1.5, NAN, 2}, pixels(floats)[0]);
    }

    @Test
    void boxesInAnyOrderFromFourThreadsGiveTheSameImage() throws Exception {
        int height = 1000;
        int width = 1500;
        double[][] array = field(height, width, 3);
        // chunks of 97 x 113 straddle the blocks of factor 8, so most pixels gather values from several boxes
        List<Box> boxes = chunks(height, width, 97, 113);

        ImageAccumulator inOrder = new ImageAccumulator(height, width, 200);
        assertEquals(8, inOrder.factor());
        addAll(inOrder, array, boxes);

        List<Box> shuffled = new ArrayList<>(boxes);
        Collections.shuffle(shuffled, new Random(4));
        ImageAccumulator concurrent = new ImageAccumulator(height, width, 200);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Box> share = shuffled.subList(t * shuffled.size() / 4, (t + 1) * shuffled.size() / 4);
                done.add(threads.submit(() -> addAll(concurrent, array, share)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }

        double[][] expected = expectedMeans(array, 8);
        double[][] sequential = pixels(inOrder);
        double[][] parallel = pixels(concurrent);
        for (int row = 0; row < expected.length; row++) {
            assertArrayEquals(expected[row], sequential[row], "row " + row + " in order");
            assertArrayEquals(expected[row], parallel[row], "row " + row + " from four threads");
        }
        assertTrue(Double.isNaN(parallel[0][parallel[0].length - 1]), "the NaN corner");
        ColorMap rdBuR = ColorMap.named("RdBu_r").orElseThrow();
        assertArrayEquals(png(inOrder, rdBuR, -100, 100), png(concurrent, rdBuR, -100, 100));
    }

    private static byte[] png(ImageAccumulator image, ColorMap cmap, double vmin, double vmax) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        image.writePng(out, cmap, vmin, vmax);
        return out.toByteArray();
    }

    @Test
    void minAndMaxLeaveNaNAndInfinityOut() {
        ImageAccumulator image = new ImageAccumulator(1, 5, 0);
        assertTrue(Double.isNaN(image.min()), "no values yet");
        assertTrue(Double.isNaN(image.max()), "no values yet");
        image.add(box(0, 0, 1, 5), new Block(DType.FLOAT64, new int[] {1, 5},
                new double[] {NAN, 4, Double.NEGATIVE_INFINITY, -3, Double.POSITIVE_INFINITY}));
        assertEquals(-3, image.min());
        assertEquals(4, image.max());

        ImageAccumulator allNaN = new ImageAccumulator(2, 2, 0);
        allNaN.add(box(0, 0, 2, 2), new Block(DType.FLOAT64, new int[] {2, 2}, new double[] {NAN, NAN, NAN, NAN}));
        assertTrue(Double.isNaN(allNaN.min()));
        assertTrue(Double.isNaN(allNaN.max()));
    }

    @Test
    void boxesThatDoNotFitAreRefused() {
        ImageAccumulator image = new ImageAccumulator(4, 4, 0);
        Block twoByTwo = Block.allocate(DType.FLOAT64, new int[] {2, 2});
        assertThrows(IllegalArgumentException.class, () -> image.add(box(3, 0, 2, 2), twoByTwo));
        assertThrows(IllegalArgumentException.class, () -> image.add(box(0, -1, 2, 2), twoByTwo));
        assertThrows(IllegalArgumentException.class, () -> image.add(box(0, 0, 2, 1), twoByTwo));
        assertThrows(IllegalArgumentException.class,
                () -> image.add(new Box(new long[] {0, 0, 0}, new long[] {2, 2, 1}),
                        twoByTwo.reshape(new int[] {2, 2, 1})));
        image.add(box(2, 2, 2, 2), twoByTwo);
        assertEquals(0, image.pixel(3, 3));
        assertTrue(Double.isNaN(image.pixel(0, 0)), "nothing added there");
    }

    @Test
    void thePngShowsEachPixelMeanInItsColourRowZeroAtTheTop() throws IOException {
        int height = 301;
        int width = 203;
        double[][] array = field(height, width, 5);
        ImageAccumulator image = new ImageAccumulator(height, width, 70);
        assertEquals(3, image.factor());
        addAll(image, array, chunks(height, width, 50, 64));
        double[][] expected = expectedMeans(array, 3);

        ColorMap viridis = ColorMap.named("viridis").orElseThrow();
        double vmin = image.min();
        double vmax = image.max();
        int[][] decoded = PngWriterTest.decode(png(image, viridis, vmin, vmax));
        assertEquals(101, decoded.length, "height");
        assertEquals(68, decoded[0].length, "width");
        int transparent = 0;
        for (int row = 0; row < decoded.length; row++) {
            for (int column = 0; column < decoded[0].length; column++) {
                int rgba = viridis.rgba(expected[row][column], vmin, vmax);
                assertEquals(rgba, decoded[row][column], "pixel " + row + ", " + column);
                transparent += rgba == ColorMap.TRANSPARENT ? 1 : 0;
            }
        }
        assertTrue(transparent > 0, "the NaN corner is transparent");
        assertThrows(IllegalArgumentException.class, () -> image.writePng(new ByteArrayOutputStream(), viridis, 1, 0));
    }
}
