package io.tessera.shell;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tessera demo}: makes sample data and runs the Dask tutorial's steps as queries. */
@Command(name = "demo", description = "make sample data under ./demo-data and run the tutorial's queries")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: the demo is not written yet");
        return 1;
    }
}
