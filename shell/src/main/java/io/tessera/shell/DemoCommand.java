package io.tessera.shell;

import io.tessera.engine.Session;
import io.tessera.engine.Settings;
import io.tessera.engine.Tessera;
import io.tessera.engine.TesseraException;
import io.tessera.engine.format.ResultFormat;
import io.tessera.engine.format.TextFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tessera demo}: makes sample data and runs the Dask tutorial's steps as queries. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "make sample data under ./demo-data and run the Dask array tutorial's steps as queries")
final class DemoCommand implements Callable<Integer> {
    /** The tutorial's steps: what each shows, and the statement that does it. */
    private record Step(String title, String statement) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("Blocked sum, mean and std of 10 million float32 numbers (the tutorial's random.hdf5)",
                    "SELECT sum(x) AS s, mean(x) AS m, std(x) AS sd FROM hdf5('random.hdf5', '/x', chunks => (1000000))"),
            new Step("A 20000 x 20000 array of random numbers, its mean along axis 0, every 100th value: "
                    + "only the 200 selected columns are generated (1% of the array)",
                    "SELECT mean(x, axis => 0)[::100] AS r FROM random_normal(10, 0.1, shape => (20000, 20000), "
                            + "chunks => (1000, 1000), seed => 42) AS x"),
            new Step("A month of daily temperature files stacked into one array",
                    "CREATE VIEW t2m AS stack('weather/*.hdf5', 't2m')"),
            new Step("Its shape, dtype and chunks", "DESCRIBE t2m"),
            new Step("Mean over time (every 60th point, to print it)",
                    "SELECT mean(t2m, axis => 0)[::60, ::120] AS mean_t2m"),
            new Step("The mean over time as a picture", "SELECT mean(t2m, axis => 0) AS mean_t2m "
                    + "INTO image('mean.png', cmap => 'RdBu_r')"),
            new Step("The first day's anomaly from the monthly mean (the source is read once), as a picture",
                    "SELECT t2m[0] - mean(t2m, axis => 0) AS anomaly INTO image('anomaly.png', cmap => 'RdBu_r')"),
            new Step("Its mean and largest size",
                    "SELECT mean(t2m[0] - mean(t2m, axis => 0)) AS mean_anomaly, "
                            + "max(abs(t2m[0] - mean(t2m, axis => 0))) AS max_anomaly"),
            new Step("Coldest and warmest values, and the warmest day",
                    "SELECT min(t2m), max(t2m), argmax(mean(t2m, axis => (1, 2))) AS warmest_day"),
            new Step("Every other point of every day, stored chunk by chunk in a new HDF5 file",
                    "SELECT t2m[:, ::2, ::2] AS t2m INTO hdf5('sub.hdf5', '/t2m', compression => 'gzip')"),
            new Step("The stored subsample, read back", "SELECT mean(t2m) AS mean_sub, t2m.shape FROM hdf5('sub.hdf5')"),
            new Step("Only the chunks a result needs are read",
                    "EXPLAIN SELECT mean(t2m, axis => 0)[100:200, :] AS band"));

    /** What the steps write, removed first so the demo can run again. */
    private static final List<String> OUTPUTS = List.of("mean.png", "anomaly.png", "sub.hdf5");

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "demo-data",
            description = "where the sample data goes (default: ${DEFAULT-VALUE})")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // the command line's streams, so the demo's output goes where the caller points it
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("Making sample data under " + directory + " ...");
        DemoData.make(directory);
        try {
            for (String output : OUTPUTS) {
                Files.deleteIfExists(directory.resolve(output));
            }
        } catch (IOException e) {
            err.println("error: cannot remove the demo's earlier output: " + e.getMessage());
            return 1;
        }
        TextFormat text = new TextFormat();
        try (Session session = Tessera.open(directory, true, Settings.defaults())) {
            for (Step step : STEPS) {
                out.println();
                out.println("-- " + step.title());
                out.println(step.statement() + ";");
                session.execute(step.statement(), result -> out.print(text.format(result)));
            }
        } catch (TesseraException e) {
            out.flush();
            err.println(ResultFormat.errorLine(e));
            return 1;
        }
        out.flush();
        return 0;
    }
}
