package io.tessera.executor.sink;

import java.io.IOException;
import java.nio.file.Path;

/** {@code INTO zarr(path)}: one item as a Zarr v2 directory store, a file per chunk. */
final class ZarrResultWriter implements ResultWriter {
    private static final int ZLIB_LEVEL = 1; // zarr-python's default for zlib

    private final TemporaryTarget target;
    private final ZarrWriter writer;

    ZarrResultWriter(Path path, SinkSpec.Zarr spec, ResultItem item) throws IOException {
        this.target = new TemporaryTarget(path, false);
        try {
            this.writer = ZarrWriter.create(target.temporary(), item.dtype(), item.shape(), item.storedChunks(),
                    spec.zlib() ? "zlib" : null, ZLIB_LEVEL);
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
    }

    @Override
    public ChunkSink item(int index) {
        return writer::writeBox;
    }

    @Override
    public void commit() throws IOException {
        writer.finish();
        target.commit();
    }

    @Override
    public void close() {
        target.close();
    }
}
