package io.tessera.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.TesseraException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcDriverTest {
    @TempDir
    Path root;

    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection("jdbc:tessera:" + root + "?threads=2&memory_limit=64MB");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aScalarResultIsOneRowWithoutIndexColumns() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT sum(arange(10)) AS s, mean(arange(10)) AS m")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertEquals(2, meta.getColumnCount());
            assertEquals("s", meta.getColumnLabel(1));
            assertEquals(Types.BIGINT, meta.getColumnType(1));
            assertEquals(Types.DOUBLE, meta.getColumnType(2));
            assertTrue(rows.next());
            assertEquals(45L, rows.getLong("s"));
            assertEquals(4.5, rows.getDouble(2));
            assertFalse(rows.next());
        }
    }

    @Test
    void anArrayIsOneRowPerCellWithItsIndex() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT x AS x, x[0] * 10 AS row0 FROM reshape(arange(6.0), (2, 3)) AS x")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertEquals(List.of("i0", "i1", "x", "row0"), labels(meta));
            assertEquals(Types.BIGINT, meta.getColumnType(1));
            List<String> cells = new ArrayList<>();
            while (rows.next()) {
                cells.add(rows.getLong(1) + "," + rows.getLong(2) + "," + rows.getDouble(3) + "," + rows.getDouble(4));
            }
            // row0 has shape (3,) and broadcasts along i0, as in --format csv
            assertEquals(List.of("0,0,0.0,0.0", "0,1,1.0,10.0", "0,2,2.0,20.0", "1,0,3.0,0.0", "1,1,4.0,10.0",
                    "1,2,5.0,20.0"), cells);
        }
    }

    @Test
    void everyDtypeHasItsSqlType() throws SQLException {
        String[] dtypes = {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32",
                "float64"};
        int[] types = {Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.SMALLINT,
                Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.REAL, Types.DOUBLE};
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < dtypes.length; i++) {
            select.append(i > 0 ? ", " : "").append("astype(full((2,), 200), '").append(dtypes[i]).append("') AS ")
                    .append(dtypes[i]);
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(select.toString())) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 0; i < dtypes.length; i++) {
                assertEquals(types[i], meta.getColumnType(i + 2), dtypes[i]);
            }
            assertTrue(rows.next());
            assertEquals(true, rows.getObject("bool"));
            assertEquals((byte) -56, rows.getByte("int8"));
            assertEquals(200, rows.getInt("uint8"));
            assertEquals(200L, rows.getLong("int64"));
            assertEquals(new BigDecimal(200), rows.getBigDecimal("uint64"));
            assertEquals(200f, rows.getFloat("float32"));
            assertEquals(200.0, rows.getDouble("float64"));
        }
    }

    @Test
    void aPreparedStatementTakesScalarParameters() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT sum(x[?:?]) * ? AS s FROM arange(100) AS x -- a '?' in a comment is no parameter")) {
            assertEquals(3, statement.getParameterMetaData().getParameterCount());
            statement.setInt(1, 10);
            statement.setLong(2, 20);
            statement.setDouble(3, 0.5);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(72.5, rows.getDouble(1));
            }
            statement.setInt(1, 0);
            statement.setInt(2, 2);
            statement.setInt(3, -1);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(-1, rows.getLong(1));
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT ? AS s, ? AS b")) {
            statement.setString(1, "it's");
            statement.setBoolean(2, true);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("it's", rows.getString(1));
                assertTrue(rows.getBoolean(2));
            }
        }
    }

    @Test
    void errorsComeWithTheCommandLinesMessageAndAnSqlState() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLSyntaxErrorException syntax = assertThrows(SQLSyntaxErrorException.class,
                    () -> statement.executeQuery("SELECT sum(x FROM arange(3) AS x"));
            assertEquals("42601", syntax.getSQLState());
            assertEquals("syntax error at line 1, column 14: unexpected 'FROM', expecting {',', ')'}",
                    syntax.getMessage());
            TesseraException cause = assertInstanceOf(TesseraException.class, syntax.getCause());
            assertEquals(1, cause.line());
            assertEquals(14, cause.column());

            SQLException name = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT suum(arange(3))"));
            assertEquals("42704", name.getSQLState());
            assertTrue(name.getMessage().contains("did you mean 'sum'"), name.getMessage());

            SQLException shape = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT arange(3) + arange(4)"));
            assertEquals("42804", shape.getSQLState());
            assertTrue(shape.getMessage().contains("(3,)") && shape.getMessage().contains("(4,)"), shape.getMessage());

            SQLException missing = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT x FROM hdf5('missing.h5')"));
            assertEquals("58030", missing.getSQLState());

            SQLException outside = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT x FROM hdf5('../outside.h5')"));
            assertEquals("58030", outside.getSQLState());

            // the connection goes on after errors
            try (ResultSet rows = statement.executeQuery("SELECT 1 + 1")) {
                assertTrue(rows.next());
                assertEquals(2, rows.getInt(1));
            }
        }
        SQLSyntaxErrorException prepare = assertThrows(SQLSyntaxErrorException.class,
                () -> connection.prepareStatement("SELECT ? +"));
        assertEquals("42601", prepare.getSQLState());
        try (PreparedStatement statement = connection.prepareStatement("SELECT ? + 1")) {
            assertThrows(SQLFeatureNotSupportedException.class, () -> statement.setBinaryStream(1, java.io.InputStream.nullInputStream()));
        }
    }

    @Test
    void aParameterOutsideAPreparedStatementIsRefusedClearly() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLSyntaxErrorException e = assertThrows(SQLSyntaxErrorException.class,
                    () -> statement.executeQuery("SELECT ? + 1"));
            assertTrue(e.getMessage().contains("'?' stands for a parameter"), e.getMessage());
        }
    }

    @Test
    void viewsAreTablesAndFunctionsAreFunctions() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertFalse(statement.execute("CREATE VIEW grid AS reshape(arange(6.0), (2, 3))"));
            assertEquals(0, statement.getUpdateCount());
            statement.execute("CREATE FUNCTION twice(v) AS 2 * v");
        }
        DatabaseMetaData meta = connection.getMetaData();
        assertEquals("Tessera", meta.getDatabaseProductName());
        try (ResultSet tables = meta.getTables(null, null, "%", null)) {
            assertTrue(tables.next());
            assertEquals("grid", tables.getString("TABLE_NAME"));
            assertEquals("VIEW", tables.getString("TABLE_TYPE"));
            assertFalse(tables.next());
        }
        try (ResultSet columns = meta.getColumns(null, null, "grid", null)) {
            List<String> names = new ArrayList<>();
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME") + ":" + columns.getInt("DATA_TYPE") + ":"
                        + columns.getInt("ORDINAL_POSITION"));
            }
            assertEquals(List.of("i0:" + Types.BIGINT + ":1", "i1:" + Types.BIGINT + ":2", "grid:" + Types.DOUBLE
                    + ":3"), names);
        }
        try (ResultSet functions = meta.getFunctions(null, null, "tw%")) {
            assertTrue(functions.next());
            assertEquals("twice", functions.getString("FUNCTION_NAME"));
            assertFalse(functions.next());
        }
        try (ResultSet functions = meta.getFunctions(null, null, "nanmean")) {
            assertTrue(functions.next());
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT sum(twice(grid)) FROM grid")) {
            assertTrue(rows.next());
            assertEquals(30.0, rows.getDouble(1));
        }
    }

    @Test
    void describeExplainAndIntoAnswerWithTables() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("DESCRIBE zeros((4, 5))")) {
                assertTrue(rows.next());
                assertEquals("float64", rows.getString("dtype"));
                assertEquals("(4, 5)", rows.getString("shape"));
                assertEquals(160, rows.getLong("bytes"));
            }
            try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT sum(arange(10))")) {
                assertTrue(rows.next());
                assertEquals("== Logical plan ==", rows.getString("plan"));
            }
            try (ResultSet rows = statement.executeQuery("SELECT arange(10) AS a INTO npy('a.npy')")) {
                assertTrue(rows.next());
                assertEquals("a", rows.getString("name"));
                assertEquals(80, rows.getLong("bytes"));
            }
            assertTrue(Files.exists(root.resolve("a.npy")));
            try (ResultSet rows = statement.executeQuery("SELECT sum(a) FROM npy('a.npy') AS a")) {
                assertTrue(rows.next());
                assertEquals(45, rows.getLong(1));
            }
        }
    }

    @Test
    void maxRowsLimitsTheCells() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(3);
            try (ResultSet rows = statement.executeQuery("SELECT arange(10)")) {
                int count = 0;
                while (rows.next()) {
                    count++;
                }
                assertEquals(3, count);
            }
        }
    }

    @Test
    void badUrlsAreRefusedWithTheirReason() {
        SQLException missing = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:tessera:" + root.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("is not a directory"), missing.getMessage());
        SQLException option = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:tessera:" + root + "?thread=2"));
        assertTrue(option.getMessage().contains("unknown URL option 'thread'"), option.getMessage());
        SQLException threads = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:tessera:" + root + "?threads=many"));
        assertEquals("22023", threads.getSQLState());
    }

    @Test
    void aConnectionWithoutDirectoryUsesTheWorkingDirectory() throws SQLException {
        try (Connection plain = DriverManager.getConnection("jdbc:tessera:");
                Statement statement = plain.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 6 * 7")) {
            assertTrue(rows.next());
            assertEquals(42, rows.getInt(1));
            assertNull(rows.getWarnings());
        }
    }

    private static List<String> labels(ResultSetMetaData meta) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i));
        }
        return labels;
    }

    @Test
    void parametersKeepTheirMeaningAndOnlyScalarsAreAccepted() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 10-? AS d, ? ** 2 AS p")) {
            statement.setInt(1, -1);
            statement.setObject(2, -3, Types.OTHER);  // as clients do with the type the driver reports
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(11, rows.getLong("d"));
                assertEquals(9, rows.getLong("p"));
            }
            statement.setObject(1, new BigDecimal("1E+3"), Types.DECIMAL);
            statement.setObject(2, "2", Types.VARCHAR);
            SQLException text = assertThrows(SQLException.class, statement::executeQuery);
            assertEquals("42804", text.getSQLState(), text.getMessage());
            statement.setDate(2, java.sql.Date.valueOf("2024-01-02"));
            SQLException date = assertThrows(SQLException.class, statement::executeQuery);
            assertEquals("22023", date.getSQLState());
            assertTrue(date.getMessage().contains("parameter 2 is a Date"), date.getMessage());
        }
    }

    @Test
    void preparedStatementsAnswerAsJdbcSays() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT arange(3) AS a")) {
            assertNull(select.getMetaData(), "the columns are not known before the statement runs");
            assertEquals(0, select.executeUpdate(), "executeUpdate runs it and drops its rows");
            try (ResultSet rows = select.executeQuery()) {
                assertEquals(List.of("i0", "a"), labels(select.getMetaData()));
            }
        }
        try (PreparedStatement create = connection.prepareStatement("CREATE VIEW v_2 AS arange(2)")) {
            SQLException e = assertThrows(SQLException.class, create::executeQuery);
            assertTrue(e.getMessage().contains("answers no rows"), e.getMessage());
        }
        try (ResultSet columns = connection.getMetaData().getColumns(null, null, "v\\_2", null)) {
            assertTrue(columns.next(), "an escaped _ matches itself");
        }
        try (ResultSet columns = connection.getMetaData().getColumns(null, null, "v\\_3", null)) {
            assertFalse(columns.next());
        }
    }

    @Test
    void aViewWhoseFileIsGoneHasNoColumnsAndBreaksNoListing() throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT arange(4.0) AS a INTO npy('gone.npy')");
            statement.execute("CREATE VIEW gone AS npy('gone.npy'); CREATE VIEW kept AS arange(2)");
        }
        Files.delete(root.resolve("gone.npy"));
        try (ResultSet columns = connection.getMetaData().getColumns(null, null, "%", "%")) {
            List<String> tables = new ArrayList<>();
            while (columns.next()) {
                tables.add(columns.getString("TABLE_NAME") + "." + columns.getString("COLUMN_NAME"));
            }
            assertEquals(List.of("kept.i0", "kept.kept"), tables);
        }
    }

    @Test
    void aFailedBatchSaysWhy() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("CREATE VIEW b1 AS arange(2)");
            statement.addBatch("CREATE VIEW b2 AS nothing_here");
            java.sql.BatchUpdateException e = assertThrows(java.sql.BatchUpdateException.class,
                    statement::executeBatch);
            assertEquals("42704", e.getSQLState());
        }
    }

    @Test
    void aClosedConnectionRunsNothing() throws SQLException {
        Statement statement = connection.createStatement();
        connection.close();
        SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 1"));
        assertTrue(e.getSQLState().startsWith("08") || e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aBadEscapeInTheUrlIsAnArgumentError() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:tessera:" + root + "?threads=%zz"));
        assertEquals("22023", e.getSQLState());
    }

    @Test
    void edgeValuesComeThroughExactly() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT astype(full((1,), 18446744073709551615), 'uint64') AS big, "
                        + "full((1,), nan) AS n, full((1,), -inf) AS ninf, full((1,), 1e-300) AS tiny")) {
            assertTrue(rows.next());
            assertEquals(new BigDecimal("18446744073709551615"), rows.getBigDecimal("big"));
            assertTrue(Double.isNaN(rows.getDouble("n")));
            assertEquals(Double.NEGATIVE_INFINITY, rows.getDouble("ninf"));
            assertEquals(1e-300, rows.getDouble("tiny"));
            assertFalse(rows.wasNull());
        }
    }

    @Test
    void anEmptyArrayIsNoRowsWithItsColumns() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT arange(0.0) AS e")) {
            assertEquals(List.of("i0", "e"), labels(rows.getMetaData()));
            assertEquals(Types.DOUBLE, rows.getMetaData().getColumnType(2));
            assertFalse(rows.next());
        }
    }

    @Test
    void aStringItemRepeatsOnEveryRowAndItemsThatDoNotBroadcastAreRefused() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT arange(2) AS a, arange(2).dtype AS t")) {
                assertEquals(Types.VARCHAR, rows.getMetaData().getColumnType(3));
                assertTrue(rows.next());
                assertEquals("int64", rows.getString("t"));
                assertTrue(rows.next());
                assertEquals("int64", rows.getString("t"));
                assertFalse(rows.next());
            }
            SQLException e = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT arange(2) AS a, arange(3) AS b"));
            assertEquals("42804", e.getSQLState());
            assertEquals("a JDBC result needs items that broadcast together, not shapes (2,) and (3,)", e.getMessage());
        }
    }

    @Test
    void aResultPastTheMemoryLimitSaysHowToWriteIt() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> statement.executeQuery("SELECT zeros((10000, 1000))"));
            assertEquals("53200", e.getSQLState());
            assertTrue(e.getMessage().contains("write it with INTO"), e.getMessage());
        }
    }
}
