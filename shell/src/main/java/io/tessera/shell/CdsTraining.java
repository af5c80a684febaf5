package io.tessera.shell;

import io.tessera.engine.Session;
import io.tessera.engine.Settings;
import io.tessera.engine.Tessera;
import io.tessera.engine.TesseraException;
import io.tessera.engine.format.ResultFormat;
import io.tessera.engine.result.StatementResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload the launcher runs once after a build to record a class-data-sharing archive: it
 * touches the classes a typical statement needs (parser, planner and rules, HDF5 and .npy reading,
 * kernels, the three output formats), so later runs start without loading them from jars.
 */
final class CdsTraining {
    private CdsTraining() {
    }

    static void run() {
        Path directory;
        try {
            directory = Files.createTempDirectory("tessera-cds");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            DemoData.makeSmall(directory);
            List<String> statements = List.of(
                    "SELECT sum(x) AS s, mean(x), std(x), min(x), argmax(x) FROM hdf5('random.hdf5', '/x', chunks => (1000))",
                    "CREATE OR REPLACE VIEW t2m AS stack('weather/*.hdf5', 't2m')",
                    "SELECT mean(t2m, axis => 0)[::4, 1:3] AS m, t2m.shape, t2m.dtype",
                    "SELECT mean(t2m[0] - mean(t2m, axis => 0)) AS d, max(abs(t2m[1] - t2m[0])) AS m",
                    "SELECT where(t2m[0] > 250, sqrt(t2m[0]), -1.0)[0, :5], sum(t2m > 250, axis => (1, 2))",
                    "EXPLAIN SELECT mean(t2m, axis => 0)[10:20, :] AS band",
                    "DESCRIBE t2m",
                    "SELECT mean(x, axis => 0)[::4] AS r FROM random_normal(10, 0.1, shape => (40, 40), "
                            + "chunks => (10, 10), seed => 1) AS x",
                    "SELECT arange(10) * linspace(0, 1, 10) + eye(10)[0], random_uniform(shape => 3, seed => 2)",
                    "SELECT mean(t2m, axis => 0) INTO image('mean-%1$s.png', cmap => 'RdBu_r')",
                    "SELECT t2m[:, ::2, ::2] AS t2m INTO hdf5('sub-%1$s.hdf5', compression => 'gzip')",
                    "SELECT t2m[0] INTO npy('t-%1$s.npy')",
                    "SELECT t2m[0] INTO zarr('t-%1$s.zarr', compression => 'zlib')",
                    "SELECT 1 + 1");
            try (Session session = Tessera.open(directory, true, Settings.defaults())) {
                for (String format : List.of("text", "json", "csv")) {
                    ResultFormat output = ResultFormat.named(format);
                    for (String statement : statements) {
                        // writes name their files after the format, so each runs once
                        for (StatementResult result : session.execute(String.format(statement, format))) {
                            try {
                                output.format(result);
                            } catch (TesseraException e) {
                                // e.g. items of several shapes have no cell form; the classes are loaded anyway
                            }
                        }
                    }
                }
            }
        } finally {
            delete(directory);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
