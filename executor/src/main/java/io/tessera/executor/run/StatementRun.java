package io.tessera.executor.run;

import io.tessera.executor.ExecutorException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/** One statement's execution: its budget, statistics, cancellation and the workers' resources. */
final class StatementRun implements AutoCloseable {
    private final ExecutorService pool;
    private final int threads;
    private final MemoryBudget budget;
    private final ExecutionStats stats;
    private final CancellationToken token;
    private final Map<Thread, WorkerResources> workers = new ConcurrentHashMap<>();

    StatementRun(ExecutorService pool, int threads, MemoryBudget budget, ExecutionStats stats,
            CancellationToken token) {
        this.pool = pool;
        this.threads = threads;
        this.budget = budget;
        this.stats = stats;
        this.token = token;
    }

    ExecutorService pool() {
        return pool;
    }

    int threads() {
        return threads;
    }

    MemoryBudget budget() {
        return budget;
    }

    ExecutionStats stats() {
        return stats;
    }

    CancellationToken token() {
        return token;
    }

    /** Runs one task on the current thread with that thread's resources. */
    <R> R execute(int index, OrderedTasks.Body<R> body) {
        token.check();
        WorkerResources worker = workers.computeIfAbsent(Thread.currentThread(), t -> new WorkerResources(budget));
        TaskContext context = new TaskContext(worker, stats, token);
        try {
            return body.run(index, context);
        } catch (OutOfMemoryError e) {
            throw new ExecutorException(ExecutorException.Kind.MEMORY,
                    "the Java heap is exhausted: lower memory_limit or threads, use smaller chunks, or raise -Xmx");
        } finally {
            context.finish();
            stats.taskDone();
        }
    }

    @Override
    public void close() {
        workers.values().forEach(WorkerResources::release);
        workers.clear();
    }
}
