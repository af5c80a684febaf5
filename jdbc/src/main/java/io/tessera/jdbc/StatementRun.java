package io.tessera.jdbc;

import io.tessera.engine.Session;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One statement on a connection's session, from the moment it is asked to run, and what may stop
 * it: {@code Statement.cancel()} from another thread, or its query timeout. While it waits for the
 * connection's previous statement a stop only marks it (the waiting ends with an error); once it is
 * the session's statement ({@link #start()}), a stop asks the session to cancel, and again every
 * 50 ms until the statement ends, so a stop that comes while the statement is still being planned
 * (before there is anything to cancel) is not lost.
 */
final class StatementRun implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Session session;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> repeat;
    private boolean stopped;
    private boolean timedOut;
    private boolean active;
    private boolean closed;

    StatementRun(Session session, int timeoutSeconds) {
        this.session = session;
        if (timeoutSeconds > 0) {
            timeout = TIMER.schedule(() -> stop(true), timeoutSeconds, TimeUnit.SECONDS);
        }
    }

    /** The statement now owns the session; false when it was stopped before it got there. */
    synchronized boolean start() {
        active = true;
        return !stopped;
    }

    /** Stops the statement; {@code byTimeout} tells its error to say so. */
    synchronized void stop(boolean byTimeout) {
        if (closed) {
            return;
        }
        timedOut |= byTimeout;
        stopped = true;
        if (active) {
            cancelSession();
        }
    }

    private void cancelSession() {
        session.cancel();
        if (repeat == null) {
            repeat = TIMER.scheduleWithFixedDelay(this::cancelAgain, 50, 50, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void cancelAgain() {
        if (active && !closed) {
            session.cancel();
        }
    }

    synchronized boolean stopped() {
        return stopped;
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

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "tessera-jdbc-timer");
            thread.setDaemon(true);
            return thread;
        });
        // a statement's timeout task leaves the queue when the statement ends, with its session
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
