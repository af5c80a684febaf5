package io.tessera.executor.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngWriterTest {
    /** Writes {@code pixels[row][column]} as a PNG. */
    static byte[] encode(int[][] pixels) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PngWriter png = new PngWriter(out, pixels[0].length, pixels.length)) {
            for (int[] row : pixels) {
                png.writeRow(row);
            }
            png.finish();
        }
        return out.toByteArray();
    }

    /** Decodes a PNG with ImageIO into packed {@code 0xRRGGBBAA} pixels, read from the raster's samples. */
    static int[][] decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Raster raster = image.getRaster();
        assertEquals(4, raster.getNumBands(), "bands");
        int[][] pixels = new int[image.getHeight()][image.getWidth()];
        int[] samples = new int[4];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                raster.getPixel(x, y, samples);
                pixels[y][x] = samples[0] << 24 | samples[1] << 16 | samples[2] << 8 | samples[3];
            }
        }
        return pixels;
    }

    private static int[][] randomPixels(int height, int width, long seed) {
        Random random = new Random(seed);
        int[][] pixels = new int[height][width];
        for (int[] row : pixels) {
            for (int x = 0; x < width; x++) {
                row[x] = random.nextInt();
            }
        }
        return pixels;
    }

    @Test
    void everyPixelAndAlphaSurvivesDecoding() throws IOException {
        int[][] pixels = randomPixels(5, 7, 1);
        pixels[0][0] = 0x00000000;
        pixels[0][1] = 0xff000080;
        pixels[4][6] = 0x12345600;
        pixels[2][3] = 0xffffffff;
        int[][] decoded = decode(encode(pixels));
        assertEquals(5, decoded.length, "height");
        assertEquals(7, decoded[0].length, "width");
        for (int y = 0; y < 5; y++) {
            assertArrayEquals(pixels[y], decoded[y], "row " + y);
        }
    }

    @Test
    void aOnePixelImage() throws IOException {
        assertArrayEquals(new int[] {0x80402010}, decode(encode(new int[][] {{0x80402010}}))[0]);
    }

    @Test
    void largeImagesGoOutInBoundedChunksWithGoodChecksums() throws IOException {
        // random pixels do not compress: about 1 MB of IDAT data, so many full chunks
        int[][] pixels = randomPixels(400, 600, 2);
        byte[] png = encode(pixels);
        List<String> types = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png);
        byte[] signature = new byte[8];
        buffer.get(signature);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, signature);
        int fullChunks = 0;
        while (buffer.hasRemaining()) {
            int length = buffer.getInt();
            byte[] typeAndData = new byte[4 + length];
            buffer.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertEquals((int) crc.getValue(), buffer.getInt(), "CRC");
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            types.add(type);
            assertTrue(length <= PngWriter.CHUNK_BYTES, type + " of " + length + " bytes");
            if (type.equals("IHDR")) {
                ByteBuffer header = ByteBuffer.wrap(typeAndData, 4, length);
                assertEquals(600, header.getInt());
                assertEquals(400, header.getInt());
                assertEquals(8, header.get(), "bit depth");
                assertEquals(6, header.get(), "colour type RGBA");
            }
            if (length == PngWriter.CHUNK_BYTES) {
                fullChunks++;
            }
        }
        assertEquals("IHDR", types.get(0));
        assertEquals("IEND", types.get(types.size() - 1));
        assertTrue(fullChunks >= 10, fullChunks + " full chunks");
        assertEquals(types.size() - 2, types.stream().filter("IDAT"::equals).count());
        int[][] decoded = decode(png);
        for (int y = 0; y < pixels.length; y++) {
            assertArrayEquals(pixels[y], decoded[y], "row " + y);
        }
    }

    @Test
    void finishingEarlyIsRefused() throws IOException {
        try (PngWriter png = new PngWriter(new ByteArrayOutputStream(), 2, 3)) {
            png.writeRow(new int[2]);
            png.writeRow(new int[2]);
            assertThrows(IllegalStateException.class, png::finish);
        }
    }

    @Test
    void rowsBeyondTheHeightOrOfTheWrongWidthAreRefused() throws IOException {
        try (PngWriter png = new PngWriter(new ByteArrayOutputStream(), 2, 1)) {
            assertThrows(IllegalArgumentException.class, () -> png.writeRow(new int[3]));
            png.writeRow(new int[2]);
            assertThrows(IllegalStateException.class, () -> png.writeRow(new int[2]));
            png.finish();
            assertThrows(IllegalStateException.class, png::finish);
        }
        assertThrows(IllegalArgumentException.class, () -> new PngWriter(new ByteArrayOutputStream(), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PngWriter(new ByteArrayOutputStream(), 1, 0));
    }

    @Test
    void neitherFinishNorCloseClosesTheStream() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (PngWriter png = new PngWriter(out, 1, 1)) {
            png.writeRow(new int[] {0xff0000ff});
            png.finish();
        }
        assertFalse(closed[0]);
        assertArrayEquals(new int[] {0xff0000ff}, decode(out.toByteArray())[0]);
    }
}
