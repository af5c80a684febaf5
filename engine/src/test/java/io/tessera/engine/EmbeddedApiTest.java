package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.result.QueryResult;
import io.tessera.engine.result.ResultItem;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded API as a Java program uses it: values as Java types, parameters, typed errors. */
class EmbeddedApiTest {
    @TempDir
    Path root;

    @Test
    void resultsComeAsScalarsAndJavaArrays() {
        try (Session session = Tessera.open(root, true, Settings.defaults())) {
            QueryResult result = session.query("SELECT sum(arange(10)) AS s, mean(arange(4.0)) AS m, "
                    + "reshape(arange(6.0), (2, 3)) AS grid, arange(3) > 0 AS positive, "
                    + "astype(arange(3) - 1, 'uint8') AS bytes, arange(3).dtype AS kind");
            assertEquals(45, result.item("s").longValue());
            assertEquals(1.5, result.item("m").doubleValue());
            ResultItem grid = result.item("grid");
            assertArrayEquals(new long[] {2, 3}, grid.shape());
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, (double[]) grid.toArray());
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, grid.toDoubleArray());
            assertTrue(Arrays.equals(new boolean[] {false, true, true}, (boolean[]) result.item("positive").toArray()));
            assertArrayEquals(new byte[] {(byte) 255, 0, 1}, (byte[]) result.item("bytes").toArray());
            assertArrayEquals(new double[] {255, 0, 1}, result.item("bytes").toDoubleArray());
            assertEquals("int64", result.item("kind").text());

            TesseraException notScalar = assertThrows(TesseraException.class, () -> grid.doubleValue());
            assertEquals(TesseraException.Category.SHAPE, notScalar.category());
            assertEquals(TesseraException.Category.TYPE,
                    assertThrows(TesseraException.class, () -> result.item("kind").toArray()).category());
            assertEquals(TesseraException.Category.NAME,
                    assertThrows(TesseraException.class, () -> result.item("nothing")).category());
        }
    }

    @Test
    void aChangedArrayDoesNotChangeTheResult() {
        try (Session session = Tessera.open(root, true, Settings.defaults())) {
            ResultItem item = session.query("SELECT arange(3.0) AS a").item("a");
            ((double[]) item.toArray())[0] = 99;
            assertEquals(0, item.toDoubleArray()[0]);
        }
    }

    @Test
    void errorsCarryTheirCategoryAndPlace() {
        try (Session session = Tessera.open(root, true, Settings.defaults())) {
            TesseraException syntax = assertThrows(TesseraException.class,
                    () -> session.query("SELECT 1 +\n  * 2"));
            assertEquals(TesseraException.Category.SYNTAX, syntax.category());
            assertEquals(2, syntax.line());
            assertEquals(3, syntax.column());
            TesseraException name = assertThrows(TesseraException.class, () -> session.query("SELECT nope + 1"));
            assertEquals(TesseraException.Category.NAME, name.category());
            assertEquals(1, name.line());
            assertEquals(8, name.column());
            TesseraException io = assertThrows(TesseraException.class,
                    () -> session.query("SELECT x FROM npy('/etc/passwd')"));
            assertEquals(TesseraException.Category.IO, io.category());
            assertEquals(42.0, session.query("SELECT 6 * 7 AS v").item("v").doubleValue(), "the session goes on");
        }
    }

    @Test
    void errorsComeAsTheKindThatSaysWhatToDo() throws Exception {
        try (Session session = Tessera.open(root, true, Settings.defaults().withMemoryLimit(2_000_000))) {
            assertInstanceOf(QueryException.class, assertThrows(TesseraException.class,
                    () -> session.query("SELECT 1 +")));
            assertInstanceOf(QueryException.class, assertThrows(TesseraException.class,
                    () -> session.query("SELECT arange(3) + arange(4)")));
            assertInstanceOf(DataException.class, assertThrows(TesseraException.class,
                    () -> session.query("SELECT x FROM npy('missing.npy') AS x")));
            assertInstanceOf(LimitException.class, assertThrows(TesseraException.class,
                    () -> session.query("SELECT zeros((1000, 1000))")));
        }
        try (Session session = Tessera.open(root, true, Settings.defaults())) {
            java.util.concurrent.CompletableFuture<Throwable> running = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            session.query("SELECT sum(x) FROM random_normal(0, 1, shape => (200000, 20000)) AS x");
                            return null;
                        } catch (TesseraException e) {
                            return e;
                        }
                    });
            Thread.sleep(300);
            session.cancel();
            assertInstanceOf(CancelledException.class, running.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void preparedTextReplacesParametersWithLiterals() {
        PreparedText text = PreparedText.of("SELECT x[?:?] * ? AS \"a?\", '?' /* ? */ FROM hdf5(?) AS x -- why?");
        assertEquals(4, text.parameterCount());
        assertEquals("SELECT x[1:(-2)] * 2.5 AS \"a?\", '?' /* ? */ FROM hdf5('it''s.h5') AS x -- why?",
                text.bind(List.of(1, -2L, 2.5, "it's.h5")));
        assertEquals("SELECT TRUE, nan, (-inf), 1000, 0.250, (-3)", PreparedText.of("SELECT ?, ?, ?, ?, ?, ?")
                .bind(List.of(true, Double.NaN, Float.NEGATIVE_INFINITY, new java.math.BigDecimal("1E+3"),
                        new java.math.BigDecimal("0.250"), new java.math.BigDecimal("-3.00"))));
        assertEquals(TesseraException.Category.ARGUMENT,
                assertThrows(TesseraException.class, () -> text.bind(List.of(1))).category());
        TesseraException bad = assertThrows(TesseraException.class,
                () -> PreparedText.of("SELECT ?").bind(Arrays.asList((Object) null)));
        assertTrue(bad.getMessage().contains("parameter 1 is null"), bad.getMessage());
        TesseraException syntax = assertThrows(TesseraException.class, () -> PreparedText.of("SELECT ? +"));
        assertEquals(TesseraException.Category.SYNTAX, syntax.category());
        try (Session session = Tessera.open(root, true, Settings.defaults())) {
            // a negative value keeps its meaning beside any operator
            assertEquals(11, session.query(PreparedText.of("SELECT 10-? AS d").bind(List.of(-1))).item("d")
                    .longValue());
            assertEquals(9, session.query(PreparedText.of("SELECT ? ** 2 AS p").bind(List.of(-3))).item("p")
                    .longValue());
            assertEquals(List.of(7.0, 8.0), java.util.Arrays.stream(session.query(PreparedText
                    .of("SELECT arange(10.0)[?:?] AS s").bind(List.of(-3, -1))).item("s").toDoubleArray()).boxed()
                    .toList());
            assertEquals(Double.NEGATIVE_INFINITY, session.query(PreparedText.of("SELECT ? * 2 AS i")
                    .bind(List.of(Double.NEGATIVE_INFINITY))).item("i").doubleValue());
            TesseraException loose = assertThrows(TesseraException.class, () -> session.query("SELECT ? + 1"));
            assertInstanceOf(TesseraException.class, loose);
            assertTrue(loose.getMessage().contains("'?' stands for a parameter"), loose.getMessage());
            assertEquals(1, loose.line());
            assertEquals(8, loose.column());
        }
    }
}
