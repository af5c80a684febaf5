package io.tessera.executor.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiskReadsTest {
    private static final long MIB = 1 << 20;

    private long storage;
    private long now;

    @Test
    void readsComeFromDiskWhenTheStorageFetchedAShareOfThem() {
        DiskReads disk = new DiskReads(() -> storage, () -> now);
        disk.read(64 * MIB);
        assertFalse(disk.fromDisk(), "nothing is judged before the first sample");
        storage += 60 * MIB;
        now += DiskReads.SAMPLE_NANOS;
        disk.read(16 * MIB);
        assertTrue(disk.fromDisk(), "60 MiB fetched for 80 MiB asked");
        now += DiskReads.SAMPLE_NANOS / 2;
        storage += 0;
        disk.read(100 * MIB);
        assertTrue(disk.fromDisk(), "no new judgement within 100 ms");
        now += DiskReads.SAMPLE_NANOS;
        storage += 10 * MIB;
        disk.read(100 * MIB);
        assertFalse(disk.fromDisk(), "10 MiB fetched for 200 MiB asked: the cache served them");
    }

    @Test
    void withoutProcIoNothingIsFromDisk() {
        DiskReads disk = new DiskReads(() -> -1, () -> now);
        now += DiskReads.SAMPLE_NANOS;
        disk.read(64 * MIB);
        assertFalse(disk.fromDisk());
    }

    @Test
    void procIoIsParsed() {
        assertEquals(434176, DiskReads.parseReadBytes("rchar: 6976\nwchar: 0\nsyscr: 10\nsyscw: 0\n"
                + "read_bytes: 434176\nwrite_bytes: 0\ncancelled_write_bytes: 0\n"));
        assertEquals(-1, DiskReads.parseReadBytes("rchar: 1\n"));
        if (Files.isReadable(Path.of("/proc/self/io"))) {
            assertTrue(DiskReads.storageBytes() >= 0);
        }
    }
}
