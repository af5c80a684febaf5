package io.tessera.jdbc;

import io.tessera.engine.Session;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One statement running on a connection's session, and what may stop it: {@code Statement.cancel()}
 * from another thread, or its query timeout. A stop asks the session to cancel again every 50 ms until
 * the statement ends, so a stop that comes while the statement is still being planned (before there
 * is anything to cancel) is not lost.
 */
final class StatementRun implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tessera-jdbc-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final Session session;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> repeat;
    private boolean timedOut;
    private boolean closed;

    StatementRun(Session session, int timeoutSeconds) {
        this.session = session;
        if (timeoutSeconds > 0) {
            timeout = TIMER.schedule(() -> stop(true), timeoutSeconds, TimeUnit.SECONDS);
        }
    }

    /** Stops the statement; {@code byTimeout} tells its error to say so. */
    synchronized void stop(boolean byTimeout) {
        if (closed) {
            return;
        }
        timedOut |= byTimeout;
        session.cancel();
        if (repeat == null) {
            repeat = TIMER.scheduleWithFixedDelay(this::cancelAgain, 50, 50, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void cancelAgain() {
        if (!closed) {
            session.cancel();
        }
    }

    synchronized boolean timedOut() {
        return timedOut;
    }

    /** The statement ended: nothing may cancel the session on its behalf any more. */
    @Override
    public synchronized void close() {
        closed = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (repeat != null) {
            repeat.cancel(false);
        }
    }
}
