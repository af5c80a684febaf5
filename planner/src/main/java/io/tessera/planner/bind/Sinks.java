package io.tessera.planner.bind;

import io.tessera.executor.sink.ColorMap;
import io.tessera.executor.sink.SinkSpec;
import io.tessera.grammar.ast.Call;
import io.tessera.grammar.ast.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds the sink of {@code SELECT ... INTO sink}: its arguments, and whether the items suit it.
 * Whether the target can be written is checked when the statement runs, before it computes.
 */
final class Sinks {
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "hdf5", List.of("path", "dataset", "chunks", "compression"),
            "npy", List.of("path"),
            "zarr", List.of("path", "chunks", "compression"),
            "image", List.of("path", "cmap", "vmin", "vmax", "width"));

    private Sinks() {
    }

    static SinkSpec bind(Call into, List<BoundQuery.Item> items, Function<Expr, Value> bind) {
        List<String> parameters = PARAMETERS.get(into.name());
        if (parameters == null) {
            throw new BindException(BindException.Category.NAME, "unknown sink '" + into.name()
                    + "': INTO takes hdf5, npy, zarr or image" + Suggestions.closest(into.name(),
                            List.of("hdf5", "npy", "zarr", "image")), into.position());
        }
        Arguments arguments = Arguments.match(into, parameters, 1, bind);
        String path = arguments.string("path").orElseThrow();
        List<Value.Array> arrays = new ArrayList<>();
        for (BoundQuery.Item item : items) {
            if (!(item.value() instanceof Value.Array array)) {
                throw new BindException(BindException.Category.TYPE, "INTO writes arrays, and item '" + item.name()
                        + "' is a string", into.position());
            }
            arrays.add(array);
        }
        if (!into.name().equals("hdf5") && arrays.size() != 1) {
            throw new BindException(BindException.Category.ARGUMENT, "INTO " + into.name()
                    + "(...) writes one array, not " + arrays.size(), into.position());
        }
        return switch (into.name()) {
            case "hdf5" -> new SinkSpec.Hdf5(path, datasets(arguments, items), chunks(arguments, arrays),
                    compression(arguments, "gzip"));
            case "npy" -> new SinkSpec.Npy(path);
            case "zarr" -> new SinkSpec.Zarr(path, chunks(arguments, arrays), compression(arguments, "zlib"));
            default -> image(arguments, path, arrays.get(0));
        };
    }

    /** One dataset per item: the one given (one item), else each item's name. */
    private static List<String> datasets(Arguments arguments, List<BoundQuery.Item> items) {
        List<String> names = new ArrayList<>();
        if (arguments.has("dataset")) {
            if (items.size() != 1) {
                throw arguments.error("dataset", "with several items, hdf5(path) names each dataset after its item: "
                        + "leave out the dataset");
            }
            names.add(arguments.string("dataset").orElseThrow());
        } else {
            items.forEach(item -> names.add(item.name()));
        }
        Set<String> seen = new HashSet<>();
        List<String> datasets = new ArrayList<>();
        for (String name : names) {
            String dataset = name.startsWith("/") ? name.substring(1) : name;
            if (dataset.isEmpty() || dataset.contains("/")) {
                throw arguments.error(arguments.has("dataset") ? "dataset" : "path", "dataset name '" + name
                        + "' is not supported: give a name in the file's root group, such as '/t2m'");
            }
            if (!seen.add(dataset)) {
                throw arguments.error("path", "two items would both be dataset '/" + dataset + "'");
            }
            datasets.add(dataset);
        }
        return datasets;
    }

    /** Chunk sizes, one per axis of every item (they must have one rank), or null for the result's own. */
    private static long[] chunks(Arguments arguments, List<Value.Array> arrays) {
        if (!arguments.has("chunks")) {
            return null;
        }
        int rank = arrays.get(0).rel().ndim();
        for (Value.Array array : arrays) {
            if (array.rel().ndim() != rank) {
                throw arguments.error("chunks", "chunks => applies to items of one number of axes");
            }
        }
        return arguments.chunkSizes("chunks", rank, rank);
    }

    private static boolean compression(Arguments arguments, String supported) {
        String given = arguments.string("compression").orElse("none");
        if (!given.equals(supported) && !given.equals("none")) {
            throw arguments.error("compression", "unknown compression '" + given + "': use '" + supported
                    + "' or 'none'");
        }
        return given.equals(supported);
    }

    private static SinkSpec.Image image(Arguments arguments, String path, Value.Array array) {
        if (array.rel().ndim() != 2) {
            throw arguments.error("path", "INTO image(...) draws a 2-D array, not one of shape "
                    + io.tessera.executor.Shapes.format(array.rel().shape()));
        }
        String cmap = arguments.string("cmap").orElse("viridis");
        if (ColorMap.named(cmap).isEmpty()) {
            throw arguments.error("cmap", "unknown colour map '" + cmap + "'" + Suggestions.closest(cmap, ColorMap.names()));
        }
        Integer width = null;
        if (arguments.has("width")) {
            long given = arguments.integer("width").orElseThrow();
            if (given < 1 || given > 1 << 16) {
                throw arguments.error("width", "width must be between 1 and 65536 pixels, not " + given);
            }
            width = (int) given;
        }
        Double vmin = arguments.number("vmin").orElse(null);
        Double vmax = arguments.number("vmax").orElse(null);
        if (vmin != null && vmax != null && vmin > vmax) {
            throw arguments.error("vmin", "vmin (" + vmin + ") is greater than vmax (" + vmax + ")");
        }
        return new SinkSpec.Image(path, cmap, vmin, vmax, width);
    }
}
