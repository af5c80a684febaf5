package io.tessera.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLLine, a JDBC client nobody here wrote, runs the tutorial's queries through the driver in a
 * process of its own, finding it by its URL alone.
 */
class SqlLineTest {
    @TempDir
    Path root;

    @Test
    void sqlLineRunsTheTutorialsQueries() throws Exception {
        makeWeather(root);
        Path script = root.resolve("tutorial.sql");
        Files.writeString(script, """
                CREATE VIEW t2m AS stack('weather/*.hdf5', 't2m');
                SELECT sum(x) AS s, mean(x) AS m FROM arange(1000000.0) AS x;
                SELECT mean(x, axis => 0)[::100] AS col FROM random_normal(10, 0.1, shape => (2000, 2000), chunks => (100, 100), seed => 1) AS x;
                SELECT round(mean(t2m), 6) AS mean_t2m FROM t2m;
                SELECT (t2m[0] - mean(t2m, axis => 0))[0, 0:2] AS anomaly FROM t2m;
                SELECT suum(t2m) FROM t2m;
                !tables
                """);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath(), "sqlline.SqlLine", "-u", "jdbc:tessera:" + root, "-n", "", "-p", "",
                "--outputFormat=csv", "--showHeader=true", "--silent=true", "--force=true", "--run=" + script));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);

        assertTrue(output.contains("'s','m'"), output);
        assertTrue(output.contains("'4.999995E11','499999.5'"), output);
        // mean(x, axis => 0)[::100] of a 2000-row normal(10, 0.1): 20 cells near 10
        long near10 = output.lines().filter(line -> line.matches("'1?[0-9]','(9\\.99|10\\.00)[0-9]*'")).count();
        assertEquals(20, near10, output);
        assertTrue(output.contains("'mean_t2m'"), output);
        assertTrue(output.contains("'" + expectedMean() + "'"), output);
        assertTrue(output.contains("'i0','anomaly'"), output);
        assertTrue(output.contains("unknown function 'suum'") && output.contains("did you mean 'sum'"), output);
        assertTrue(output.contains("t2m") && output.contains("VIEW"), output);
    }

    /** Four days of a small 'weather' field, written through the driver itself. */
    private static void makeWeather(Path root) throws SQLException, IOException {
        Files.createDirectory(root.resolve("weather"));
        try (Connection connection = DriverManager.getConnection("jdbc:tessera:" + root);
                Statement statement = connection.createStatement()) {
            for (int day = 0; day < 4; day++) {
                statement.execute("SELECT 280 + " + day + " + reshape(arange(1200.0), (30, 40)) / 100 AS t2m "
                        + "INTO hdf5('weather/day" + day + ".hdf5', 't2m', chunks => (10, 10))");
            }
            try (ResultSet rows = statement.executeQuery("SELECT mean(t2m) FROM stack('weather/*.hdf5', 't2m')")) {
                rows.next();
                assertEquals(expectedMean(), rows.getDouble(1), 1e-9);
            }
        }
    }

    /** The mean of 280 + day + i/100 over days 0..3 and i in 0..1199. */
    private static double expectedMean() {
        return 280 + 1.5 + 1199 / 200.0;
    }

    /** Surefire's class path for this module's tests: the driver, its dependencies and SQLLine. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
