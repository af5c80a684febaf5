package io.tessera.executor.storage;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** What the Zarr tests share: ways to make stores by hand, and to read them back. */
public final class ZarrTestSupport {
    private ZarrTestSupport() {
    }

    /** The whole array of a source. */
    public static Block readAll(ArraySource source) {
        long[] shape = source.shape();
        return SourceRegions.read(source, new Box(new long[shape.length], shape), new TestIo());
    }

    /** Writes a text file, creating its directory. */
    public static void writeText(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Writes a binary file, creating its directory. */
    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** A {@code .zarray} document with C order and no filters. */
    public static String zarray(String shape, String chunks, String dtype, String fillValue, String compressor,
            String separator) {
        return "{\"zarr_format\": 2, \"shape\": " + shape + ", \"chunks\": " + chunks + ", \"dtype\": \"" + dtype
                + "\", \"fill_value\": " + fillValue + ", \"order\": \"C\", \"filters\": null, \"compressor\": "
                + compressor + (separator == null ? "" : ", \"dimension_separator\": \"" + separator + "\"") + "}";
    }

    /** Longs as stored bytes of {@code itemSize} each, in {@code order}. */
    public static byte[] encodeLongs(long[] values, int itemSize, ByteOrder order) {
        ByteBuffer out = ByteBuffer.allocate(values.length * itemSize).order(order);
        for (long value : values) {
            switch (itemSize) {
                case 1 -> out.put((byte) value);
                case 2 -> out.putShort((short) value);
                case 4 -> out.putInt((int) value);
                default -> out.putLong(value);
            }
        }
        return out.array();
    }

    /** Doubles as stored float64 bytes in {@code order}. */
    public static byte[] encodeDoubles(double[] values, ByteOrder order) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 8).order(order);
        for (double value : values) {
            out.putDouble(value);
        }
        return out.array();
    }

    /** A zlib stream, as numcodecs' Zlib codec writes. */
    public static byte[] zlib(byte[] data) {
        Deflater deflater = new Deflater(6);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A gzip member as java.util.zip writes it (no optional header fields). */
    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    /** A gzip member with a file name and a comment in its header, as some gzip writers make. */
    public static byte[] gzipWithName(byte[] data) {
        Deflater deflater = new Deflater(6, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 8 | 16, 0, 0, 0, 0, 0, 3});
        out.writeBytes("chunk.bin\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        trailer.putInt((int) crc.getValue()).putInt(data.length);
        out.writeBytes(trailer.array());
        return out.toByteArray();
    }
}
