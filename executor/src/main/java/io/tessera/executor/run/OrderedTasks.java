package io.tessera.executor.run;

import io.tessera.executor.ExecutorException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs numbered tasks on a pool and hands their results to one consumer in task order. Only a
 * window of tasks is in flight at a time, so finished results waiting for their turn stay few and
 * memory stays bounded; the first failure cancels the rest.
 */
final class OrderedTasks {
    /** The work of task {@code index}. */
    interface Body<R> {
        R run(int index, TaskContext context);
    }

    /** Receives task results in order, on the calling thread. */
    interface Consumer<R> {
        void accept(int index, R result);
    }

    private OrderedTasks() {
    }

    static <R> void run(StatementRun run, int count, Body<R> body, Consumer<R> consumer) {
        run.stats().addTasks(count);
        if (count == 1 || run.threads() == 1) {
            for (int i = 0; i < count; i++) {
                consumer.accept(i, run.execute(i, body));
            }
            return;
        }
        ExecutorService pool = run.pool();
        int window = 2 * run.threads() + 2;
        Deque<Future<R>> inFlight = new ArrayDeque<>();
        int next = 0;
        RuntimeException failure = null;
        for (int consumed = 0; consumed < count && failure == null; consumed++) {
            while (next < count && next - consumed < window) {
                int index = next++;
                inFlight.addLast(pool.submit(() -> run.execute(index, body)));
            }
            try {
                consumer.accept(consumed, inFlight.removeFirst().get());
            } catch (ExecutionException e) {
                failure = unwrap(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new ExecutorException(ExecutorException.Kind.CANCELLED, "interrupted");
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            run.token().cancel("statement failed");
            // the tasks still running use the statement's buffers: all must end before they are freed
            boolean interrupted = Thread.interrupted();
            for (Future<R> future : inFlight) {
                while (true) {
                    try {
                        future.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException | RuntimeException ignored) {
                        break; // the first failure is the one reported
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw failure;
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof OutOfMemoryError) {
            return new ExecutorException(ExecutorException.Kind.MEMORY,
                    "the Java heap is exhausted: lower memory_limit or threads, use smaller chunks, or raise -Xmx");
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
