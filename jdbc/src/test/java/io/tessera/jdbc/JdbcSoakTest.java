package io.tessera.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight connections on eight threads run mixed statements for a minute ({@code -Dtessera.soak.seconds}
 * changes it): every answer is checked, and afterwards no file handle, worker thread or memory is
 * left behind.
 */
class JdbcSoakTest {
    private static final int CONNECTIONS = 8;
    private static final int DAYS = 4;
    private static final int ROWS = 30;
    private static final int COLUMNS = 40;

    @TempDir
    Path root;

    @Test
    void eightConnectionsRunMixedStatementsAndLeaveNothingBehind() throws Exception {
        makeData();
        long seconds = Long.getLong("tessera.soak.seconds", 60);
        runFor(1, 1_000, new AtomicLong());  // loads the classes and the JIT's first tiers before the baseline
        Baseline before = Baseline.take();

        AtomicLong statements = new AtomicLong();
        List<String> failures = runFor(CONNECTIONS, seconds * 1000, statements);
        assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 10)));
        assertTrue(statements.get() > CONNECTIONS * 10L, "only " + statements + " statements ran");

        Baseline after = Baseline.take();
        assertEquals(before.fileHandles, after.fileHandles, "open file handles before and after");
        assertEquals(0, after.workerThreads, "Tessera's worker threads left after every connection closed");
        assertTrue(after.heapBytes < before.heapBytes + (48L << 20), "heap in use grew from "
                + (before.heapBytes >> 20) + " MiB to " + (after.heapBytes >> 20) + " MiB over " + statements
                + " statements");
    }

    /** Runs {@code connections} threads, each on its own connection, for {@code millis}; returns what went wrong. */
    private List<String> runFor(int connections, long millis, AtomicLong statements) throws Exception {
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        long deadline = System.currentTimeMillis() + millis;
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int seed = c;
                running.add(threads.submit(() -> {
                    try {
                        client(seed, deadline, statements, failures);
                    } catch (Throwable e) {
                        failures.add("connection " + seed + ": " + e);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get(millis + 120_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return new ArrayList<>(failures);
    }

    /** One client: a connection with its own view, running checked statements of every kind. */
    private void client(int seed, long deadline, AtomicLong statements, Queue<String> failures) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection connection = DriverManager.getConnection("jdbc:tessera:" + root + "?threads=2");
                Statement statement = connection.createStatement();
                PreparedStatement slice = connection.prepareStatement("SELECT sum(x[?:?]) FROM arange(100000) AS x");
                PreparedStatement cell = connection.prepareStatement(
                        "SELECT t2m[?, ?, ?] FROM stack('weather/*.hdf5', 't2m') AS t2m")) {
            statement.execute("CREATE VIEW mine AS arange(" + (seed + 1) * 10 + ")");
            while (System.currentTimeMillis() < deadline) {
                int kind = random.nextInt(6);
                String what = "kind " + kind;
                try {
                    switch (kind) {
                        case 0 -> {
                            long from = random.nextInt(50000);
                            long to = from + random.nextInt(50000);
                            slice.setLong(1, from);
                            slice.setLong(2, to);
                            what = "sum(x[" + from + ":" + to + "])";
                            check(what, (to * (to - 1) - from * (from - 1)) / 2, single(slice.executeQuery()));
                        }
                        case 1 -> {
                            int day = random.nextInt(DAYS);
                            int row = random.nextInt(ROWS);
                            int column = random.nextInt(COLUMNS);
                            cell.setInt(1, day);
                            cell.setInt(2, row);
                            cell.setInt(3, column);
                            what = "t2m[" + day + ", " + row + ", " + column + "]";
                            check(what, 280 + day + (row * COLUMNS + column) / 100.0, single(cell.executeQuery()));
                        }
                        case 2 -> {
                            what = "mean of the weather";
                            double mean = 280 + (DAYS - 1) / 2.0 + (ROWS * COLUMNS - 1) / 200.0;
                            check(what, mean, single(statement.executeQuery(
                                    "SELECT mean(t2m) FROM stack('weather/*.hdf5', 't2m')")));
                        }
                        case 3 -> {
                            what = "sum of the npy file";
                            check(what, 999 * 1000 / 2.0, single(statement.executeQuery(
                                    "SELECT sum(a) FROM npy('a.npy') AS a")));
                        }
                        case 4 -> {
                            what = "cells of my view";
                            int n = (seed + 1) * 10;
                            try (ResultSet rows = statement.executeQuery("SELECT mine * 2 AS twice FROM mine")) {
                                long i = 0;
                                while (rows.next()) {
                                    if (rows.getLong(1) != i || rows.getLong(2) != 2 * i) {
                                        throw new AssertionError("row " + i + " is " + rows.getLong(1) + ", "
                                                + rows.getLong(2));
                                    }
                                    i++;
                                }
                                check(what, n, i);
                            }
                        }
                        default -> {
                            what = "an error";
                            try {
                                statement.executeQuery("SELECT t2m FROM hdf5('missing.hdf5')");
                                throw new AssertionError("no error");
                            } catch (SQLException e) {
                                check(what + " state", 58030, Integer.parseInt(e.getSQLState()));
                            }
                        }
                    }
                    statements.incrementAndGet();
                } catch (SQLException | AssertionError e) {
                    failures.add("connection " + seed + ", " + what + ": " + e);
                }
            }
        }
    }

    private static double single(ResultSet rows) throws SQLException {
        try (rows) {
            if (!rows.next()) {
                throw new AssertionError("no row");
            }
            double value = rows.getDouble(rows.getMetaData().getColumnCount());
            if (rows.next()) {
                throw new AssertionError("more than one row");
            }
            return value;
        }
    }

    private static void check(String what, double expected, double actual) {
        if (Math.abs(expected - actual) > 1e-9 * Math.max(1, Math.abs(expected))) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual);
        }
    }

    private void makeData() throws SQLException, IOException {
        Files.createDirectory(root.resolve("weather"));
        try (Connection connection = DriverManager.getConnection("jdbc:tessera:" + root);
                Statement statement = connection.createStatement()) {
            for (int day = 0; day < DAYS; day++) {
                statement.execute("SELECT 280 + " + day + " + reshape(arange(" + ROWS * COLUMNS + ".0), (" + ROWS
                        + ", " + COLUMNS + ")) / 100 AS t2m INTO hdf5('weather/day" + day
                        + ".hdf5', 't2m', chunks => (10, 10), compression => 'gzip')");
            }
            statement.execute("SELECT arange(1000.0) AS a INTO npy('a.npy')");
        }
    }

    /** What a process holds: open file handles, Tessera's threads, heap in use after collection. */
    private record Baseline(long fileHandles, long workerThreads, long heapBytes) {
        static Baseline take() throws IOException, InterruptedException {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long heap = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
                heap = Math.min(heap, memory.getHeapMemoryUsage().getUsed());
            }
            long workers = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("tessera-worker")).count();
            long handles;
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                handles = fds.count();
            }
            return new Baseline(handles, workers, heap);
        }
    }
}
