package io.tessera.planner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small float64 .npy files for planner tests. */
final class NpyFixtures {
    private NpyFixtures() {
    }

    static void write(Path file, long[] shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        long size = 1;
        for (long dim : shape) {
            dims.append(dim).append(", ");
            size *= dim;
        }
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }";
        int padded = ((10 + header.length() + 1 + 63) / 64) * 64 - 10;
        header = header + " ".repeat(padded - header.length() - 1) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + padded + (int) size * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        buffer.putShort((short) padded);
        buffer.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (long i = 0; i < size; i++) {
            buffer.putDouble(i);
        }
        Files.write(file, buffer.array());
    }
}
