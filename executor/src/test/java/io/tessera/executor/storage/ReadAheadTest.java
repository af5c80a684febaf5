package io.tessera.executor.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private final List<long[]> asked = new ArrayList<>();
    /** What the fake storage has fetched, and the fake clock. */
    private long storage;
    private long now;

    /** Reads judged as from disk or from the cache, as {@link DiskReads} would after a sample. */
    private DiskReads disk(boolean fromDisk) {
        DiskReads disk = new DiskReads(() -> storage, () -> now);
        now += DiskReads.SAMPLE_NANOS;
        storage += fromDisk ? 8 * MIB : 0;
        disk.read(8 * MIB);
        return disk;
    }

    private ReadAhead file(ReadAhead.Mode mode, boolean fromDisk, long size) {
        return new ReadAhead(null, size, mode, disk(fromDisk), (file, from, to) -> asked.add(new long[] {from, to}));
    }

    @Test
    void cachedReadsAreNeverReadAhead() {
        ReadAhead file = file(ReadAhead.Mode.AUTO, false, 10 * GIB);
        for (long at = 0; at < 100 * 4 * MIB; at += 4 * MIB) {
            file.afterRead(at, 4 * MIB);
        }
        assertEquals(0, asked.size());
    }

    @Test
    void readsFromDiskAreReadAheadInPiecesWithAWindowThatGrows() {
        ReadAhead file = file(ReadAhead.Mode.AUTO, true, 10 * GIB);
        file.afterRead(0, 4 * MIB);
        // 4 MiB read so far: a window of 16 MiB past the read, in whole 4 MiB pieces
        assertEquals(List.of("4-8", "8-12", "12-16", "16-20"), pieces());
        asked.clear();
        for (long at = 4 * MIB; at < 64 * MIB; at += 4 * MIB) {
            file.afterRead(at, 4 * MIB);
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
        ReadAhead file = file(ReadAhead.Mode.ALWAYS, false, 10 * GIB);
        file.afterRead(0, 16 * MIB);
        asked.clear();
        file.afterRead(1024 * MIB, 16 * MIB);
        assertTrue(pieces().contains("1040-1044"), pieces().toString());
        asked.clear();
        file.afterRead(16 * MIB, 16 * MIB);
        assertTrue(pieces().contains("92-96"), "the first reader's window moved on too: " + pieces());
    }

    @Test
    void offNeverReadsAheadAndTheEndOfTheFileIsTheEnd() {
        file(ReadAhead.Mode.OFF, true, 10 * GIB).afterRead(0, 4 * MIB);
        assertEquals(0, asked.size());
        ReadAhead small = file(ReadAhead.Mode.ALWAYS, false, 20 * MIB);
        small.afterRead(0, 12 * MIB);
        assertEquals(List.of("12-16", "16-20"), pieces());
        asked.clear();
        small.afterRead(12 * MIB, 8 * MIB);
        assertEquals(List.of(), pieces());
    }

    @Test
    void aClosedFileIsNotReadAheadAndItsQueuedReadsEndQuietly(@TempDir Path directory) throws IOException {
        Path path = directory.resolve("data.bin");
        Files.write(path, new byte[(int) (32 * MIB)]);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        ReadAhead file = new ReadAhead(channel, channel.size(), ReadAhead.Mode.ALWAYS, disk(true),
                (ahead, from, to) -> asked.add(new long[] {from, to}));
        channel.close();
        file.afterRead(0, 4 * MIB);
        assertEquals(4, asked.size());
        file.close();
        asked.clear();
        file.afterRead(4 * MIB, 4 * MIB);
        assertEquals(0, asked.size(), "nothing is asked for once the file is closed");
        // the I/O threads read ahead of a closed channel without a complaint, and go on serving others
        ReadAhead closed = new ReadAhead(channel, 32 * MIB, ReadAhead.Mode.ALWAYS, disk(true),
                ReadAhead.ON_IO_THREADS);
        closed.afterRead(0, 4 * MIB);
        try (FileChannel open = FileChannel.open(path, StandardOpenOption.READ)) {
            new ReadAhead(open, open.size(), ReadAhead.Mode.ALWAYS, disk(true), ReadAhead.ON_IO_THREADS)
                    .afterRead(0, 4 * MIB);
            ByteBuffer buffer = ByteBuffer.allocate(16);
            assertEquals(16, open.read(buffer, 0));
        }
    }

    private List<String> pieces() {
        return asked.stream().map(piece -> piece[0] / MIB + "-" + piece[1] / MIB).toList();
    }
}
