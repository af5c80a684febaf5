package io.tessera.executor.run;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.Shapes;
import io.tessera.executor.kernel.Gather;
import io.tessera.executor.op.Operator;
import io.tessera.executor.op.Operators;
import io.tessera.executor.op.ReduceOp;
import io.tessera.executor.plan.MapNode;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.RechunkNode;
import io.tessera.executor.plan.ReduceNode;
import io.tessera.executor.plan.SliceNode;
import io.tessera.executor.plan.ValuesNode;
import io.tessera.executor.sink.ChunkSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs physical plans on a fixed pool of worker threads, chunk by chunk, within a memory budget.
 *
 * <p>A reduction whose result is a root, is broadcast against something larger, or is small and has
 * too few chunks to keep the workers busy inline, runs first as a <em>stage</em>: its work is cut
 * into pieces of the reduced axes, run in parallel, and
 * the partial states merged in a fixed order (so results do not depend on the number of threads);
 * reductions over the same operand grid run in one stage and share their reads (a root written into
 * a sink gets each output chunk as soon as it is merged, and is not kept). Everything else,
 * large reductions included, is computed inline, box by box, as the roots' chunks ask for it; a
 * large result has chunks enough to keep every worker busy.
 */
public final class Executor implements AutoCloseable {
    /** Work of a staged reduction is cut into about this many tasks, whatever the thread count. */
    private static final int STAGE_TASKS = 64;

    /**
     * Reductions with results up to this size, and too few chunks to keep the workers busy computed
     * inline, run as stages wherever they are in the plan.
     */
    private static final long SMALL_RESULT_BYTES = 16L << 20;

    private final int threads;
    private final ExecutorService pool;

    public Executor(int threads) {
        this.threads = Math.max(1, threads);
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "tessera-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(this.threads, factory);
    }

    public int threads() {
        return threads;
    }

    /** Computes every root and returns their values, in the order of the roots. */
    public List<Block> compute(List<PlanNode> roots, MemoryBudget budget, ExecutionStats stats,
            CancellationToken token) {
        try (StatementRun run = new StatementRun(pool, threads, budget, stats, token)) {
            Map<PlanNode, PlanNode> computed = runStages(run, roots, Map.of());
            Operators operators = new Operators(roots, computed);
            List<Block> results = new ArrayList<>();
            for (PlanNode root : roots) {
                PlanNode done = computed.get(root);
                results.add(done != null ? ((ValuesNode) done).block() : runRoot(run, operators.get(root)));
            }
            return results;
        }
    }

    /**
     * Computes every root and streams it, chunk by chunk as its grid cuts it, into its sink; no root
     * is held whole. A root reduction runs as a stage that hands each output chunk to the sink as
     * soon as its partial states are merged.
     */
    public void write(List<PlanNode> roots, List<ChunkSink> sinks, MemoryBudget budget, ExecutionStats stats,
            CancellationToken token) {
        try (StatementRun run = new StatementRun(pool, threads, budget, stats, token)) {
            Map<PlanNode, ChunkSink> streamed = new IdentityHashMap<>();
            for (int i = 0; i < roots.size(); i++) {
                if (roots.get(i) instanceof ReduceNode) {
                    streamed.putIfAbsent(roots.get(i), sinks.get(i));
                }
            }
            Operators operators = new Operators(roots, runStages(run, roots, streamed));
            for (int i = 0; i < roots.size(); i++) {
                if (streamed.get(roots.get(i)) == sinks.get(i)) {
                    continue;
                }
                Operator root = operators.get(roots.get(i));
                ChunkSink sink = sinks.get(i);
                List<Box> boxes = roots.get(i).chunks().boxes();
                OrderedTasks.run(run, boxes.size(), (index, context) -> {
                    Box box = boxes.get(index);
                    try {
                        sink.write(box, root.evaluate(box, context));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return Boolean.TRUE;
                }, (index, done) -> { });
            }
        }
    }

    /**
     * Runs the staged reductions; returns each with the node that holds its values, except those in
     * {@code streamed}, whose output chunks go to their sink and are not kept.
     */
    private Map<PlanNode, PlanNode> runStages(StatementRun run, List<PlanNode> roots,
            Map<PlanNode, ChunkSink> streamed) {
        Map<PlanNode, PlanNode> computed = new IdentityHashMap<>();
        for (List<ReduceNode> stage : stages(roots, threads)) {
            List<Block> results = runStage(run, stage, new Operators(stage.stream().map(r -> (PlanNode) r).toList(),
                    computed), streamed);
            for (int i = 0; i < stage.size(); i++) {
                ReduceNode node = stage.get(i);
                if (results.get(i) != null) {
                    computed.put(node, new ValuesNode(results.get(i), node.chunks()));
                }
            }
        }
        return computed;
    }

    /** How many tasks {@link #compute} will run for these roots (for EXPLAIN). */
    public long plannedTasks(List<PlanNode> roots) {
        long tasks = 0;
        Set<PlanNode> staged = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<ReduceNode> stage : stages(roots, threads)) {
            staged.addAll(stage);
            Operators operators = new Operators(List.of(stage.get(0)), Map.of());
            List<Box> outputs = stage.get(0).chunks().boxes();
            for (Box output : outputs) {
                tasks += stageParts(operators.reduction(stage.get(0)).pieces(output).size(), outputs.size());
            }
        }
        for (PlanNode root : roots) {
            if (!staged.contains(root)) {
                tasks += root.chunks().totalChunks();
            }
        }
        return tasks;
    }

