package io.tessera.planner.bind;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.ChunkGrids;
import io.tessera.executor.Selection;
import io.tessera.executor.ExecutorException;
import io.tessera.executor.Shapes;
import io.tessera.executor.storage.ArraySource;
import io.tessera.executor.storage.ConcatenatedSource;
import io.tessera.executor.storage.Hdf5Dataset;
import io.tessera.executor.storage.Hdf5File;
import io.tessera.executor.storage.NpyFile;
import io.tessera.executor.storage.ZarrArray;
import io.tessera.executor.storage.StackedSource;
import io.tessera.executor.storage.StorageSession;
import io.tessera.grammar.ast.Call;
import io.tessera.planner.rel.ArrayBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the file sources: {@code hdf5}, {@code stack}, {@code concat}, {@code npy} and {@code zarr}. Files are
 * opened here, so a missing file or dataset is reported before anything is read.
 */
final class Sources {
    private final ArrayBuilder builder;
    private final StorageSession storage;

    Sources(ArrayBuilder builder, StorageSession storage) {
        this.builder = builder;
        this.storage = storage;
    }

    /** {@code hdf5(path [, dataset] [, chunks => c])}. */
    Value.Arrays hdf5(Call call, Arguments arguments) {
        String path = arguments.string("path").orElseThrow();
        Hdf5File file = storage.hdf5(storage.resolver().resolve(path));
        Map<String, Value.Array> arrays = new LinkedHashMap<>();
        ExecutorException unreadable = null;
        for (String datasetPath : datasets(arguments, file)) {
            Hdf5Dataset dataset;
            try {
                dataset = file.dataset(datasetPath);
            } catch (ExecutorException e) {
                leaveOutOrThrow(arguments, e);
                unreadable = unreadable == null ? e : unreadable;
                continue;
            }
            long[] shape = dataset.shape();
            ChunkGrid grid = queryGrid(arguments, shape, dataset.isChunked() ? dataset.storageGrid() : null,
                    dataset.dtype().itemSize());
            ArraySource source = dataset.isChunked() ? dataset : dataset.withReadChunks(regularChunk(grid));
            arrays.put(name(datasetPath), scan(source, grid, name(datasetPath)));
        }
        if (arrays.isEmpty() && unreadable != null) {
            throw unreadable;
        }
        return new Value.Arrays("hdf5('" + path + "')", arrays);
    }

    /** {@code stack(files [, dataset] [, axis => 0] [, chunks => c])} or {@code concat(...)}. */
    Value.Arrays files(Call call, Arguments arguments, boolean stack) {
        List<String> patterns = new ArrayList<>();
        for (Value item : arguments.tuple("files")) {
            if (!(item instanceof Value.Text text)) {
                throw arguments.error("files", "files must be a glob or a tuple of paths");
            }
            patterns.add(text.value());
        }
        List<Path> paths = new ArrayList<>();
        for (String pattern : patterns) {
            List<Path> matches = storage.resolver().glob(pattern);
            if (matches.isEmpty()) {
                throw new BindException(BindException.Category.NAME, "no files match '" + pattern + "'",
                        arguments.position("files"));
            }
            paths.addAll(matches);
        }
        List<Hdf5File> files = paths.stream().map(storage::hdf5).toList();
        // the label names every pattern and the axis: sources that print alike are merged as one
        String quoted = String.join(", ", patterns.stream().map(p -> "'" + p + "'").toList());
        long axisArgument = arguments.integer("axis").orElse(0L);
        String label = call.name() + "(" + (patterns.size() == 1 ? quoted : "(" + quoted + ")")
                + (axisArgument == 0 ? "" : ", axis => " + axisArgument) + ")";
        Map<String, Value.Array> arrays = new LinkedHashMap<>();
        ExecutorException unreadable = null;
        for (String datasetPath : datasets(arguments, files.get(0))) {
            List<Hdf5Dataset> datasets = new ArrayList<>();
            try {
                for (Hdf5File file : files) {
                    datasets.add(file.dataset(datasetPath));
                }
            } catch (ExecutorException e) {
                leaveOutOrThrow(arguments, e);
                unreadable = unreadable == null ? e : unreadable;
                continue;
            }
            checkMembersAlike(call, arguments, datasets, stack);
            long[] firstShape = datasets.get(0).shape();
            int rank = stack ? firstShape.length + 1 : firstShape.length;
            int axis = Axes.normalize(axisArgument, rank, arguments.position("axis"));
            if (!stack) {
                checkConcatAxis(call, arguments, datasets, axis);
            }
            List<ArraySource> members = new ArrayList<>();
            List<ChunkGrid> grids = new ArrayList<>();
            for (Hdf5Dataset dataset : datasets) {
                ChunkGrid grid = memberGrid(arguments, dataset, axis, stack);
                grids.add(grid);
                members.add(dataset.isChunked() ? dataset : dataset.withReadChunks(regularChunk(grid)));
            }
            String description = label + ":" + datasetPath;
            ArraySource source = stack ? new StackedSource(description, members, axis)
                    : new ConcatenatedSource(description, members, axis);
            ChunkGrid grid = stack ? ChunkGrids.stack(grids.get(0), axis, members.size(),
                    stackedChunk(arguments, rank, axis, members.size())) : ChunkGrids.concat(grids, axis);
            arrays.put(name(datasetPath), scan(source, grid, name(datasetPath)));
        }
        if (arrays.isEmpty() && unreadable != null) {
            throw unreadable;
        }
        return new Value.Arrays(label, arrays);
    }

