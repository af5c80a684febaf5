package io.tessera.executor.sink;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects a 2-D array (height x width) that arrives as boxes, in any order and from several threads,
 * into a downsampled pixel grid, and writes it as a PNG.
 *
 * <p>The array is cut into square blocks of {@code factor x factor} elements (smaller at the bottom and
 * right edges); each block becomes one pixel, the mean of its values that are not NaN, or NaN when
 * all are. Per pixel it keeps the sum of those values and how many there are; nothing else grows with
 * the array.
 *
 * <p>Pixel rows share a few locks: {@link #add} from many threads at once is safe, and so are the
 * readers ({@link #pixel}, {@link #min}, {@link #max}, {@link #writePng}), which see the whole array
 * once the last {@code add} has returned.
 *
 * <p>Values are summed in the order their boxes arrive, so boxes added in another order may change a
 * mean in its last bits (and, rarely, the colour of a mean that sits on a level boundary).
 */
public final class ImageAccumulator {
    /** Per pixel: the sum (a double) and the count (an int) of its values that are not NaN. */
    private static final long BYTES_PER_PIXEL = Double.BYTES + Integer.BYTES;

    /** While writing, per pixel of the image's width: a row of colours, and that row as PNG bytes. */
    private static final long WRITE_BYTES_PER_COLUMN = Integer.BYTES + 4;

    /**
     * While writing: the IDAT chunk buffer, and zlib's state at deflate level 6 (256 KiB, outside the
     * Java heap); always: the lock stripes. Rounded up.
     */
    private static final long FIXED_BYTES = 512 * 1024;

    /** Rows of pixels share this many locks, so that boxes in different rows rarely wait on each other. */
    private static final int LOCK_STRIPES = 64;

    /** The longest Java array that every JVM allocates. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final long height;
    private final long width;
    private final int factor;
    private final int imageHeight;
    private final int imageWidth;
    /** Row-major per pixel, guarded by the lock of the pixel's row. */
    private final double[] sums;
    private final int[] counts;
    private final Object[] locks = new Object[LOCK_STRIPES];

    /**
     * An empty image of a {@code height x width} array, downsampled so that it is at most
     * {@code targetWidth} pixels wide: {@code factor = ceil(width / targetWidth)} when {@code targetWidth > 0}
     * and smaller than {@code width}, else 1 (full resolution); the image is {@code ceil(height / factor)}
     * by {@code ceil(width / factor)} pixels.
     *
     * @throws IllegalArgumentException when the array is empty (a PNG cannot be), or the image or its
     *     blocks are too large to hold (more than about 2^31 pixels, or more than 2^31 - 1 elements a
     *     pixel)
     */
    public ImageAccumulator(long height, long width, int targetWidth) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "cannot make an image of an empty array (" + height + " x " + width + ")");
        }
        long factor = factor(width, targetWidth);
        long imageHeight = ceilDiv(height, factor);
        long imageWidth = ceilDiv(width, factor);
        if (factor > Integer.MAX_VALUE
                || multiplySaturated(Math.min(factor, height), Math.min(factor, width)) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("downsampling " + height + " x " + width + " by " + factor
                    + " would average more than 2^31 - 1 elements a pixel; ask for a wider image");
        }
        if (multiplySaturated(imageHeight, imageWidth) > MAX_ARRAY_LENGTH || imageWidth > (MAX_ARRAY_LENGTH - 1) / 4) {
            throw new IllegalArgumentException("an image of " + imageHeight + " x " + imageWidth
                    + " pixels is too large; ask for a narrower one");
        }
        this.height = height;
        this.width = width;
        this.factor = (int) factor;
        this.imageHeight = (int) imageHeight;
        this.imageWidth = (int) imageWidth;
        int pixels = this.imageHeight * this.imageWidth;
        this.sums = new double[pixels];
        this.counts = new int[pixels];
        Arrays.setAll(locks, i -> new Object());
    }

    /**
     * Bytes of memory an accumulator of these arguments holds, to charge to a memory budget before
     * creating it: 12 a pixel (the sum as a double and the count as an int), plus, while
     * {@link #writePng} runs, 8 a pixel of the image's width (one row of colours and its PNG bytes) and
     * 512 KiB for the compressor and its buffer. Saturates at {@link Long#MAX_VALUE}.
     *
     * @throws IllegalArgumentException when {@code height} or {@code width} is negative
     */
    public static long bytesFor(long height, long width, int targetWidth) {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("negative array shape " + height + " x " + width);
        }
        long factor = factor(width, targetWidth);
        long imageWidth = ceilDiv(width, factor);
        long pixels = multiplySaturated(ceilDiv(height, factor), imageWidth);
        long perPixel = multiplySaturated(pixels, BYTES_PER_PIXEL);
        long writing = multiplySaturated(imageWidth, WRITE_BYTES_PER_COLUMN) + FIXED_BYTES;
        return perPixel > Long.MAX_VALUE - writing ? Long.MAX_VALUE : perPixel + writing;
    }

    /** The image's height in pixels. */
    public int imageHeight() {
        return imageHeight;
    }

    /** The image's width in pixels. */
    public int imageWidth() {
        return imageWidth;
    }

    /** How many array rows, and as many columns, each pixel covers. */
    public int factor() {
        return factor;
    }

    /**
     * Adds the values of one box of the array. Thread-safe; boxes may come in any order, but each
     * element should come once (one added twice counts twice).
     *
     * @param box where {@code block} lies in the array; inside {@code height x width}
     * @param block the values, of shape {@code box.count()}, any dtype
     * @throws IllegalArgumentException when the box is not 2-D, lies outside the array, or does not match
     *     the block's shape
     */
    public void add(Box box, Block block) {
        checkFits(box, block);
        long top = box.start(0);
        long left = box.start(1);
        long bottom = box.stop(0);
        int columns = (int) box.count(1);
        if (box.size() == 0) {
            return;
        }
        for (long pixelRow = top / factor; pixelRow * factor < bottom; pixelRow++) {
            long firstRow = Math.max(top, pixelRow * factor);
            long endRow = Math.min(bottom, (pixelRow + 1) * factor);
            int pixelRowStart = (int) pixelRow * imageWidth;
            synchronized (lockOf(pixelRow)) {
                for (long row = firstRow; row < endRow; row++) {
                    addRow(block, (int) (row - top) * columns, left, columns, pixelRowStart);
                }
            }
        }
    }

    /** Adds one array row of the block, {@code columns} values from {@code offset}, to its pixel row. */
    private void addRow(Block block, int offset, long left, int columns, int pixelRowStart) {
        long right = left + columns;
        for (long pixelColumn = left / factor; pixelColumn * factor < right; pixelColumn++) {
            int from = offset + (int) (Math.max(left, pixelColumn * factor) - left);
            int to = offset + (int) (Math.min(right, (pixelColumn + 1) * factor) - left);
            double sum = 0;
            int count = 0;
            // float arrays read directly: getDouble's dtype switch per element is the cost that counts here
            switch (block.dtype()) {
                case FLOAT64 -> {
                    double[] values = (double[]) block.data();
                    for (int i = from; i < to; i++) {
                        double value = values[i];
                        if (!Double.isNaN(value)) {
                            sum += value;
                            count++;
                        }
                    }
                }
                case FLOAT32 -> {
                    float[] values = (float[]) block.data();
                    for (int i = from; i < to; i++) {
                        float value = values[i];
                        if (!Float.isNaN(value)) {
                            sum += value;
                            count++;
                        }
                    }
                }
                default -> {
                    // integers and bool are never NaN
                    for (int i = from; i < to; i++) {
                        sum += block.getDouble(i);
                    }
                    count = to - from;
                }
            }
            int pixel = pixelRowStart + (int) pixelColumn;
            sums[pixel] += sum;
            counts[pixel] += count;
        }
    }

    private void checkFits(Box box, Block block) {
        if (box.ndim() != 2) {
            throw new IllegalArgumentException("an image needs a 2-D box, not " + box);
        }
        if (box.start(0) < 0 || box.start(1) < 0 || box.count(0) < 0 || box.count(1) < 0
                || box.stop(0) > height || box.stop(1) > width) {
            throw new IllegalArgumentException("box " + box + " is not inside the array's " + height + " x " + width);
        }
        if (block.ndim() != 2 || block.dim(0) != box.count(0) || block.dim(1) != box.count(1)) {
            throw new IllegalArgumentException(block + " does not match box " + box);
        }
    }

    /**
     * The smallest pixel value that is finite, or NaN when there is none. Infinite means are left out,
     * as matplotlib's {@code imshow} leaves them out when it picks its limits: one infinite limit would
     * turn every colour into NaN.
     */
    public double min() {
        return extreme(true);
    }

    /** The largest pixel value that is finite, or NaN when there is none; see {@link #min()}. */
    public double max() {
        return extreme(false);
    }

    private double extreme(boolean smallest) {
        double extreme = Double.NaN;
        for (int pixelRow = 0; pixelRow < imageHeight; pixelRow++) {
            synchronized (lockOf(pixelRow)) {
                for (int pixel = pixelRow * imageWidth, end = pixel + imageWidth; pixel < end; pixel++) {
                    double mean = mean(pixel);
                    boolean beyond = Double.isNaN(extreme) || (smallest ? mean < extreme : mean > extreme);
                    if (Double.isFinite(mean) && beyond) {
                        extreme = mean;
                    }
                }
            }
        }
        return extreme;
    }

    /**
     * Writes the image as a PNG (RGBA, 8 bits a channel) to {@code out}, row 0 of the array at the top
     * as matplotlib's {@code imshow(origin='upper')} draws it, colouring each pixel's mean with
     * {@code cmap} over {@code [vmin, vmax]} (see {@link ColorMap#rgba}). Streams one row at a time; does
     * not close {@code out}.
     *
     * @throws IllegalArgumentException when {@code vmin > vmax}
     */
    public void writePng(OutputStream out, ColorMap cmap, double vmin, double vmax) throws IOException {
        if (vmin > vmax) {
            throw new IllegalArgumentException("vmin " + vmin + " is greater than vmax " + vmax);
        }
        int[] colors = new int[imageWidth];
        try (PngWriter png = new PngWriter(out, imageWidth, imageHeight)) {
            for (int pixelRow = 0; pixelRow < imageHeight; pixelRow++) {
                synchronized (lockOf(pixelRow)) {
                    for (int column = 0, pixel = pixelRow * imageWidth; column < imageWidth; column++, pixel++) {
                        colors[column] = cmap.rgba(mean(pixel), vmin, vmax);
                    }
                }
                png.writeRow(colors);
            }
            png.finish();
        }
    }

    /**
     * A pixel's value: the mean of the values of its block that are not NaN, or NaN when there are none
     * (yet). Pixel (0, 0) covers the array's first {@code factor} rows and columns.
     */
    public double pixel(int row, int column) {
        if (row < 0 || row >= imageHeight || column < 0 || column >= imageWidth) {
            throw new IndexOutOfBoundsException("pixel (" + row + ", " + column + ") is outside the image's "
                    + imageHeight + " x " + imageWidth);
        }
        synchronized (lockOf(row)) {
            return mean(row * imageWidth + column);
        }
    }

    /** The mean of a pixel's values, NaN when it has none; the caller holds its row's lock. */
    private double mean(int pixel) {
        int count = counts[pixel];
        return count == 0 ? Double.NaN : sums[pixel] / count;
    }

    private Object lockOf(long pixelRow) {
        return locks[(int) (pixelRow % LOCK_STRIPES)];
    }

    private static long factor(long width, int targetWidth) {
        return targetWidth > 0 && targetWidth < width ? ceilDiv(width, targetWidth) : 1;
    }

    /** {@code ceil(a / b)} for {@code a >= 0, b > 0} (Math.ceilDiv is Java 18). */
    private static long ceilDiv(long a, long b) {
        return a / b + (a % b == 0 ? 0 : 1);
    }

    private static long multiplySaturated(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high == 0 && low >= 0 ? low : Long.MAX_VALUE;
    }
}
