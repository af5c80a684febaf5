package io.tessera.executor.sink;

import io.tessera.executor.ExecutorException;
import io.tessera.executor.run.MemoryBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Opens the writer for a sink. */
public final class ResultWriters {
    private ResultWriters() {
    }

    /**
     * Opens a writer of {@code items} to {@code target} (already resolved and checked); memory the
     * writer holds for the whole statement is reserved from {@code budget}.
     */
    public static ResultWriter open(SinkSpec spec, Path target, String display, List<ResultItem> items,
            MemoryBudget budget) {
        try {
            if (spec instanceof SinkSpec.Npy) {
                return new NpyResultWriter(target, items.get(0));
            }
            if (spec instanceof SinkSpec.Zarr zarr) {
                return new ZarrResultWriter(target, zarr, items.get(0));
            }
            if (spec instanceof SinkSpec.Image image) {
                return new ImageResultWriter(target, image, items.get(0), budget);
            }
            return new Hdf5ResultWriter(target, (SinkSpec.Hdf5) spec, items);
        } catch (IOException e) {
            throw writeError(display, e);
        }
    }

    /** The one-line error for a failed write. */
    public static ExecutorException writeError(String display, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
            reason = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage();
        }
        return new ExecutorException(ExecutorException.Kind.IO, "cannot write '" + display + "': " + reason, e);
    }
}
