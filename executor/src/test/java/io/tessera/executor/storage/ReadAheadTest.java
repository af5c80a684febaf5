package io.tessera.executor.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {
    private static final long MIB = 1 << 20;
    private static final long GIB = 1 << 30;
    /** 4 MiB in 40 ms: 0.1 GB/s, a disk's pace. */
    private static final long SLOW = 40_000_000;
    /** 4 MiB in 0.4 ms: 10 GB/s, memory's pace. */
    private static final long FAST = 400_000;

    private final List<long[]> asked = new ArrayList<>();

    private ReadAhead file(ReadAhead.Mode mode) {
        return new ReadAhead(null, 10 * GIB, mode, (file, from, to) -> asked.add(new long[] {from, to}));
    }

    @Test
    void aCachedFileIsNeverReadAhead() {
        ReadAhead file = file(ReadAhead.Mode.AUTO);
        for (long at = 0; at < 100 * 4 * MIB; at += 4 * MIB) {
            file.afterRead(at, 4 * MIB, FAST);
        }
        assertFalse(file.fromDisk());
        assertEquals(0, asked.size());
    }

    @Test
    void aSlowReadStartsReadingAheadInPiecesWithAWindowThatGrows() {
        ReadAhead file = file(ReadAhead.Mode.AUTO);
        file.afterRead(0, 4 * MIB, SLOW);
        assertTrue(file.fromDisk());
        // 4 MiB read so far: a window of 16 MiB past the read, in whole 4 MiB pieces
        assertEquals(List.of("4-8", "8-12", "12-16", "16-20"), pieces());
        asked.clear();
        for (long at = 4 * MIB; at < 64 * MIB; at += 4 * MIB) {
            file.afterRead(at, 4 * MIB, SLOW);
        }
        // never past 64 MiB ahead of the furthest read, and every piece asked for once
        List<String> expected = new ArrayList<>();
        for (long piece = 20; piece < 128; piece += 4) {
            expected.add(piece + "-" + (piece + 4));
        }
        assertEquals(expected, pieces());
    }

    @Test
    void readersInSeveralPlacesEachGetReadAhead() {
        ReadAhead file = file(ReadAhead.Mode.ALWAYS);
        file.afterRead(0, 16 * MIB, FAST);
        asked.clear();
        file.afterRead(1024 * MIB, 16 * MIB, FAST);
        assertTrue(pieces().contains("1040-1044"), pieces().toString());
        asked.clear();
        file.afterRead(16 * MIB, 16 * MIB, FAST);
        assertTrue(pieces().contains("92-96"), "the first reader's window moved on too: " + pieces());
    }

    @Test
    void offNeverReadsAheadAndTheEndOfTheFileIsTheEnd() {
        ReadAhead off = file(ReadAhead.Mode.OFF);
        off.afterRead(0, 4 * MIB, SLOW);
        assertEquals(0, asked.size());
        ReadAhead small = new ReadAhead(null, 20 * MIB, ReadAhead.Mode.ALWAYS,
                (file, from, to) -> asked.add(new long[] {from, to}));
        small.afterRead(0, 12 * MIB, SLOW);
        assertEquals(List.of("12-16", "16-20"), pieces());
        asked.clear();
        small.afterRead(12 * MIB, 8 * MIB, SLOW);
        assertEquals(List.of(), pieces());
    }

    @Test
    void aClosedFileIsNotReadAheadAndItsQueuedReadsEndQuietly(@TempDir Path directory) throws IOException {
        Path path = directory.resolve("data.bin");
        Files.write(path, new byte[(int) (32 * MIB)]);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        ReadAhead file = new ReadAhead(channel, channel.size());
        channel.close();
        file.afterRead(0, 4 * MIB, SLOW);  // reads ahead of a closed channel, on the I/O threads
        file.close();
        file.afterRead(4 * MIB, 4 * MIB, SLOW);
        // the I/O threads still serve other files
        try (FileChannel open = FileChannel.open(path, StandardOpenOption.READ)) {
            ReadAhead other = new ReadAhead(open, open.size());
            other.afterRead(0, 4 * MIB, SLOW);
            ByteBuffer buffer = ByteBuffer.allocate(16);
            assertEquals(16, open.read(buffer, 0));
        }
    }

    private List<String> pieces() {
        return asked.stream().map(piece -> piece[0] / MIB + "-" + piece[1] / MIB).toList();
    }
}
