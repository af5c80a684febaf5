package io.tessera.executor.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.storage.ZarrArray;
import io.tessera.executor.storage.ZarrTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores written by ZarrWriter read by zarr-python, and stores written by zarr-python read by
 * ZarrArray. Runs only where Python 3 can import zarr (e.g. Debian's python3-zarr).
 */
class ZarrPythonInteropTest {
    private static final Path PYTHON = Files.isExecutable(Path.of("/usr/bin/python3"))
            ? Path.of("/usr/bin/python3") : Path.of("python3");

    /** The test arrays' values in NumPy: the same as {@link ZarrWriterTest#values}. */
    private static final String SCRIPT = """
            import sys
            import numpy as np
            import numcodecs
            import zarr

            SPECIALS = [np.nan, np.inf, -np.inf, -0.0, 5e-324, 2.0 ** -149, 1.7976931348623157e308]

            def values(dtype, shape):
                n = int(np.prod(shape, dtype=np.int64))
                k = np.arange(n, dtype=np.uint64)
                dt = np.dtype(dtype)
                with np.errstate(over='ignore', invalid='ignore'):
                    if dt.kind == 'b':
                        v = k % 3 == 0
                    elif dt.kind == 'f':
                        v = k.astype(np.float64) * 0.37 - 5
                        m = min(n, len(SPECIALS))
                        v[:m] = SPECIALS[:m]
                        v = v.astype(dt)
                    else:
                        v = (k * np.uint64(0x9E3779B97F4A7C15) + np.uint64(11)).astype(dt)
                return v.reshape(shape)

            def shape_of(text):
                return tuple(int(d) for d in text.split('x') if d)

            def check(root, specs):
                bad = []
                for spec in specs:
                    name, dtype, shape = spec.split(':')
                    array = zarr.open_array(root + '/' + name, mode='r')
                    got = array[...]
                    want = values(dtype, shape_of(shape))
                    if got.dtype != want.dtype or got.shape != want.shape or got.tobytes() != want.tobytes():
                        bad.append('%s: got %s %s %r, want %s %s %r' % (name, got.dtype, got.shape, got.ravel()[:8],
                                                                      want.dtype, want.shape, want.ravel()[:8]))
                print('\\n'.join(bad) if bad else 'OK')

            def write(root):
                a = zarr.open_array(root + '/be.zarr', mode='w', shape=(5, 7), chunks=(2, 3), dtype='>i4',
                                    compressor=numcodecs.GZip(level=3), fill_value=-9, dimension_separator='/')
                a[:4, :] = np.arange(28, dtype='>i4').reshape(4, 7)
                u = zarr.open_array(root + '/u8.zarr', mode='w', shape=(11,), chunks=(4,), dtype='>u8', compressor=None)
                u[:] = values('<u8', (11,))
                group = zarr.open_group(root + '/group.zarr', mode='w')
                for dtype in ['|b1', '|i1', '<i2', '<i4', '<i8', '|u1', '<u2', '<u4', '<u8', '<f4', '<f8']:
                    x = group.create_dataset(np.dtype(dtype).name, shape=(13, 10), chunks=(4, 3), dtype=dtype,
                                             compressor=numcodecs.Zlib(level=1))
                    x[...] = values(dtype, (13, 10))
                s = group.create_dataset('nested/scalar', shape=(), dtype='<f8', compressor=None, fill_value=np.nan)
                s[...] = 2.5
                m = group.create_dataset('nested/sparse', shape=(6,), chunks=(2,), dtype='<f4', fill_value=np.nan,
                                         compressor=numcodecs.Zlib(level=1))
                m[2:4] = [1, 2]
                print('OK')

            if sys.argv[1] == 'write':
                write(sys.argv[2])
            else:
                check(sys.argv[2], sys.argv[3:])
            """;

    @TempDir
    Path dir;

    private static boolean zarrImportable;

    @BeforeAll
    static void findZarr() {
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import zarr, numcodecs")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            zarrImportable = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            zarrImportable = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            zarrImportable = false;
        }
    }

    private String python(String... args) throws Exception {
        Path script = dir.resolve("interop.py");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(true, process.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void zarrPythonReadsWhatZarrWriterWrites() throws Exception {
        assumeTrue(zarrImportable, "python3 cannot import zarr");
        List<String> specs = new ArrayList<>();
        long[][] shapes = {{13, 10}, {5, 6, 7}, {}};
        long[][] chunks = {{4, 3}, {2, 4, 3}, {}};
        int seed = 0;
        for (DType dtype : DType.values()) {
            for (int s = 0; s < shapes.length; s++) {
                String name = dtype + "-" + s + ".zarr";
                ZarrWriter writer = ZarrWriter.create(dir.resolve(name), dtype, shapes[s], chunks[s],
                        s == 1 ? null : "zlib", 6);
                ZarrWriterTest.writeShuffled(writer, ZarrWriterTest.values(dtype, shapes[s]), shapes[s], seed++);
                specs.add(name + ":" + numpyCode(dtype) + ":" + shapeText(shapes[s]));
            }
        }
        Path group = dir.resolve("group.zarr");
        ZarrWriterTest.writeShuffled(ZarrWriter.createInGroup(group, "a/b", DType.UINT64, new long[] {9},
                new long[] {4}, "zlib", 1), ZarrWriterTest.values(DType.UINT64, new long[] {9}), new long[] {9}, 99);
        specs.add("group.zarr/a/b:<u8:9");
        List<String> args = new ArrayList<>(List.of("check", dir.toString()));
        args.addAll(specs);
        assertEquals("OK", python(args.toArray(String[]::new)));
    }

    @Test
    void zarrArrayReadsWhatZarrPythonWrites() throws Exception {
        assumeTrue(zarrImportable, "python3 cannot import zarr");
        assertEquals("OK", python("write", dir.toString()));

        // big-endian, gzip, "/" keys, a fill value and a never-written row of chunks
        Block be = ZarrTestSupport.readAll(ZarrArray.open(dir.resolve("be.zarr"), "be.zarr"));
        int[] expected = new int[35];
        for (int k = 0; k < 35; k++) {
            expected[k] = k < 28 ? k : -9;
        }
        assertArrayEquals(expected, (int[]) be.data());

        Block u8 = ZarrTestSupport.readAll(ZarrArray.open(dir.resolve("u8.zarr"), "u8.zarr"));
        assertArrayEquals((long[]) ZarrWriterTest.values(DType.UINT64, new long[] {11}).data(), (long[]) u8.data());

        Path group = dir.resolve("group.zarr");
        List<String> names = ZarrArray.arrayPaths(group, "group.zarr");
        assertEquals(List.of("bool", "float32", "float64", "int16", "int32", "int64", "int8", "nested/scalar",
                "nested/sparse", "uint16", "uint32", "uint64", "uint8"), names);
        for (DType dtype : DType.values()) {
            ZarrArray array = ZarrArray.open(group.resolve(dtype.numpyName()), "group.zarr/" + dtype);
            assertEquals(dtype, array.dtype());
            Block read = ZarrTestSupport.readAll(array);
            Block want = ZarrWriterTest.values(dtype, new long[] {13, 10});
            for (int i = 0; i < want.size(); i++) {
                if (dtype.isFloat()) {
                    assertEquals(Double.doubleToRawLongBits(want.getDouble(i)), Double.doubleToRawLongBits(
                            read.getDouble(i)), dtype + " element " + i);
                } else {
                    assertEquals(want.getLong(i), read.getLong(i), dtype + " element " + i);
                }
            }
        }
        assertEquals(2.5, ZarrTestSupport.readAll(ZarrArray.open(group.resolve("nested/scalar"), "scalar"))
                .getDouble(0));
        assertArrayEquals(new float[] {Float.NaN, Float.NaN, 1, 2, Float.NaN, Float.NaN},
                (float[]) ZarrTestSupport.readAll(ZarrArray.open(group.resolve("nested/sparse"), "sparse")).data());
    }

    private static String numpyCode(DType dtype) {
        return dtype.typeString(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    private static String shapeText(long[] shape) {
        StringBuilder text = new StringBuilder();
        for (int axis = 0; axis < shape.length; axis++) {
            text.append(axis > 0 ? "x" : "").append(shape[axis]);
        }
        return text.toString();
    }
}
