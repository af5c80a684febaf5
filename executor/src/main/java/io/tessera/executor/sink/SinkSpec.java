package io.tessera.executor.sink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where and how an {@code INTO} statement writes its result: one record per kind of sink. */
public sealed interface SinkSpec {
    /** The target's path as the statement gave it (relative to the data root). */
    String path();

    /** The sink's name and arguments, as the statement's output reports them. */
    Map<String, Object> arguments();

    /**
     * {@code hdf5(path, dataset, chunks, compression)}: one dataset per item, chunked as
     * {@code chunks} (null: the result's own chunks).
     */
    record Hdf5(String path, List<String> datasets, long[] chunks, boolean gzip) implements SinkSpec {
        @Override
        public Map<String, Object> arguments() {
            Map<String, Object> arguments = base("hdf5", path);
            arguments.put("datasets", datasets);
            if (chunks != null) {
                arguments.put("chunks", chunks);
            }
            arguments.put("compression", gzip ? "gzip" : "none");
            return arguments;
        }
    }

    /** {@code npy(path)}: one item, as a NumPy .npy file. */
    record Npy(String path) implements SinkSpec {
        @Override
        public Map<String, Object> arguments() {
            return base("npy", path);
        }
    }

    /** {@code zarr(path, chunks, compression)}: one item, as a Zarr v2 directory store. */
    record Zarr(String path, long[] chunks, boolean zlib) implements SinkSpec {
        @Override
        public Map<String, Object> arguments() {
            Map<String, Object> arguments = base("zarr", path);
            if (chunks != null) {
                arguments.put("chunks", chunks);
            }
            arguments.put("compression", zlib ? "zlib" : "none");
            return arguments;
        }
    }

    /** {@code image(path, cmap, vmin, vmax, width)}: one 2-D item as a PNG; null bounds come from the data. */
    record Image(String path, String cmap, Double vmin, Double vmax, Integer width) implements SinkSpec {
        @Override
        public Map<String, Object> arguments() {
            Map<String, Object> arguments = base("image", path);
            arguments.put("cmap", cmap);
            if (vmin != null) {
                arguments.put("vmin", vmin);
            }
            if (vmax != null) {
                arguments.put("vmax", vmax);
            }
            if (width != null) {
                arguments.put("width", width);
            }
            return arguments;
        }
    }

    private static Map<String, Object> base(String sink, String path) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("sink", sink);
        arguments.put("path", path);
        return arguments;
    }
}
