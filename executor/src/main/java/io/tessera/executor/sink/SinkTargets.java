package io.tessera.executor.sink;

import io.tessera.executor.ExecutorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Checks, before anything is computed, that a sink may write its target. */
public final class SinkTargets {
    private SinkTargets() {
    }

    /**
     * Refuses a target whose directory is missing, one the statement reads, an HDF5 file or Zarr
     * store that exists already (Tessera writes new ones; for HDF5, naming the dataset when the file
     * holds it), and anything in the way that is not a file.
     */
    public static void check(SinkSpec sink, Path target, String display, Collection<Path> inputs) {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ExecutorException(ExecutorException.Kind.IO, "cannot write '" + display
                    + "': its directory does not exist");
        }
        if (!Files.exists(target)) {
            return;
        }
        for (Path input : inputs) {
            if (isSame(target, input)) {
                throw new ExecutorException(ExecutorException.Kind.IO, "cannot write '" + display
                        + "': this statement reads it");
            }
        }
        if (sink instanceof SinkSpec.Hdf5 hdf5) {
            for (String dataset : hdf5.datasets()) {
                if (Hdf5Names.holds(target, dataset)) {
                    throw new ExecutorException(ExecutorException.Kind.IO, "dataset '/" + dataset
                            + "' exists already in '" + display + "'");
                }
            }
            throw new ExecutorException(ExecutorException.Kind.IO, "'" + display + "' exists already: INTO hdf5 "
                    + "writes a new file (remove it first, or write several items in one statement)");
        }
        if (sink instanceof SinkSpec.Zarr) {
            throw new ExecutorException(ExecutorException.Kind.IO, "'" + display
                    + "' exists already: INTO zarr writes a new store (remove it first)");
        }
        if (!Files.isRegularFile(target)) {
            throw new ExecutorException(ExecutorException.Kind.IO, "cannot write '" + display
                    + "': it exists and is not a file");
        }
    }

    private static boolean isSame(Path target, Path input) {
        try {
            return Files.exists(input) && Files.isSameFile(target, input);
        } catch (IOException e) {
            return false;
        }
    }
}
