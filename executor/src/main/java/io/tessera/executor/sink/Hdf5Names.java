package io.tessera.executor.sink;

import io.jhdf.HdfFile;
import java.nio.file.Path;

/** Whether an existing file is an HDF5 file holding a dataset of a given name. */
final class Hdf5Names {
    private Hdf5Names() {
    }

    static boolean holds(Path file, String dataset) {
        try (HdfFile hdf = new HdfFile(file)) {
            return hdf.getByPath("/" + dataset) != null;
        } catch (RuntimeException e) {
            return false; // not HDF5, or no such object
        }
    }
}
