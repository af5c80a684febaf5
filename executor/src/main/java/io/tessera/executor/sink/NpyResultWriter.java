package io.tessera.executor.sink;

import java.io.IOException;
import java.nio.file.Path;

/** {@code INTO npy(path)}: one item as a .npy file, written in place by positional writes. */
final class NpyResultWriter implements ResultWriter {
    private final TemporaryTarget target;
    private final NpyWriter writer;

    NpyResultWriter(Path path, ResultItem item) throws IOException {
        this.target = new TemporaryTarget(path, true);
        try {
            this.writer = new NpyWriter(target.temporary(), item.dtype(), item.shape());
        } catch (IOException e) {
            target.close();
            throw e;
        }
    }

    @Override
    public ChunkSink item(int index) {
        return writer;
    }

    @Override
    public void commit() throws IOException {
        writer.close();
        target.commit();
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException ignored) {
            // the temporary is deleted next
        }
        target.close();
    }
}
