package io.tessera.executor.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libhdf5, through h5py, reads what the writer wrote: every dtype and layout, the values bit for
 * bit (whole and in a slice that crosses chunks), the chunk shape, filters and fill value, with no
 * HDF5 diagnostics and no Python warnings. libhdf5 can also change the files: add members to the
 * group (its heap, symbol table nodes and B-tree) and rewrite chunks (the chunk B-tree's keys).
 * Runs where {@code /usr/bin/python3} has h5py.
 */
class Hdf5WriterH5pyTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    /** One dataset to write and what h5py must find. */
    private record Expected(String name, DType dtype, long[] shape, long[] chunks, int level, boolean shuffle,
            Block values, long[] storedChunks) {
        Expected(String name, DType dtype, long[] shape, long[] chunks, int level, boolean shuffle, int seed) {
            this(name, dtype, shape, chunks, level, shuffle, Hdf5WriterFixtures.values(dtype, Shapes.toInt(shape), seed),
                    stored(shape, chunks));
        }

        // chunks longer than a non-empty axis are stored clipped to it
        private static long[] stored(long[] shape, long[] chunks) {
            if (chunks == null) {
                return null;
            }
            long[] stored = chunks.clone();
            for (int axis = 0; axis < shape.length; axis++) {
                stored[axis] = shape[axis] > 0 ? Math.min(chunks[axis], shape[axis]) : chunks[axis];
            }
            return stored;
        }
    }

    @Test
    void h5pyReadsEveryKindOfFile() throws Exception {
        assumeTrue(h5pyAvailable(), PYTHON + " has no h5py");
        StringJoiner manifest = new StringJoiner(",\n", "[\n", "\n]\n");

        List<Expected> dtypes = new ArrayList<>();
        int seed = 0;
        for (DType dtype : DType.values()) {
            String p = dtype.numpyName() + "_";
            dtypes.add(new Expected(p + "scalar", dtype, new long[0], null, -1, false, seed++));
            dtypes.add(new Expected(p + "contiguous", dtype, new long[] {13, 7}, null, -1, false, seed++));
            dtypes.add(new Expected(p + "chunked", dtype, new long[] {13, 7}, new long[] {4, 3}, -1, false, seed++));
            dtypes.add(new Expected(p + "gzip", dtype, new long[] {13, 7}, new long[] {4, 3}, 4, false, seed++));
            dtypes.add(new Expected(p + "shuffle_gzip", dtype, new long[] {13, 7}, new long[] {5, 7}, 6, true, seed++));
            dtypes.add(new Expected(p + "line", dtype, new long[] {29}, new long[] {8}, -1, true, seed++));
            dtypes.add(new Expected(p + "cube", dtype, new long[] {5, 6, 7}, new long[] {2, 3, 4}, 1, true, seed++));
        }
        manifest.add(writeFile("dtypes.h5", dtypes, 1));

        List<Expected> edges = List.of(
                new Expected("empty_contiguous", DType.FLOAT64, new long[] {0, 5}, null, -1, false, 1),
                new Expected("empty_chunked", DType.INT32, new long[] {4, 0, 3}, new long[] {2, 2, 2}, 5, true, 2),
                new Expected("empty_bool", DType.BOOL, new long[] {0}, new long[] {3}, -1, false, 3),
                new Expected("long_chunk", DType.UINT16, new long[] {10, 4}, new long[] {100, 3}, 2, false, 4));
        manifest.add(writeFile("edges.h5", edges, 1));

        List<Expected> many = List.of(
                new Expected("tiny_chunks", DType.INT16, new long[] {75, 90}, new long[] {1, 1}, -1, false, 5),
                new Expected("gzip_chunks", DType.FLOAT32, new long[] {100, 100}, new long[] {7, 3}, 3, true, 6),
                new Expected("big_contiguous", DType.FLOAT64, new long[] {200, 300}, null, -1, false, 7));
        manifest.add(writeFile("many_chunks.h5", many, 4));

        List<Expected> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            DType dtype = DType.values()[i % DType.values().length];
            boolean chunked = i % 2 == 1;
            hundred.add(new Expected("d" + i, dtype, new long[] {i % 7 + 1, 3}, chunked ? new long[] {2, 2} : null,
                    chunked && i % 3 != 0 ? i % 10 : -1, false, 100 + i));
        }
        manifest.add(writeFile("hundred.h5", hundred, 1));

        List<Expected> threeHundred = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            threeHundred.add(new Expected("member_" + (i * 7919 % 300) + "_é", DType.INT32, new long[] {2}, null, -1,
                    false, 500 + i));
        }
        manifest.add(writeFile("three_hundred.h5", threeHundred, 1));

        Path manifestFile = dir.resolve("manifest.json");
        Files.writeString(manifestFile, manifest.toString());
        Path script = dir.resolve("check.py");
        Files.writeString(script, CHECK_SCRIPT);

        Process process = new ProcessBuilder(PYTHON, "-W", "error", script.toString(), manifestFile.toString())
                .redirectErrorStream(true).start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }
        assertEquals(0, exited ? process.exitValue() : -1, output);
        assertFalse(output.contains("HDF5-DIAG"), output);
        assertFalse(output.toLowerCase(java.util.Locale.ROOT).contains("warning"), output);
        assertEquals("checked " + (dtypes.size() + edges.size() + many.size() + 400) + " datasets\n", output);
    }

    // writes one file and the expected bytes of each dataset; returns the file's manifest entry
    private String writeFile(String fileName, List<Expected> datasets, int threads) throws Exception {
        Path file = dir.resolve(fileName);
        StringJoiner entries = new StringJoiner(",\n    ", "[\n    ", "]");
        try (Hdf5Writer writer = new Hdf5Writer(file)) {
            for (Expected expected : datasets) {
                Hdf5Writer.Dataset dataset = writer.create(expected.name, expected.dtype, expected.shape,
                        expected.chunks, expected.level, expected.shuffle);
                long[] boxes = expected.storedChunks != null ? expected.storedChunks
                        : expected.shape.length == 2 ? new long[] {3, expected.shape[1]} : expected.shape;
                if (threads > 1 && expected.shape.length > 0) {
                    Hdf5WriterFixtures.writeConcurrently(dataset, expected.values, boxes, threads, 42);
                } else {
                    Hdf5WriterFixtures.write(dataset, expected.values, boxes);
                }
                Path raw = dir.resolve(fileName + "." + entries.length() + ".raw");
                Files.write(raw, Hdf5WriterFixtures.littleEndian(expected.values));
                entries.add("{\"name\": " + json(expected.name) + ", \"dtype\": " + json(expected.dtype.numpyName())
                        + ", \"shape\": " + Arrays.toString(expected.shape)
                        + ", \"chunks\": " + (expected.storedChunks == null ? "null" : Arrays.toString(expected.storedChunks))
                        + ", \"level\": " + expected.level + ", \"shuffle\": " + expected.shuffle
                        + ", \"raw\": " + json(raw.toString()) + "}");
            }
            writer.finish();
        }
        return "  {\"file\": " + json(file.toString()) + ", \"datasets\": " + entries + "}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean h5pyAvailable() throws InterruptedException {
        try {
            Process process = new ProcessBuilder(PYTHON, "-c", "import h5py").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static final String CHECK_SCRIPT = """
            import json, shutil, sys
            import numpy as np
            import h5py

            def check(condition, message):
                if not condition:
                    print("FAIL: " + message)
                    sys.exit(1)

            checked = 0
            with open(sys.argv[1], encoding="utf-8") as manifest:
                files = json.load(manifest)
            for entry in files:
                with h5py.File(entry["file"], "r") as f:
                    names = {d["name"] for d in entry["datasets"]}
                    check(set(f.keys()) == names, entry["file"] + ": members " + str(sorted(f.keys()))[:300])
                    for d in entry["datasets"]:
                        what = entry["file"] + ":" + d["name"]
                        ds = f[d["name"]]
                        check(isinstance(ds, h5py.Dataset), what + " is not a dataset")
                        dtype = np.dtype(d["dtype"]).newbyteorder("<")
                        check(ds.dtype == dtype, what + ": dtype " + str(ds.dtype))
                        shape = tuple(d["shape"])
                        check(ds.shape == shape, what + ": shape " + str(ds.shape))
                        chunks = tuple(d["chunks"]) if d["chunks"] is not None else None
                        check(ds.chunks == chunks, what + ": chunks " + str(ds.chunks))
                        level = d["level"]
                        check(ds.compression == ("gzip" if level >= 0 else None), what + ": compression " + str(ds.compression))
                        if level >= 0:
                            check(ds.compression_opts == level, what + ": level " + str(ds.compression_opts))
                        check(ds.shuffle == d["shuffle"], what + ": shuffle " + str(ds.shuffle))
                        check(ds.fillvalue == 0, what + ": fill value " + str(ds.fillvalue))
                        expected = np.fromfile(d["raw"], dtype=dtype).reshape(shape)
                        data = ds[()]
                        check(np.asarray(data).astype(dtype).tobytes() == expected.tobytes(), what + ": values differ")
                        if len(shape) > 0 and expected.size > 0:
                            part = tuple(slice(n // 3, n - n // 4) for n in shape)
                            check(ds[part].astype(dtype).tobytes() == expected[part].tobytes(), what + ": slice differs")
                        checked += 1
                # libhdf5 can also change the file: add members to the group, rewrite chunks (their sizes change)
                copy = entry["file"] + ".copy.h5"
                shutil.copyfile(entry["file"], copy)
                rewritten = [d for d in entry["datasets"] if d["chunks"] is not None and 0 not in d["shape"]][:3]
                with h5py.File(copy, "r+") as f:
                    for i in range(20):
                        f.create_dataset("added_%d" % i, data=np.arange(i + 1))
                    for d in rewritten:
                        ds = f[d["name"]]
                        ds[...] = ds[...][::-1]
                with h5py.File(copy, "r") as f:
                    check(set(f.keys()) == names | {"added_%d" % i for i in range(20)}, copy + ": members after adding")
                    check((f["added_19"][()] == np.arange(20)).all(), copy + ": added values")
                    for d in entry["datasets"]:
                        expected = np.fromfile(d["raw"], dtype=np.dtype(d["dtype"]).newbyteorder("<")).reshape(tuple(d["shape"]))
                        if d in rewritten:
                            expected = expected[::-1]
                        check(f[d["name"]][()].tobytes() == expected.tobytes(), copy + ":" + d["name"] + " after changes")
            print("checked %d datasets" % checked)
            """;
}
