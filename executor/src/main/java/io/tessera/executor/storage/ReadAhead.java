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
 * Reads ahead of a file's readers while the process reads from disk, so the disk has more requests
 * in flight than there are workers: the bytes past each read, up to a window that grows with what
 * the statement has read of the file, are read on two I/O threads into a scratch buffer, which
 * leaves them in the operating system's page cache for the workers' own reads.
 *
 * <p>Whether reads come from disk is {@link DiskReads}' judgement (what the kernel fetched from
 * storage against what was asked for), so a cached file is not read twice, and reading ahead stops
 * as soon as the reads come from the cache. {@code -Dtessera.read_ahead=auto|off|always} chooses
 * (auto by default).
 */
final class ReadAhead {
    /** How reads ahead are decided: while reads come from disk (auto), never, or always. */
    enum Mode { AUTO, OFF, ALWAYS }

    static final int PIECE_BYTES = 4 << 20;
    static final long MAX_WINDOW_BYTES = 64L << 20;

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
    private final DiskReads disk;
    private volatile boolean closed;

    /** Reads ahead on the two I/O threads. */
    static final Reader ON_IO_THREADS = (file, from, to) -> IO.execute(() -> file.read(from, to));

    ReadAhead(FileChannel channel, long size) {
        this(channel, size, DEFAULT_MODE, DiskReads.PROCESS, ON_IO_THREADS);
    }

    ReadAhead(FileChannel channel, long size, Mode mode, DiskReads disk, Reader reader) {
        this.channel = channel;
        this.size = size;
        this.mode = mode;
        this.disk = disk;
        this.reader = reader;
    }

    /** A worker read {@code length} bytes at {@code position}: reads ahead of it while reads come from disk. */
    void afterRead(long position, long length) {
        if (mode == Mode.OFF || closed) {
            return;
        }
        long total = bytesRead.addAndGet(length);
        disk.read(length);
        if (!fromDisk()) {
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
        return mode == Mode.ALWAYS || mode == Mode.AUTO && disk.fromDisk();
    }

    /** Reads {@code [from, to)} into this thread's scratch buffer, unless reads come from the cache now. */
    private void read(long from, long to) {
        if (closed || !fromDisk()) {
            return;
        }
        ByteBuffer scratch = SCRATCH.get();
        scratch.clear().limit((int) (to - from));
        try {
            while (scratch.hasRemaining() && !closed) {
                if (channel.read(scratch, from + scratch.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            return;  // closed with its statement, or a failing disk the workers' own reads will report
        }
        disk.read(scratch.position());
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
