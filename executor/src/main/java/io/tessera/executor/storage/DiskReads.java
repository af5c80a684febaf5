package io.tessera.executor.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether this process's file reads come from disk: of the bytes it asked for, the share the kernel
 * had to fetch from storage (Linux's {@code read_bytes} in {@code /proc/self/io}; page-cache hits do
 * not count), sampled at most every 100 ms. Timing reads cannot tell: on these machines a read of
 * cached data can be as slow as a disk's when it fills new pages or shares the cores. Where
 * {@code /proc/self/io} cannot be read, reads never count as from disk.
 */
final class DiskReads {
    static final long SAMPLE_NANOS = 100_000_000L;
    /** From disk when the storage fetched more than this share of the bytes asked for. */
    static final double DISK_SHARE = 0.25;

    private static final Path PROC_IO = Path.of("/proc/self/io");
    static final DiskReads PROCESS = new DiskReads(DiskReads::storageBytes, System::nanoTime);

    private final LongSupplier storageBytes;
    private final LongSupplier clock;
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong sampledAt;
    private long storageAtSample;
    private volatile boolean fromDisk;

    /** {@code storageBytes} gives the bytes fetched from storage so far, or a negative number when it cannot. */
    DiskReads(LongSupplier storageBytes, LongSupplier clock) {
        this.storageBytes = storageBytes;
        this.clock = clock;
        this.storageAtSample = storageBytes.getAsLong();
        this.sampledAt = new AtomicLong(clock.getAsLong());
    }

    /** Counts {@code bytes} just read, and every 100 ms looks again at what the storage fetched. */
    void read(long bytes) {
        asked.addAndGet(bytes);
        long now = clock.getAsLong();
        long last = sampledAt.get();
        if (now - last < SAMPLE_NANOS || !sampledAt.compareAndSet(last, now)) {
            return;
        }
        synchronized (this) {
            long storage = storageBytes.getAsLong();
            long askedSince = asked.getAndSet(0);
            fromDisk = storage >= 0 && storageAtSample >= 0 && askedSince > 0
                    && storage - storageAtSample > DISK_SHARE * askedSince;
            storageAtSample = storage;
        }
    }

    boolean fromDisk() {
        return fromDisk;
    }

    /** {@code read_bytes} of {@code /proc/self/io}, or -1 where there is none. */
    static long storageBytes() {
        try {
            return parseReadBytes(Files.readString(PROC_IO));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long parseReadBytes(String procIo) {
        for (String line : procIo.split("\n")) {
            if (line.startsWith("read_bytes:")) {
                return Long.parseLong(line.substring("read_bytes:".length()).trim());
            }
        }
        return -1;
    }
}
