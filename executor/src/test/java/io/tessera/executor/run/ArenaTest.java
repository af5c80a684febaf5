package io.tessera.executor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;
import org.junit.jupiter.api.Test;

class ArenaTest {
    @Test
    void recycledArraysAreHandedOutAgain() {
        MemoryBudget budget = new MemoryBudget(1 << 20);
        Arena arena = new Arena(budget);
        Block first = arena.allocate(DType.FLOAT64, new int[] {8192});
        arena.recycle();
        Block second = arena.allocate(DType.FLOAT64, new int[] {8000});
        assertSame(first.data(), second.data());
        assertEquals(8192 * 8, budget.used());
    }

    @Test
    void freeArraysOfAnotherKindMakeRoomWhenTheBudgetIsShort() {
        MemoryBudget budget = new MemoryBudget(100_000);
        Arena arena = new Arena(budget);
        arena.allocate(DType.FLOAT64, new int[] {8192});
        arena.recycle();
        // 64 KiB free as doubles and 48 KiB wanted as floats: only dropping the doubles fits it
        arena.allocate(DType.FLOAT32, new int[] {12_000});
        assertEquals(48_000, budget.used());
        arena.release();
        assertEquals(0, budget.used());
    }

    @Test
    void arraysInUseAreNotDropped() {
        MemoryBudget budget = new MemoryBudget(100_000);
        Arena arena = new Arena(budget);
        arena.allocate(DType.FLOAT64, new int[] {8192});
        ExecutorException e = assertThrows(ExecutorException.class,
                () -> arena.allocate(DType.FLOAT32, new int[] {12_000}));
        assertEquals(ExecutorException.Kind.MEMORY, e.kind());
        assertEquals(8192 * 8, budget.used());
    }
}
