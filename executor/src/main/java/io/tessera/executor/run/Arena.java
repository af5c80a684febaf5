package io.tessera.executor.run;

import io.tessera.executor.Block;
import io.tessera.executor.ExecutorException;
import io.tessera.executor.DType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Primitive arrays a worker reuses from task to task. Fresh memory is slow to touch on these
 * machines, so buffers are kept: arrays return to the arena as soon as what used them is done
 * ({@link #mark} and {@link #releaseTo}, last in first out) and at the end of each task, and the
 * next block of similar size takes them back. Small arrays are not pooled.
 */
public final class Arena {
    /** Arrays below this many elements are cheaper to allocate than to pool. */
    private static final int POOLED_MIN = 4096;

    /** Free arrays by storage class and capacity. */
    private final Map<StorageClass, TreeMap<Integer, ArrayDeque<Object>>> free = new EnumMap<>(StorageClass.class);
    private final List<Object> inUse = new ArrayList<>();
    private final MemoryBudget budget;
    private long bytes;

    private enum StorageClass {
        BYTE(1), SHORT(2), INT(4), LONG(8), FLOAT(4), DOUBLE(8);

        final int itemSize;

        StorageClass(int itemSize) {
            this.itemSize = itemSize;
        }
    }

    public Arena(MemoryBudget budget) {
        this.budget = budget;
    }

    private static StorageClass storageOf(DType dtype) {
        return switch (dtype) {
            case BOOL, INT8, UINT8 -> StorageClass.BYTE;
            case INT16, UINT16 -> StorageClass.SHORT;
            case INT32, UINT32 -> StorageClass.INT;
            case INT64, UINT64 -> StorageClass.LONG;
            case FLOAT32 -> StorageClass.FLOAT;
            case FLOAT64 -> StorageClass.DOUBLE;
        };
    }

    /** A block of this shape, pooled until {@link #releaseTo} or {@link #recycle} gives it back. */
    public Block allocate(DType dtype, int[] shape) {
        int size = io.tessera.executor.Shapes.intSize(shape);
        if (size < POOLED_MIN) {
            return Block.allocate(dtype, shape);
        }
        StorageClass kind = storageOf(dtype);
        TreeMap<Integer, ArrayDeque<Object>> byCapacity = free.computeIfAbsent(kind, k -> new TreeMap<>());
        // take the smallest free array that fits, unless it wastes more than half of itself
        Map.Entry<Integer, ArrayDeque<Object>> entry = byCapacity.ceilingEntry(size);
        Object array;
        if (entry != null && entry.getKey() <= 2L * size) {
            array = entry.getValue().poll();
            if (entry.getValue().isEmpty()) {
                byCapacity.remove(entry.getKey());
            }
        } else {
            long arrayBytes = (long) size * dtype.itemSize();
            String what = "a buffer of " + io.tessera.executor.Shapes.format(shape) + " " + dtype;
            try {
                budget.reserve(arrayBytes, what);
            } catch (ExecutorException e) {
                // free arrays of other sizes or kinds may hold the bytes this one needs
                if (!dropFree()) {
                    throw e;
                }
                budget.reserve(arrayBytes, what);
            }
            bytes += arrayBytes;
            array = Block.newArray(dtype, size);
        }
        inUse.add(array);
        return new Block(dtype, shape, array);
    }

    /** A point to return to: how many pooled arrays are handed out now. */
    public int mark() {
        return inUse.size();
    }

    /**
     * Returns the arrays handed out since {@code mark} to the free lists (blocks made from them are
     * dead), except those {@code keep} accepts, which stay handed out, now as if taken at the mark.
     */
    public void releaseTo(int mark, java.util.function.Predicate<Object> keep) {
        List<Object> kept = new ArrayList<>();
        for (int i = inUse.size() - 1; i >= mark; i--) {
            Object array = inUse.remove(i);
            if (keep.test(array)) {
                kept.add(array);
                continue;
            }
            StorageClass kind = storageOf(array);
            int capacity = java.lang.reflect.Array.getLength(array);
            free.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(capacity, c -> new ArrayDeque<>()).add(array);
        }
        for (int i = kept.size() - 1; i >= 0; i--) {
            inUse.add(kept.get(i));
        }
    }

    /** Returns every array handed out to the free lists. */
    public void recycle() {
        releaseTo(0, array -> false);
    }

    private static StorageClass storageOf(Object array) {
        if (array instanceof double[]) {
            return StorageClass.DOUBLE;
        }
        if (array instanceof float[]) {
            return StorageClass.FLOAT;
        }
        if (array instanceof long[]) {
            return StorageClass.LONG;
        }
        if (array instanceof int[]) {
            return StorageClass.INT;
        }
        if (array instanceof short[]) {
            return StorageClass.SHORT;
        }
        return StorageClass.BYTE;
    }

    /** Drops the free arrays and gives their bytes back to the budget; false when there were none. */
    private boolean dropFree() {
        long freed = 0;
        for (Map.Entry<StorageClass, TreeMap<Integer, ArrayDeque<Object>>> kind : free.entrySet()) {
            for (Map.Entry<Integer, ArrayDeque<Object>> capacity : kind.getValue().entrySet()) {
                freed += (long) capacity.getKey() * kind.getKey().itemSize * capacity.getValue().size();
            }
        }
        free.clear();
        budget.release(freed);
        bytes -= freed;
        return freed > 0;
    }

    /** Drops every pooled array and gives its bytes back to the budget. */
    public void release() {
        free.clear();
        inUse.clear();
        budget.release(bytes);
        bytes = 0;
    }
}
