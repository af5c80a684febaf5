package io.tessera.executor.run;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.DType;
import io.tessera.executor.generate.Generator;
import io.tessera.executor.storage.ArraySource;
import io.tessera.executor.storage.ChunkData;
import io.tessera.executor.storage.IoContext;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.Inflater;

/**
 * Everything one task uses: its worker's buffers, a cache of the stored chunks it read (so a source
 * used twice in one region is read once), a memo of shared operators' blocks, and the statement's
 * statistics and cancellation.
 */
public final class TaskContext implements IoContext {
    private final WorkerResources worker;
    private final ExecutionStats stats;
    private final CancellationToken token;
    private final Map<ChunkKey, Cached<ChunkData>> chunks = new HashMap<>();
    private final Map<MemoKey, Cached<Block>> memo = new HashMap<>();

    /** A cached value and the arena mark it was made after (it dies when the arena goes back past it). */
    private record Cached<T>(T value, int mark) {
    }
    private ArraySource reading;

    private record ChunkKey(Object source, int[] chunk) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ChunkKey key && key.source.equals(source) && Arrays.equals(key.chunk, chunk);
        }

        @Override
        public int hashCode() {
            return source.hashCode() * 31 + Arrays.hashCode(chunk);
        }
    }

    private record MemoKey(Object owner, Box box) {
        @Override
        public boolean equals(Object other) {
            return other instanceof MemoKey key && key.owner == owner && key.box.equals(box);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(owner) * 31 + box.hashCode();
        }
    }

    TaskContext(WorkerResources worker, ExecutionStats stats, CancellationToken token) {
        this.worker = worker;
        this.stats = stats;
        this.token = token;
    }

    /** A stored chunk of a source, read at most once per task when {@code shared}. */
    public ChunkData readChunk(ArraySource source, int[] chunk, boolean shared) {
        if (!shared) {
            return read(source, chunk);
        }
        ChunkKey key = new ChunkKey(source.identity(), chunk.clone());
        Cached<ChunkData> cached = chunks.get(key);
        if (cached == null) {
            int mark = mark();
            cached = new Cached<>(read(source, chunk), mark);
            chunks.put(key, cached);
        }
        return cached.value();
    }

    private ChunkData read(ArraySource source, int[] chunk) {
        ArraySource previous = reading;
        reading = source;
        try {
            stats.chunkRead(source);
            return source.readChunk(chunk, this);
        } finally {
            reading = previous;
        }
    }

    /** The block a shared operator produced for {@code box} in this task, computed once. */
    public Block memo(Object owner, Box box, Supplier<Block> compute) {
        MemoKey key = new MemoKey(owner, box);
        Cached<Block> cached = memo.get(key);
        if (cached == null) {
            int mark = mark();
            cached = new Cached<>(compute.get(), mark);
            memo.put(key, cached);
        }
        return cached.value();
    }

    /**
     * A point to come back to: blocks allocated after it can be given back with {@link #releaseTo}
     * once the caller is done with them (keeps a task's memory to a few chunks however much it reads).
     */
    public int mark() {
        return worker.arena().mark();
    }

    /**
     * Ends an operator's scope: gives back every block allocated since {@code mark} except
     * {@code keep} (its result, may be null) and the stored chunks of shared sources, which later
     * operators of the same piece of work may read again (they go at the end of the piece, see
     * {@link #releasePiece}).
     */
    public void releaseTo(int mark, Block keep) {
        Object kept = keep == null ? null : keep.data();
        java.util.Set<Object> shared = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Cached<ChunkData> cached : chunks.values()) {
            shared.add(cached.value().block().data());
        }
        release(mark, array -> array == kept || shared.contains(array));
    }

    /** Ends a piece of work (a reduction's piece, a task's box): gives back everything since {@code mark}. */
    public void releasePiece(int mark) {
        release(mark, array -> false);
    }

    private void release(int mark, java.util.function.Predicate<Object> keep) {
        worker.arena().releaseTo(mark, keep);
        int kept = mark;
        // entries whose arrays stay are now held from the mark; the others are gone
        chunks.replaceAll((key, cached) -> cached.mark() >= mark && keep.test(cached.value().block().data())
                ? new Cached<>(cached.value(), kept) : cached);
        chunks.values().removeIf(cached -> cached.mark() >= mark && !keep.test(cached.value().block().data()));
        memo.replaceAll((key, cached) -> cached.mark() >= mark && keep.test(cached.value().data())
                ? new Cached<>(cached.value(), kept) : cached);
        memo.values().removeIf(cached -> cached.mark() >= mark && !keep.test(cached.value().data()));
    }

    /** Per-thread state owned by an operator, such as a program's lanes. */
    public <T> T scratch(Object owner, Function<Object, T> make) {
        return worker.scratchFor(owner, make);
    }

    @Override
    public Block allocate(DType dtype, int[] shape) {
        return worker.arena().allocate(dtype, shape);
    }

    @Override
    public ByteBuffer rawBuffer(int bytes) {
        return worker.raw(bytes);
    }

    @Override
    public ByteBuffer scratchBuffer(int bytes) {
        return worker.scratch(bytes);
    }

    @Override
    public Inflater inflater() {
        return worker.inflater();
    }

    @Override
    public void bytesRead(ArraySource source, long bytes) {
        stats.bytesRead(reading != null ? reading : source, bytes);
    }

    /** Records that a box of {@code elements} elements of a generated array was computed. */
    public void generated(Generator generator, long elements) {
        stats.generated(generator, elements);
    }

    @Override
    public void checkCancelled() {
        token.check();
    }

    /** Ends the task: its blocks go back to the worker's arena. */
    void finish() {
        chunks.clear();
        memo.clear();
        worker.arena().recycle();
    }
}
