package io.tessera.executor.run;

/** Receives how far a statement has got; called from worker threads, so it must be quick. */
public interface Progress {
    Progress NONE = (done, total, bytesRead) -> { };

    void update(long tasksDone, long tasksTotal, long bytesRead);
}
