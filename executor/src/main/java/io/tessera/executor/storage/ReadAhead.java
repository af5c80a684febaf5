package io.tessera.executor.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads ahead of a file's readers while the file comes from disk, so the disk has more requests in
 * flight than there are workers: the bytes past each read, up to a window that grows with what the
 * statement has read of the file, are read on two I/O threads into a scratch buffer, which leaves
 * them in the operating system's page cache for the workers' own reads. Measured with a bare read
 * loop over a 4 GB file from a cold cache: 3.7-6.7 s with two readers, 1.8-3.8 s with this.
 *
 * <p>It starts only once a read comes in slower than memory could deliver it (the file is not
 * cached), and stops when a read-ahead piece comes in fast (it is cached now), so a cached file is
 * never read twice. {@code -Dtessera.read_ahead=auto|off|always} chooses (auto by default).
 */
final class ReadAhead {
    /** How reads ahead are decided: on a slow read (auto), never, or from the first read. */
    enum Mode { AUTO, OFF, ALWAYS }

    static final int PIECE_BYTES = 4 << 20;
    static final long MAX_WINDOW_BYTES = 64L << 20;
    /** Reads smaller than this say little about where the data came from. */
    static final long SAMPLE_BYTES = 1 << 20;
    /** Slower than this, a read came from disk; faster than {@link #CACHED_BYTES_PER_SECOND}, from memory. */
    static final double DISK_BYTES_PER_SECOND = 1.5e9;
    static final double CACHED_BYTES_PER_SECOND = 4e9;

    private static final Mode DEFAULT_MODE = mode(System.getProperty("tessera.read_ahead", "auto"));
    private static final ExecutorService IO = ioThreads();
    private static final ThreadLocal<ByteBuffer> SCRATCH = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(PIECE_BYTES));

    /** Reads {@code [from, to)} of the file ahead of its readers; in tests, records the request instead. */
    interface Reader {
        void readAhead(ReadAhead file, long from, long to);
    }

    private final FileChannel channel;
    private final long size;
    private final Mode mode;
    private final Reader reader;
    /** The pieces ({@link #PIECE_BYTES} each, from the start of the file) read ahead or asked for. */
    private final Set<Long> requested = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesRead = new AtomicLong();
    private volatile boolean fromDisk;
    private volatile boolean closed;

    ReadAhead(FileChannel channel, long size) {
        this(channel, size, DEFAULT_MODE, (file, from, to) -> IO.execute(() -> file.read(from, to)));
    }

    ReadAhead(FileChannel channel, long size, Mode mode, Reader reader) {
        this.channel = channel;
        this.size = size;
        this.mode = mode;
        this.reader = reader;
        this.fromDisk = mode == Mode.ALWAYS;
    }

    /** A worker read {@code length} bytes at {@code position} in {@code nanos}: reads ahead of it if the file is on disk. */
    void afterRead(long position, long length, long nanos) {
        if (mode == Mode.OFF || closed) {
            return;
        }
        long total = bytesRead.addAndGet(length);
        if (!fromDisk && length >= SAMPLE_BYTES && length * 1e9 / Math.max(nanos, 1) < DISK_BYTES_PER_SECOND) {
            fromDisk = true;
        }
        if (!fromDisk) {
            return;
        }
        // pieces, not a high-water mark: workers read several places of a file at once (one task each)
        long window = Math.min(MAX_WINDOW_BYTES, 4 * total);
        long first = (position + length) / PIECE_BYTES;
        long last = (Math.min(size, position + length + window) - 1) / PIECE_BYTES;
        for (long piece = first; piece <= last; piece++) {
            if (requested.add(piece)) {
                reader.readAhead(this, piece * PIECE_BYTES, Math.min(size, (piece + 1) * PIECE_BYTES));
            }
        }
    }

    /** The statement is over: reads ahead still queued are dropped. */
    void close() {
        closed = true;
    }

    boolean fromDisk() {
        return fromDisk;
    }

    /** Reads {@code [from, to)} into this thread's scratch buffer, noting whether it came fast. */
    private void read(long from, long to) {
        if (closed || !fromDisk || mode == Mode.OFF) {
            return;
        }
        ByteBuffer scratch = SCRATCH.get();
        scratch.clear().limit((int) (to - from));
        long start = System.nanoTime();
        try {
            while (scratch.hasRemaining() && !closed) {
                if (channel.read(scratch, from + scratch.position()) < 0) {
                    return;
                }
            }
        } catch (IOException e) {
            return;  // closed with its statement, or a failing disk the workers' own reads will report
        }
        long nanos = System.nanoTime() - start;
        if (mode == Mode.AUTO && to - from >= SAMPLE_BYTES
                && (to - from) * 1e9 / Math.max(nanos, 1) > CACHED_BYTES_PER_SECOND) {
            fromDisk = false;
        }
    }

    private static ExecutorService ioThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "tessera-read-ahead");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    static Mode mode(String name) {
        try {
            return Mode.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Mode.AUTO;
        }
    }
}
