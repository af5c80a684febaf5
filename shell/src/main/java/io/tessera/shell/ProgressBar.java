package io.tessera.shell;

import io.tessera.executor.run.MemoryBudget;
import io.tessera.executor.run.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The line a statement running longer than a second draws at the bottom of the shell: chunks done
 * of the total, bytes read, the read rate and the time left. It is redrawn a few times a second
 * from its own thread and erased before anything else prints.
 */
final class ProgressBar implements Progress, AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_MILLIS = 200;
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final Thread painter;
    private volatile long done;
    private volatile long total;
    private volatile long bytes;
    private long started = System.nanoTime();
    private boolean shown;
    private volatile boolean closed;

    ProgressBar(PrintWriter out) {
        this.out = out;
        this.painter = new Thread(this::paint, "tessera-progress");
        painter.setDaemon(true);
        painter.start();
    }

    @Override
    public void update(long tasksDone, long tasksTotal, long bytesRead) {
        done = tasksDone;
        total = tasksTotal;
        bytes = bytesRead;
    }

    private void paint() {
        while (!closed) {
            try {
                Thread.sleep(REDRAW_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                long elapsed = System.nanoTime() - started;
                if (!closed && elapsed > SHOW_AFTER_NANOS && total > 0) {
                    out.print("\r" + line(done, total, bytes, elapsed / 1e9) + "\u001b[K");
                    out.flush();
                    shown = true;
                }
            }
        }
    }

    /** {@code [#####.....] 12/64 chunks  1.2 GiB read  800 MiB/s  ETA 3 s}. */
    static String line(long done, long total, long bytes, double seconds) {
        long filled = total == 0 ? 0 : Math.min(WIDTH, WIDTH * done / total);
        String bar = "#".repeat((int) filled) + ".".repeat(WIDTH - (int) filled);
        StringBuilder text = new StringBuilder("[").append(bar).append("] ").append(done).append('/').append(total)
                .append(" chunks  ").append(MemoryBudget.formatBytes(bytes)).append(" read");
        if (seconds > 0) {
            text.append("  ").append(MemoryBudget.formatBytes((long) (bytes / seconds))).append("/s");
        }
        if (done > 0 && done < total) {
            double left = seconds * (total - done) / done;
            text.append(String.format(Locale.ROOT, "  ETA %.0f s", Math.ceil(left)));
        }
        return text.toString();
    }

    /** Erases the bar (if drawn) and starts timing anew: call before printing anything. */
    synchronized void clear() {
        if (shown) {
            out.print("\r\u001b[K");
            out.flush();
            shown = false;
        }
        started = System.nanoTime();
    }

    @Override
    public void close() {
        closed = true;
        painter.interrupt();
        clear();
    }
}
