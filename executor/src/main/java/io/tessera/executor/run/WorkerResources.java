package io.tessera.executor.run;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.Inflater;

/** What one worker thread keeps between tasks of a statement: its arena, I/O buffers and scratch lanes. */
final class WorkerResources {
    private final Arena arena;
    private final MemoryBudget budget;
    private ByteBuffer raw;
    private ByteBuffer scratch;
    private Inflater inflater;
    private long bufferBytes;
    private final Map<Object, Object> scratchByOwner = new IdentityHashMap<>();

    WorkerResources(MemoryBudget budget) {
        this.budget = budget;
        this.arena = new Arena(budget);
    }

    Arena arena() {
        return arena;
    }

    ByteBuffer raw(int bytes) {
        raw = ensure(raw, bytes);
        return prepare(raw, bytes);
    }

    ByteBuffer scratch(int bytes) {
        scratch = ensure(scratch, bytes);
        return prepare(scratch, bytes);
    }

    private ByteBuffer ensure(ByteBuffer buffer, int bytes) {
        if (buffer != null && buffer.capacity() >= bytes) {
            return buffer;
        }
        int capacity = Math.max(bytes, 1 << 16);
        budget.reserve(capacity, "an I/O buffer");
        bufferBytes += capacity;
        if (buffer != null) {
            budget.release(buffer.capacity());
            bufferBytes -= buffer.capacity();
        }
        return ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer prepare(ByteBuffer buffer, int bytes) {
        buffer.clear().limit(bytes);
        return buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    Inflater inflater() {
        if (inflater == null) {
            inflater = new Inflater();
        }
        return inflater;
    }

    /** Per-thread state that an operator owns (e.g. a program's lanes), made on first use. */
    @SuppressWarnings("unchecked")
    <T> T scratchFor(Object owner, Function<Object, T> make) {
        return (T) scratchByOwner.computeIfAbsent(owner, make);
    }

    void release() {
        arena.release();
        budget.release(bufferBytes);
        bufferBytes = 0;
        raw = null;
        scratch = null;
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
        scratchByOwner.clear();
    }
}