    /**
     * With no dataset named, a dataset Tessera cannot read (strings, compounds, float16) is left out
     * of the source's names; otherwise its error stands.
     */
    private static void leaveOutOrThrow(Arguments arguments, ExecutorException e) {
        if (arguments.has("dataset") || e.kind() != ExecutorException.Kind.UNSUPPORTED) {
            throw e;
        }
    }

    /** Every file's dataset must have the first one's dtype, and for stack its shape too (rank for concat). */
    private static void checkMembersAlike(Call call, Arguments arguments, List<Hdf5Dataset> datasets, boolean stack) {
        Hdf5Dataset first = datasets.get(0);
        for (Hdf5Dataset other : datasets) {
            if (other.dtype() != first.dtype()) {
                throw new BindException(BindException.Category.TYPE, "cannot " + call.name() + " "
                        + other.description() + " (" + other.dtype() + ") with " + first.description() + " ("
                        + first.dtype() + "): the files must hold one dtype", arguments.position("files"));
            }
            boolean alike = stack ? Arrays.equals(other.shape(), first.shape())
                    : other.shape().length == first.shape().length;
            if (!alike) {
                throw new BindException(BindException.Category.SHAPE, "cannot " + call.name() + " "
                        + other.description() + " " + Shapes.format(other.shape()) + " with " + first.description()
                        + " " + Shapes.format(first.shape()) + (stack ? ": stacked arrays need one shape"
                                : ": concatenated arrays need one rank"), arguments.position("files"));
            }
        }
    }

    /** Concatenated datasets must agree in every axis but the one they are joined along. */
    private static void checkConcatAxis(Call call, Arguments arguments, List<Hdf5Dataset> datasets, int axis) {
        long[] first = datasets.get(0).shape();
        for (Hdf5Dataset other : datasets) {
            for (int a = 0; a < first.length; a++) {
                if (a != axis && other.shape()[a] != first[a]) {
                    throw new BindException(BindException.Category.SHAPE, "cannot " + call.name() + " " + other.description() + " "
                            + Shapes.format(other.shape()) + " with " + datasets.get(0).description() + " "
                            + Shapes.format(first) + ": the arrays must match in every axis but " + axis,
                            arguments.position("files"));
                }
            }
        }
    }

    /** The query grid of one stacked or concatenated file's dataset; stack's chunks may name the new axis too. */
    private ChunkGrid memberGrid(Arguments arguments, Hdf5Dataset member, int axis, boolean stack) {
        long[] memberShape = member.shape();
        if (arguments.has("chunks") && stack) {
            long[] sizes = arguments.chunkSizes("chunks", memberShape.length + 1, memberShape.length);
            if (sizes != null && sizes.length == memberShape.length + 1) {
                long[] inner = new long[memberShape.length];
                for (int a = 0, j = 0; a < sizes.length; a++) {
                    if (a != axis) {
                        inner[j++] = sizes[a];
                    }
                }
                return ChunkGrids.explicit(memberShape, inner);
            }
        }
        return queryGrid(arguments, memberShape, member.isChunked() ? member.storageGrid() : null,
                member.dtype().itemSize());
    }

    /** How many files make one chunk along the stacked axis: 1 unless chunks names that axis too. */
    private static long stackedChunk(Arguments arguments, int rank, int axis, int files) {
        if (!arguments.has("chunks") || arguments.get("chunks").orElseThrow() instanceof Value.Text) {
            return 1;
        }
        long[] sizes = arguments.chunkSizes("chunks", rank, rank - 1);
        if (sizes == null || sizes.length != rank) {
            return 1;
        }
        return sizes[axis] < 0 ? files : sizes[axis];
    }

