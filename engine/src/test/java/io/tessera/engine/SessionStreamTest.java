package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.executor.Box;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The embedded API's stream of chunks, for results too big to hold. */
class SessionStreamTest {
    @Test
    void everyElementArrivesOnceInItsPlace() {
        try (Session session = Tessera.open(Path.of(""), false, Settings.defaults().withChunkBytes(4096)
                .withMemoryLimit(1 << 20))) {
            String array = "reshape(arange(3000000.0), (30, 100, 1000))";
            Map<String, AtomicLong> sums = new ConcurrentHashMap<>();
            AtomicLong misplaced = new AtomicLong();
            session.stream("SELECT " + array + " AS a, sum(" + array + ", axis => 0) AS b", (item, box, values) -> {
                for (int i = 0; i < values.size(); i++) {
                    if (item.equals("a") && values.getDouble(i) != flatIndex(box, i, new long[] {30, 100, 1000})) {
                        misplaced.incrementAndGet();
                    }
                    sums.computeIfAbsent(item, k -> new AtomicLong()).addAndGet((long) values.getDouble(i));
                }
            });
            assertEquals(0, misplaced.get());
            long n = 3_000_000L;
            assertEquals(n * (n - 1) / 2, sums.get("a").get(), "each element once: 24 MB through a 1 MB limit");
            assertEquals(n * (n - 1) / 2, sums.get("b").get());
        }
    }

    private static double flatIndex(Box box, int offset, long[] shape) {
        long index = 0;
        long rest = offset;
        long[] position = new long[box.ndim()];
        for (int axis = box.ndim() - 1; axis >= 0; axis--) {
            position[axis] = rest % box.count(axis);
            rest /= box.count(axis);
        }
        for (int axis = 0; axis < box.ndim(); axis++) {
            index = index * shape[axis] + box.start(axis) + position[axis];
        }
        return index;
    }

    @Test
    void onlyOneSelectWithArraysCanStream() {
        try (Session session = Tessera.open()) {
            TesseraException two = assertThrows(TesseraException.class,
                    () -> session.stream("SELECT 1; SELECT 2", (item, box, values) -> { }));
            assertTrue(two.getMessage().contains("one SELECT"), two.getMessage());
            TesseraException into = assertThrows(TesseraException.class,
                    () -> session.stream("SELECT ones(2) INTO npy('x.npy')", (item, box, values) -> { }));
            assertTrue(into.getMessage().contains("leave out INTO"), into.getMessage());
            TesseraException syntax = assertThrows(TesseraException.class,
                    () -> session.stream("SELECT (1", (item, box, values) -> { }));
            assertEquals(1, syntax.line());
        }
    }
}
