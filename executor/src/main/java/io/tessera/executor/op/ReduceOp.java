package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.expr.MapProgram;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.ReduceNode;
import io.tessera.executor.reduce.LaneSource;
import io.tessera.executor.reduce.ReductionWalker;
import io.tessera.executor.reduce.Reducer;
import io.tessera.executor.reduce.ReduceFunction;
import io.tessera.executor.reduce.Reducers;
import io.tessera.executor.reduce.VarianceReducer;
import io.tessera.executor.run.TaskContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A reduction, fused with the elementwise expression below it. A box of the output is computed by
 * walking the operand's chunks along the reduced axes one after another, folding each into
 * per-output accumulators; the executor may also split that walk across tasks and merge the
 * partial states ({@link #pieces}, {@link #feed}, {@link #merge}, {@link #finish}).
 */
public final class ReduceOp implements Operator {
    private final ReduceNode node;
    private final Operator[] inputs;
    private final MapProgram program;
    private final Reducer reducer;
    private final long[] operandShape;
    private final boolean[] reduced;
    private final long[] reducedStrides;

    ReduceOp(ReduceNode node, Operator[] inputs) {
        this.node = node;
        this.inputs = inputs;
        this.program = node.operand() == null ? null : new MapProgram(node.operand(), inputs.length);
        DType operandType = node.operand() == null ? inputs[0].node().dtype() : node.operand().dtype();
        this.operandShape = node.operandShape();
        long reducedCount = 1;
        for (int axis : node.axes()) {
            reducedCount *= operandShape[axis];
        }
        this.reducer = Reducers.create(node.function(), operandType, node.ddof(), reducedCount);
        this.reduced = new boolean[operandShape.length];
        for (int axis : node.axes()) {
            reduced[axis] = true;
        }
        this.reducedStrides = new long[operandShape.length];
        long stride = 1;
        for (int axis = operandShape.length - 1; axis >= 0; axis--) {
            if (reduced[axis]) {
                reducedStrides[axis] = stride;
                stride *= operandShape[axis];
            }
        }
    }

    @Override
    public ReduceNode node() {
        return node;
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        Object state = newState(box);
        for (Box piece : pieces(box)) {
            int mark = context.mark();
            feed(state, box, piece, context);
            // the piece is folded into the state: give its blocks back before reading the next
            context.releasePiece(mark);
        }
        return finish(state, box, context.allocate(node.dtype(), box.intShape()));
    }

    /** Accumulators for every output of {@code box}, before any value. */
    public Object newState(Box box) {
        return reducer.newState(Math.toIntExact(box.size()));
    }

    /** The operand boxes that make up output {@code box}: its chunks along the reduced axes, in order. */
    public List<Box> pieces(Box box) {
        Box operand = operandBox(box);
        ChunkGrid grid = node.operandChunks();
        int rank = operandShape.length;
        List<long[]> starts = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        for (int axis = 0; axis < rank; axis++) {
            if (!reduced[axis]) {
                starts.add(new long[] {operand.start(axis)});
                counts.add(new long[] {operand.count(axis)});
                continue;
            }
            io.tessera.executor.AxisChunks chunks = grid.axis(axis);
            int n = chunks.count();
            long[] s = new long[n];
            long[] c = new long[n];
            for (int i = 0; i < n; i++) {
                s[i] = chunks.start(i);
                c[i] = chunks.size(i);
            }
            starts.add(s);
            counts.add(c);
        }
        List<Box> pieces = new ArrayList<>();
        for (long[] count : counts) {
            if (count.length == 0) {
                // an empty reduced axis: nothing to fold, but the output still needs its state
                return pieces;
            }
        }
        int[] choice = new int[rank];
        while (true) {
            long[] start = new long[rank];
            long[] count = new long[rank];
            for (int axis = 0; axis < rank; axis++) {
                start[axis] = starts.get(axis)[choice[axis]];
                count[axis] = counts.get(axis)[choice[axis]];
            }
            pieces.add(new Box(start, count));
            int axis = rank - 1;
            while (axis >= 0) {
                if (++choice[axis] < starts.get(axis).length) {
                    break;
                }
                choice[axis] = 0;
                axis--;
            }
            if (axis < 0) {
                return pieces;
            }
        }
    }

    private Box operandBox(Box box) {
        int rank = operandShape.length;
        long[] start = new long[rank];
        long[] count = new long[rank];
        for (int axis = 0, k = 0; axis < rank; axis++) {
            if (reduced[axis]) {
                start[axis] = 0;
                count[axis] = operandShape[axis];
                if (node.keepdims()) {
                    k++;
                }
            } else {
                start[axis] = box.start(k);
                count[axis] = box.count(k);
                k++;
            }
        }
        return new Box(start, count);
    }

    /**
     * Folds one piece of the operand into the state of output {@code box}. The blocks it reads stay
     * with the task (other reductions of the same piece may share them) until the caller gives
     * them back.
     */
    public void feed(Object state, Box box, Box piece, TaskContext context) {
        context.checkCancelled();
        LaneSource lanes;
        if (program == null) {
            Block block = inputs[0].evaluate(piece, context);
            lanes = new BlockLanes(block, context.scratch(BlockLanes.class, owner -> BlockLanes.LaneBuffers.create()),
                    reducer.readsFloats());
        } else {
            Block[] blocks = BroadcastInputs.evaluate(inputs, operandShape, piece, context);
            lanes = new ProgramLanes(program, blocks, context.scratch(program, owner -> program.newScratch()));
        }
        int rank = operandShape.length;
        int[] shape = piece.intShape();
        int[] outputStrides = new int[rank];
        int stride = 1;
        for (int axis = rank - 1; axis >= 0; axis--) {
            if (!reduced[axis]) {
                outputStrides[axis] = stride;
                stride *= shape[axis];
            }
        }
        long reducedOffset = 0;
        for (int axis = 0; axis < rank; axis++) {
            if (reduced[axis]) {
                reducedOffset += piece.start(axis) * reducedStrides[axis];
            }
        }
        ReductionWalker.feed(reducer, state, lanes, shape, reduced, outputStrides, reducedStrides, reducedOffset);
    }

    /** Folds {@code later} (from pieces after those of {@code into}) into {@code into}. */
    public void merge(Object into, Object later) {
        reducer.merge(into, later);
    }

    /**
     * True when this is a plain mean whose value {@code other} (a var or std of the same operand)
     * computes anyway, so it can take its result from that state instead of a pass of its own.
     */
    public boolean isMeanOf(ReduceOp other) {
        ReduceFunction variance = other.node.function();
        return node.function() == ReduceFunction.MEAN
                && (variance == ReduceFunction.VAR || variance == ReduceFunction.STD)
                && node.inputs().equals(other.node.inputs()) && java.util.Objects.equals(node.operand(), other.node.operand())
                && java.util.Arrays.equals(node.axes(), other.node.axes())
                && java.util.Arrays.equals(node.operandShape(), other.node.operandShape());
    }

    /** Writes the means that a var or std state of the same operand holds (see {@link #isMeanOf}). */
    public Block finishFromVariance(Object varianceState, Block out) {
        VarianceReducer.finishMean(varianceState, out);
        return out;
    }

    /** Writes the results of a complete state into {@code out}, a block of the box's shape. */
    public Block finish(Object state, Box box, Block out) {
        reducer.finish(state, out);
        return out;
    }
}