    /** {@code npy(path [, chunks => c])}. */
    Value.Arrays npy(Call call, Arguments arguments) {
        String path = arguments.string("path").orElseThrow();
        Path resolved = storage.resolver().resolve(path);
        NpyFile file = storage.npy(resolved);
        String name = stem(resolved);
        if (!file.isFortranOrder()) {
            ChunkGrid grid = queryGrid(arguments, file.shape(), null, file.dtype().itemSize());
            return new Value.Arrays("npy('" + path + "')",
                    Map.of(name, scan(file.withReadChunks(regularChunk(grid)), grid, name)));
        }
        // a Fortran-order file is its stored (reversed) array, transposed back
        long[] stored = file.shape();
        int rank = stored.length;
        int[] reverse = new int[rank];
        long[] shape = new long[rank];
        for (int axis = 0; axis < rank; axis++) {
            reverse[axis] = rank - 1 - axis;
            shape[axis] = stored[rank - 1 - axis];
        }
        ChunkGrid grid = queryGrid(arguments, shape, null, file.dtype().itemSize());
        ChunkGrid storedGrid = grid.permute(reverse);
        ArraySource source = file.withReadChunks(regularChunk(storedGrid));
        return new Value.Arrays("npy('" + path + "')", Map.of(name, new Value.Array(
                builder.scan(source, Selection.transpose(stored, reverse), grid), false, name)));
    }

    /**
     * {@code zarr(path [, array] [, chunks => c])}: a Zarr v2 array, or every array of a group (named
     * by their paths in it), as {@code hdf5} binds datasets.
     */
    Value.Arrays zarr(Call call, Arguments arguments) {
        String path = arguments.string("path").orElseThrow();
        Path resolved = storage.resolver().resolve(path);
        List<String> names = arguments.has("array") ? List.of(arguments.string("array").orElseThrow())
                : ZarrArray.arrayPaths(resolved, storage.resolver().display(resolved));
        Map<String, Value.Array> arrays = new LinkedHashMap<>();
        for (String array : names) {
            String relative = array.startsWith("/") ? array.substring(1) : array;
            ZarrArray source = storage.zarr(storage.resolver().resolve(relative.isEmpty() ? path : path + "/" + relative));
            String name = relative.isEmpty() ? stem(resolved) : relative;
            ChunkGrid grid = queryGrid(arguments, source.shape(), source.storageGrid(), source.dtype().itemSize());
            arrays.put(name, scan(source, grid, name));
        }
        return new Value.Arrays("zarr('" + path + "')", arrays);
    }

    private Value.Array scan(ArraySource source, ChunkGrid grid, String name) {
        return new Value.Array(builder.scan(source, Selection.all(source.shape()), grid), false, name);
    }

    private static List<String> datasets(Arguments arguments, Hdf5File file) {
        if (arguments.has("dataset")) {
            String dataset = arguments.string("dataset").orElseThrow();
            return List.of(dataset.startsWith("/") ? dataset : "/" + dataset);
        }
        List<String> all = file.datasetPaths();
        if (all.isEmpty()) {
            throw new BindException(BindException.Category.NAME, file.displayName() + " holds no datasets",
                    arguments.position("path"));
        }
        return all;
    }

    /** A dataset's name in queries: its path without the leading slash. */
    static String name(String datasetPath) {
        return datasetPath.startsWith("/") ? datasetPath.substring(1) : datasetPath;
    }

    private static String stem(Path path) {
        String file = path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** The grid queries use: the user's chunks, else the stored chunks, else chunks of about chunk_bytes. */
    private ChunkGrid queryGrid(Arguments arguments, long[] shape, ChunkGrid stored, int itemSize) {
        long[] sizes = arguments.has("chunks") ? arguments.chunkSizes("chunks", shape.length, shape.length) : null;
        if (sizes != null) {
            return ChunkGrids.explicit(shape, sizes);
        }
        return stored != null ? stored : ChunkGrids.auto(shape, itemSize, builder.chunkBytes());
    }

    private static long[] regularChunk(ChunkGrid grid) {
        long[] chunk = new long[grid.ndim()];
        for (int axis = 0; axis < chunk.length; axis++) {
            chunk[axis] = Math.max(1, grid.maxChunk(axis));
        }
        return chunk;
    }

}
