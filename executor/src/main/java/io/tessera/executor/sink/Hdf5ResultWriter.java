package io.tessera.executor.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code INTO hdf5(path, dataset)}: each item a dataset of a new HDF5 file, chunked as the planner
 * computes it (one computed chunk per stored chunk), optionally gzip-compressed.
 */
final class Hdf5ResultWriter implements ResultWriter {
    /** h5py's level for {@code compression='gzip'}. */
    private static final int GZIP_LEVEL = 4;

    private final TemporaryTarget target;
    private final Hdf5Writer writer;
    private final List<Hdf5Writer.Dataset> datasets = new ArrayList<>();

    Hdf5ResultWriter(Path path, SinkSpec.Hdf5 spec, List<ResultItem> items) throws IOException {
        this.target = new TemporaryTarget(path, false);
        try {
            this.writer = new Hdf5Writer(target.temporary());
            for (int i = 0; i < items.size(); i++) {
                ResultItem item = items.get(i);
                boolean scalar = item.shape().length == 0;
                datasets.add(writer.create(spec.datasets().get(i), item.dtype(), item.shape(),
                        scalar ? null : item.storedChunks(), scalar || !spec.gzip() ? -1 : GZIP_LEVEL,
                        false));
            }
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
    }

    @Override
    public ChunkSink item(int index) {
        return datasets.get(index)::writeBox;
    }

    @Override
    public void commit() throws IOException {
        writer.finish();
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
