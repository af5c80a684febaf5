package io.tessera.executor.sink;

import io.tessera.executor.ExecutorException;
import io.tessera.executor.run.MemoryBudget;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            reason = fileSystem.getReason(); // e.g. "No space left on device", without the temporary's name
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new ExecutorException(ExecutorException.Kind.IO, "cannot write '" + display + "': " + reason, e);
    }
}
