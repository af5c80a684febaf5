package io.tessera.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statement.cancel() and setQueryTimeout stop a running statement; the statement and connection go on. */
class JdbcCancelTest {
    /** About 4e9 normal numbers: many seconds on any machine this runs on. */
    private static final String LONG_QUERY =
            "SELECT sum(x) FROM random_normal(0, 1, shape => (200000, 20000)) AS x";

    @TempDir
    Path root;

    @Test
    void cancelStopsARunningStatementWithinASecond() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:tessera:" + root);
                Statement statement = connection.createStatement()) {
            CompletableFuture<SQLException> failure = runAsync(() -> statement.executeQuery(LONG_QUERY));
            Thread.sleep(500);
            long start = System.nanoTime();
            statement.cancel();
            SQLException e = failure.get(10, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertNotNull(e, "the statement finished instead of being cancelled");
            assertEquals(SqlErrors.CANCELLED, e.getSQLState());
            assertTrue(seconds < 1, "cancelled after " + seconds + " s");
            assertWorks(statement);
        }
    }

    @Test
    void cancelStopsARunningPreparedStatement() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:tessera:" + root);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT sum(x) FROM random_normal(0, 1, shape => (?, 20000)) AS x")) {
            statement.setInt(1, 200000);
            CompletableFuture<SQLException> failure = runAsync(statement::executeQuery);
            Thread.sleep(500);
            long start = System.nanoTime();
            statement.cancel();
            SQLException e = failure.get(10, TimeUnit.SECONDS);
            assertNotNull(e, "the statement finished instead of being cancelled");
            assertEquals(SqlErrors.CANCELLED, e.getSQLState());
            assertTrue((System.nanoTime() - start) / 1e9 < 1);
            statement.setInt(1, 2);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next());
            }
        }
    }

    @Test
    void aQueryTimeoutStopsTheStatementWithSqlTimeoutException() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:tessera:" + root);
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLException e = runAsync(() -> statement.executeQuery(LONG_QUERY)).get(10, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            SQLTimeoutException timeout = assertInstanceOf(SQLTimeoutException.class, e);
            assertTrue(timeout.getMessage().contains("timeout of 1 s"), timeout.getMessage());
            assertTrue(seconds >= 0.9 && seconds < 2.0, "stopped after " + seconds + " s");
            assertWorks(statement);
        }
    }

    @Test
    void aCancelWithNothingRunningDoesNotReachTheNextStatement() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:tessera:" + root);
                Statement statement = connection.createStatement()) {
            statement.cancel();
            assertWorks(statement);
        }
    }

    @Test
    void aStatementWaitingForTheConnectionCanBeCancelledWithoutTouchingTheRunningOne() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:tessera:" + root);
                Statement first = connection.createStatement();
                Statement second = connection.createStatement()) {
            CompletableFuture<SQLException> running = runAsync(() -> first.executeQuery(LONG_QUERY));
            Thread.sleep(300);
            second.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLException waited = runAsync(() -> second.executeQuery("SELECT 1")).get(10, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertInstanceOf(SQLTimeoutException.class, waited, "the timeout counts from when it was asked to run");
            assertTrue(seconds < 2, "timed out after " + seconds + " s");
            assertTrue(!running.isDone(), "the running statement goes on");

            CompletableFuture<SQLException> third = runAsync(() -> second.executeQuery("SELECT 2"));
            second.setQueryTimeout(0);
            Thread.sleep(200);
            second.cancel();
            SQLException cancelled = third.get(10, TimeUnit.SECONDS);
            assertNotNull(cancelled);
            assertEquals(SqlErrors.CANCELLED, cancelled.getSQLState());
            assertTrue(!running.isDone(), "the running statement still goes on");

            first.cancel();
            assertEquals(SqlErrors.CANCELLED, running.get(10, TimeUnit.SECONDS).getSQLState());
        }
    }

    @Test
    void closingTheConnectionStopsItsRunningStatement() throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:tessera:" + root);
        Statement statement = connection.createStatement();
        CompletableFuture<SQLException> running = runAsync(() -> statement.executeQuery(LONG_QUERY));
        Thread.sleep(500);
        connection.close();
        SQLException e = running.get(10, TimeUnit.SECONDS);
        assertNotNull(e);
        assertEquals(SqlErrors.CANCELLED, e.getSQLState());
    }

    @Test
    void closingARunningPreparedStatementStopsIt() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:tessera:" + root)) {
            PreparedStatement statement = connection.prepareStatement(LONG_QUERY);
            CompletableFuture<SQLException> running = runAsync(statement::executeQuery);
            Thread.sleep(500);
            long start = System.nanoTime();
            statement.close();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 1, "close took " + seconds + " s");
            assertNotNull(running.get(10, TimeUnit.SECONDS));
            try (Statement next = connection.createStatement()) {
                assertWorks(next);
            }
        }
    }

    @Test
    void aCancelAfterTheRowsCameLeavesThemReadable() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:tessera:" + root);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT arange(3)")) {
            statement.cancel();
            int count = 0;
            while (rows.next()) {
                count++;
            }
            assertEquals(3, count);
        }
    }

    private static void assertWorks(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT sum(arange(4))")) {
            assertTrue(rows.next());
            assertEquals(6, rows.getLong(1));
        }
    }

    /** Runs a JDBC call on another thread; completes with its SQLException, or null when it succeeds. */
    private static CompletableFuture<SQLException> runAsync(SqlCall call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                call.run();
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
    }

    private interface SqlCall {
        Object run() throws SQLException;
    }
}
