package io.tessera.executor.storage;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.tessera.executor.ExecutorException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An open HDF5 (or NetCDF4) file: jhdf for its metadata, and a channel of our own for reading
 * chunks by position, which many threads may do at once.
 */
public final class Hdf5File implements AutoCloseable {
    private final Path path;
    private final String displayName;
    private final HdfFile hdf;
    private final FileChannel channel;
    private final long baseAddress;
    private final ReadAhead readAhead;

    private Hdf5File(Path path, String displayName, HdfFile hdf, FileChannel channel, long baseAddress)
            throws IOException {
        this.readAhead = new ReadAhead(channel, channel.size());
        this.path = path;
        this.displayName = displayName;
        this.hdf = hdf;
        this.channel = channel;
        this.baseAddress = baseAddress;
    }

    /** Opens a file; {@code displayName} is how messages name it (the path as the user wrote it). */
    public static Hdf5File open(Path path, String displayName) {
        if (!Files.exists(path)) {
            throw new ExecutorException(ExecutorException.Kind.IO, "file not found: " + displayName);
        }
        if (Files.isDirectory(path)) {
            throw new ExecutorException(ExecutorException.Kind.IO, displayName + " is a directory, not an HDF5 file");
        }
        HdfFile hdf;
        try {
            hdf = new HdfFile(path);
        } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException
                 | java.nio.BufferUnderflowException e) {
            throw new ExecutorException(ExecutorException.Kind.IO,
                    displayName + " is not a readable HDF5 file (" + reason(e) + ")", e);
        }
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            long base = hdf.getHdfBackingStorage().getSuperblock().getBaseAddressByte();
            return new Hdf5File(path, displayName, hdf, channel, base);
        } catch (IOException | RuntimeException e) {
            hdf.close();
            throw new ExecutorException(ExecutorException.Kind.IO, "cannot open " + displayName + ": " + reason(e), e);
        }
    }

    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.length() > 160 ? message.substring(0, 160) + "..." : message;
    }

    public Path path() {
        return path;
    }

    public String displayName() {
        return displayName;
    }

    HdfFile hdf() {
        return hdf;
    }

    FileChannel channel() {
        return channel;
    }

    ReadAhead readAhead() {
        return readAhead;
    }

    /** Where address 0 of the file's structures lies (past a user block). */
    long baseAddress() {
        return baseAddress;
    }

    /** Every dataset's path in the file, depth first, in the order the file lists them. */
    public List<String> datasetPaths() {
        List<String> paths = new ArrayList<>();
        try {
            collect(hdf, paths);
        } catch (HdfException e) {
            throw new ExecutorException(ExecutorException.Kind.IO,
                    displayName + " is damaged (" + reason(e) + ")", e);
        }
        return paths;
    }

    private static void collect(Group group, List<String> paths) {
        for (Node node : group) {
            if (node.isLink()) {
                continue;
            }
            if (node instanceof Group child) {
                collect(child, paths);
            } else if (node instanceof Dataset dataset && !dataset.isCompound() && !dataset.isVariableLength()) {
                paths.add(node.getPath());
            }
        }
    }

    /** The dataset at {@code datasetPath} ({@code /t2m} or {@code t2m}), as an array source. */
    public Hdf5Dataset dataset(String datasetPath) {
        String key = datasetPath.startsWith("/") ? datasetPath : "/" + datasetPath;
        Node node;
        try {
            node = hdf.getByPath(key);
        } catch (HdfException e) {
            throw new ExecutorException(ExecutorException.Kind.IO,
                    "no dataset '" + key + "' in " + displayName + datasetHint());
        }
        if (!(node instanceof Dataset dataset)) {
            throw new ExecutorException(ExecutorException.Kind.IO,
                    "'" + key + "' in " + displayName + " is a group, not a dataset" + datasetHint());
        }
        return Hdf5Dataset.open(this, dataset);
    }

    private String datasetHint() {
        List<String> names = datasetPaths();
        if (names.isEmpty()) {
            return " (it holds no datasets)";
        }
        return " (it holds " + String.join(", ", names.size() > 10 ? names.subList(0, 10) : names)
                + (names.size() > 10 ? ", ..." : "") + ")";
    }

    @Override
    public void close() {
        readAhead.close();
        try {
            channel.close();
        } catch (IOException e) {
            // closing a read-only channel loses nothing
        }
        hdf.close();
    }
}
