package io.tessera.executor.storage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files one statement opens: each opened once, whatever the number of times the statement
 * names it, and all closed together when the statement ends.
 */
public final class StorageSession implements AutoCloseable {
    private final PathResolver resolver;
    private final Map<Path, Hdf5File> hdf5 = new LinkedHashMap<>();
    private final Map<Path, NpyFile> npy = new LinkedHashMap<>();
    private final Map<Path, ZarrArray> zarr = new LinkedHashMap<>();

    public StorageSession(PathResolver resolver) {
        this.resolver = resolver;
    }

    public PathResolver resolver() {
        return resolver;
    }

    public synchronized Hdf5File hdf5(Path path) {
        Hdf5File file = hdf5.get(path);
        if (file == null) {
            file = Hdf5File.open(path, resolver.display(path));
            hdf5.put(path, file);
        }
        return file;
    }

    public synchronized NpyFile npy(Path path) {
        NpyFile file = npy.get(path);
        if (file == null) {
            file = NpyFile.open(path, resolver.display(path));
            npy.put(path, file);
        }
        return file;
    }

    /** A Zarr array (a directory holding {@code .zarray}); it holds no open file. */
    public synchronized ZarrArray zarr(Path directory) {
        ZarrArray array = zarr.get(directory);
        if (array == null) {
            array = ZarrArray.open(directory, resolver.display(directory));
            zarr.put(directory, array);
        }
        return array;
    }

    /** Every file the statement has opened (so a sink can refuse to write over one of them). */
    public synchronized java.util.List<Path> openedFiles() {
        java.util.List<Path> files = new java.util.ArrayList<>(hdf5.keySet());
        files.addAll(npy.keySet());
        files.addAll(zarr.keySet());
        return files;
    }

    @Override
    public synchronized void close() {
        hdf5.values().forEach(Hdf5File::close);
        npy.values().forEach(NpyFile::close);
        hdf5.clear();
        npy.clear();
    }
}
