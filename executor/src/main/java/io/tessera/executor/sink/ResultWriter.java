package io.tessera.executor.sink;

import java.io.IOException;

/**
 * Writes the items of one {@code INTO} statement to their target: a sink per item to stream it
 * into, then {@link #commit} publishes the finished target. Closing without committing leaves
 * nothing behind.
 */
public interface ResultWriter extends AutoCloseable {
    /** Where item {@code index} goes. */
    ChunkSink item(int index);

    /** Completes the file (indexes, pictures) and moves it onto the target. */
    void commit() throws IOException;

    /** Releases files; deletes what was written unless committed. */
    @Override
    void close();
}
