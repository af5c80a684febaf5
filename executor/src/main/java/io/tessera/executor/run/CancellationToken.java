package io.tessera.executor.run;

import io.tessera.executor.ExecutorException;

/** Set once to stop a statement; every task checks it between chunks. */
public final class CancellationToken {
    private volatile String reason;

    public void cancel(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    public boolean isCancelled() {
        return reason != null;
    }

    public void check() {
        String why = reason;
        if (why != null) {
            throw new ExecutorException(ExecutorException.Kind.CANCELLED, why);
        }
    }
}
