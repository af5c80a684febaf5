package io.tessera.executor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tessera.executor.ExecutorException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    @Test
    void sizesReadTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("2.5 KiB", MemoryBudget.formatBytes(2560));
            assertEquals("3 MiB", MemoryBudget.formatBytes(3L << 20));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void reservationsPastTheLimitFailAndKeepThePeak() {
        MemoryBudget budget = new MemoryBudget(1000);
        budget.reserve(600, "a");
        ExecutorException e = assertThrows(ExecutorException.class, () -> budget.reserve(500, "b"));
        assertEquals(ExecutorException.Kind.MEMORY, e.kind());
        budget.release(600);
        assertEquals(0, budget.used());
        assertEquals(600, budget.peak());
    }
}