    /** Into how many tasks the pieces of one output chunk of a stage are cut. */
    private static int stageParts(int pieces, int outputs) {
        return Math.max(1, Math.min(pieces, (STAGE_TASKS + outputs - 1) / outputs));
    }

    /** Reductions to run as stages, grouped, inputs before consumers. */
    private static List<List<ReduceNode>> stages(List<PlanNode> roots, int threads) {
        Set<ReduceNode> staged = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (PlanNode root : roots) {
            if (root instanceof ReduceNode reduce) {
                staged.add(reduce);
            }
        }
        Map<PlanNode, Boolean> seen = new IdentityHashMap<>();
        for (PlanNode root : roots) {
            findStagedReductions(root, seen, staged, threads);
        }
        // depth order: a stage may only read stages computed before it
        Map<ReduceNode, Integer> depth = new IdentityHashMap<>();
        for (ReduceNode node : staged) {
            depth.put(node, stagedDepth(node, staged, new IdentityHashMap<>()));
        }
        Map<List<Object>, List<ReduceNode>> groups = new LinkedHashMap<>();
        staged.stream()
                .sorted((a, b) -> Integer.compare(depth.get(a), depth.get(b)))
                .forEach(node -> groups.computeIfAbsent(List.of(depth.get(node), new GridKey(node)),
                        key -> new ArrayList<>()).add(node));
        return new ArrayList<>(groups.values());
    }

