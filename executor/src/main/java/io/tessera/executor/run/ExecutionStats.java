package io.tessera.executor.run;

import io.tessera.executor.generate.Generator;
import io.tessera.executor.storage.ArraySource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a statement did: tasks run, per source the chunks and bytes actually read, and per generator
 * the chunks and bytes it computed.
 */
public final class ExecutionStats {
    private final Map<Object, SourceCounters> sources = new ConcurrentHashMap<>();
    private final AtomicLong tasksDone = new AtomicLong();
    private final AtomicLong tasksTotal = new AtomicLong();
    private final LongAdder bytesRead = new LongAdder();
    private final Progress progress;

    /** Reads of one source: chunk reads and bytes. */
    public static final class SourceCounters {
        private final String description;
        private final LongAdder chunks = new LongAdder();
        private final LongAdder bytes = new LongAdder();

        SourceCounters(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public long chunks() {
            return chunks.sum();
        }

        public long bytes() {
            return bytes.sum();
        }
    }

    public ExecutionStats(Progress progress) {
        this.progress = progress;
    }

    public void chunkRead(ArraySource source) {
        counters(source).chunks.increment();
    }

    public void bytesRead(ArraySource source, long bytes) {
        counters(source).bytes.add(bytes);
        bytesRead.add(bytes);
    }

    /** Records that a box of {@code elements} elements of a generated array was computed. */
    public void generated(Generator generator, long elements) {
        SourceCounters counters = sources.computeIfAbsent(generator, key -> new SourceCounters(generator.description()));
        counters.chunks.increment();
        counters.bytes.add(elements * generator.dtype().itemSize());
    }

    private SourceCounters counters(ArraySource source) {
        return sources.computeIfAbsent(source.identity(), key -> new SourceCounters(source.description()));
    }

    void addTasks(long count) {
        tasksTotal.addAndGet(count);
        report();
    }

    void taskDone() {
        tasksDone.incrementAndGet();
        report();
    }

    private void report() {
        progress.update(tasksDone.get(), tasksTotal.get(), bytesRead.sum());
    }

    public long bytesRead() {
        return bytesRead.sum();
    }

    public long tasksDone() {
        return tasksDone.get();
    }

    /** Counters per source (by source identity) and per generator. */
    public Map<Object, SourceCounters> sources() {
        return new LinkedHashMap<>(sources);
    }
}
