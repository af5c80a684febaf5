package io.tessera.executor.run;

import java.util.Locale;
import io.tessera.executor.ExecutorException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a statement may hold in buffers and results at once. Reservations past the limit fail
 * with a message that says what to change; the high-water mark is kept for EXPLAIN ANALYZE.
 */
public final class MemoryBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    public MemoryBudget(long limit) {
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used.get();
    }

    public long peak() {
        return peak.get();
    }

    /** Takes {@code bytes} from the budget, or fails when that would pass the limit. */
    public void reserve(long bytes, String what) {
        long now = used.addAndGet(bytes);
        if (now > limit) {
            used.addAndGet(-bytes);
            throw new ExecutorException(ExecutorException.Kind.MEMORY, "memory_limit of " + formatBytes(limit)
                    + " exceeded by " + what + " (" + formatBytes(bytes) + " more, " + formatBytes(now - bytes)
                    + " in use): raise memory_limit, use smaller chunks, or write the result with INTO");
        }
        peak.accumulateAndGet(now, Math::max);
    }

    public void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /** Bytes as a person reads them: {@code 512 MiB}, {@code 1.5 GiB}. */
    public static String formatBytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value)) + " " + units[unit];
    }
}