    /** Reductions with equal operand grids and axes iterate identically and can share one stage. */
    private record GridKey(long[] operandShape, ChunkGrid operandChunks, int[] axes, ChunkGrid chunks) {
        GridKey(ReduceNode node) {
            this(node.operandShape(), node.operandChunks(), node.axes(), node.chunks());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof GridKey key && Arrays.equals(operandShape, key.operandShape)
                    && operandChunks.equals(key.operandChunks) && Arrays.equals(axes, key.axes)
                    && chunks.equals(key.chunks);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(operandShape), operandChunks, Arrays.hashCode(axes), chunks);
        }
    }

    private static int stagedDepth(PlanNode node, Set<ReduceNode> staged, Map<PlanNode, Integer> memo) {
        Integer known = memo.get(node);
        if (known != null) {
            return known;
        }
        int depth = 0;
        for (PlanNode input : node.inputs()) {
            depth = Math.max(depth, stagedDepth(input, staged, memo));
        }
        if (node instanceof ReduceNode reduce && staged.contains(reduce)) {
            depth++;
        }
        memo.put(node, depth);
        return depth;
    }

    // a small reduction with few chunks would run on few threads inline, and is cheap to hold; one
    // broadcast against a larger array would be recomputed for every chunk of it. Others stay inline,
    // where what they share with their consumers (t2m[0] beside mean(t2m, axis => 0)) is read once
    private static void findStagedReductions(PlanNode node, Map<PlanNode, Boolean> seen, Set<ReduceNode> staged,
            int threads) {
        if (seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof ReduceNode reduce && reduce.bytes() <= SMALL_RESULT_BYTES
                && reduce.chunks().totalChunks() < 2L * threads) {
            staged.add(reduce);
        }
        long[] shape = node instanceof ReduceNode reduce ? reduce.operandShape()
                : node instanceof MapNode ? node.shape() : null;
        for (PlanNode input : node.inputs()) {
            if (shape != null && Shapes.size(input.shape()) < Shapes.size(shape)) {
                ReduceNode below = reductionBelow(input);
                if (below != null) {
                    staged.add(below);
                }
            }
            findStagedReductions(input, seen, staged, threads);
        }
    }

    private static ReduceNode reductionBelow(PlanNode node) {
        if (node instanceof ReduceNode reduce) {
            return reduce;
        }
        if (node instanceof SliceNode slice) {
            return reductionBelow(slice.input());
        }
        if (node instanceof RechunkNode rechunk) {
            return reductionBelow(rechunk.input());
        }
        return null;
    }

    /** One piece of a stage: output chunk {@code box}, operand pieces {@code [from, to)}. */
    private record StageTask(int output, Box box, int from, int to, int part, int parts) {
    }

    private List<Block> runStage(StatementRun run, List<ReduceNode> stage, Operators operators,
            Map<PlanNode, ChunkSink> streamed) {
        ReduceOp[] ops = stage.stream().map(operators::reduction).toArray(ReduceOp[]::new);
        // a mean beside a var or std of the same operand takes its value from theirs
        int[] from = new int[ops.length];
        for (int r = 0; r < ops.length; r++) {
            from[r] = r;
            for (int v = 0; v < ops.length && from[r] == r; v++) {
                if (ops[r].isMeanOf(ops[v])) {
                    from[r] = v;
                }
            }
        }
        List<Block> results = new ArrayList<>();
        for (ReduceNode node : stage) {
            if (streamed.containsKey(node)) {
                results.add(null);
                continue;
            }
            run.budget().reserve(node.bytes(), "the result of " + node.function().functionName());
            results.add(Block.allocate(node.dtype(), Shapes.toInt(node.shape())));
        }
        List<Box> outputs = stage.get(0).chunks().boxes();
        List<StageTask> tasks = new ArrayList<>();
        List<List<Box>> piecesPerOutput = new ArrayList<>();
        for (int o = 0; o < outputs.size(); o++) {
            List<Box> pieces = ops[0].pieces(outputs.get(o));
            piecesPerOutput.add(pieces);
            int parts = stageParts(pieces.size(), outputs.size());
            for (int p = 0; p < parts; p++) {
                tasks.add(new StageTask(o, outputs.get(o), (int) ((long) p * pieces.size() / parts),
                        (int) ((long) (p + 1) * pieces.size() / parts), p, parts));
            }
        }
        Object[][] merged = new Object[outputs.size()][];
        OrderedTasks.run(run, tasks.size(), (index, context) -> {
            StageTask task = tasks.get(index);
            Object[] states = new Object[ops.length];
            for (int r = 0; r < ops.length; r++) {
                if (from[r] == r) {
                    states[r] = ops[r].newState(task.box());
                }
            }
            List<Box> pieces = piecesPerOutput.get(task.output());
            for (int i = task.from(); i < task.to(); i++) {
                // every reduction of the stage folds the piece before its blocks are given back,
                // so an operand they share is read once
                int mark = context.mark();
                for (int r = 0; r < ops.length; r++) {
                    if (from[r] == r) {
                        ops[r].feed(states[r], task.box(), pieces.get(i), context);
                    }
                }
                context.releasePiece(mark);
            }
            return states;
        }, (index, states) -> {
            StageTask task = tasks.get(index);
            if (task.part() == 0) {
                merged[task.output()] = states;
            } else {
                for (int r = 0; r < ops.length; r++) {
                    if (from[r] == r) {
                        ops[r].merge(merged[task.output()][r], states[r]);
                    }
                }
            }
            if (task.part() == task.parts() - 1) {
                for (int r = 0; r < ops.length; r++) {
                    Block out = Block.allocate(stage.get(r).dtype(), task.box().intShape());
                    Object state = merged[task.output()][from[r]];
                    Block block = from[r] == r ? ops[r].finish(state, task.box(), out)
                            : ops[r].finishFromVariance(state, out);
                    if (results.get(r) != null) {
                        place(block, task.box(), results.get(r));
                    } else {
                        try {
                            streamed.get(stage.get(r)).write(task.box(), block);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                merged[task.output()] = null;
            }
        });
        return results;
    }

    private Block runRoot(StatementRun run, Operator root) {
        PlanNode node = root.node();
        run.budget().reserve(node.bytes(), "the result " + Shapes.format(node.shape()) + " " + node.dtype());
        Block result = Block.allocate(node.dtype(), Shapes.toInt(node.shape()));
        List<Box> boxes = node.chunks().boxes();
        OrderedTasks.run(run, boxes.size(), (index, context) -> {
            Box box = boxes.get(index);
            place(root.evaluate(box, context), box, result);
            return Boolean.TRUE;
        }, (index, done) -> { });
        return result;
    }

    /** Copies a block computed for {@code box} into its place in the whole result. */
    private static void place(Block block, Box box, Block result) {
        int rank = box.ndim();
        int[] start = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            start[axis] = Math.toIntExact(box.start(axis));
        }
        Gather.copyBox(block, new int[rank], block.shape(), result, start);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            // a closed executor leaves no thread behind (a client opening and closing many sessions counts on it)
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
