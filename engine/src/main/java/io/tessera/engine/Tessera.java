package io.tessera.engine;

import io.tessera.executor.storage.PathResolver;
import io.tessera.planner.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens Tessera sessions. Relative paths in queries resolve against the data root; a confined
 * root refuses paths that leave it.
 *
 * <pre>{@code
 * try (Session session = Tessera.open(Path.of("data"), true, Settings.defaults())) {
 *     QueryResult result = session.query("SELECT mean(t2m) FROM stack('weather/*.hdf5')");
 * }
 * }</pre>
 */
public final class Tessera {
    private Tessera() {
    }

    /**
     * Starts loading the parser, planner and rules on background threads, so the first statement of
     * a fresh process does not wait for them (Calcite's first plan loads over a thousand classes,
     * and its two slowest class initialisations run side by side).
     */
    public static void warmUpInBackground() {
        int next = 0;
        for (Runnable task : Planner.warmUpTasks()) {
            Thread thread = new Thread(() -> {
                try {
                    task.run();
                } catch (RuntimeException | LinkageError e) {
                    // warming up is an optimisation; the statement itself reports any real problem
                }
            }, "tessera-warm-up-" + ++next);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** A session over the working directory, paths not confined, default settings. */
    public static Session open() {
        return open(Path.of(""), false, Settings.defaults());
    }

    /** A session over {@code root}; when {@code confined}, no query path may leave it. */
    public static Session open(Path root, boolean confined, Settings settings) {
        return open(root, confined, settings, Set.of());
    }

    /** As {@link #open(Path, boolean, Settings)}, with some rewrite rules switched off (for testing). */
    public static Session open(Path root, boolean confined, Settings settings, Set<String> disabledRules) {
        if (!Files.isDirectory(root.toAbsolutePath())) {
            throw TesseraException.of(TesseraException.Category.IO, "data root " + root + " is not a directory");
        }
        return new Session(new PathResolver(root, confined), settings, disabledRules);
    }
}
