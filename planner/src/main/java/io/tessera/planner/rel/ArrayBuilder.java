package io.tessera.planner.rel;

import io.tessera.executor.Block;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.ChunkGrids;
import io.tessera.executor.DType;
import io.tessera.executor.Selection;
import io.tessera.executor.generate.Generator;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.executor.reduce.ReduceFunction;
import io.tessera.executor.storage.ArraySource;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;

/**
 * Makes array operators and works out their chunk grids, for the binder and the rules alike, so a
 * rewritten plan is chunked as the same plan written directly would be.
 */
public final class ArrayBuilder {
    private final RelOptCluster cluster;
    private final long chunkBytes;

    public ArrayBuilder(RelOptCluster cluster, long chunkBytes) {
        this.cluster = cluster;
        this.chunkBytes = chunkBytes;
    }

    /** The builder for a node's cluster, with the settings its planner carries. */
    public static ArrayBuilder of(RelOptCluster cluster) {
        PlannerSettings settings = cluster.getPlanner().getContext().unwrap(PlannerSettings.class);
        return new ArrayBuilder(cluster, settings == null ? 8L << 20 : settings.chunkBytes());
    }

    public RelOptCluster cluster() {
        return cluster;
    }

    public RexBuilder rexBuilder() {
        return cluster.getRexBuilder();
    }

    public long chunkBytes() {
        return chunkBytes;
    }

    /** Computed arrays get chunks of about the target size when their inputs' chunks would be far bigger. */
    private ChunkGrid bounded(ChunkGrid grid, long[] shape, DType dtype) {
        if (ChunkGrids.tooLarge(grid, dtype.itemSize(), 4 * chunkBytes)) {
            return ChunkGrids.auto(shape, dtype.itemSize(), chunkBytes);
        }
        return grid;
    }

    public ArrayScan scan(ArraySource source, Selection selection, ChunkGrid chunks) {
        return new ArrayScan(cluster, source, selection, chunks);
    }

    public ArrayGenerate generate(Generator generator, ChunkGrid chunks) {
        return new ArrayGenerate(cluster, generator, Selection.all(generator.shape()), chunks);
    }

    /** An elementwise expression over inputs; the grid follows the inputs. */
    public ArrayMap map(List<? extends RelNode> inputs, ScalarExpr expression, long[] shape) {
        List<long[]> shapes = new ArrayList<>();
        List<ChunkGrid> grids = new ArrayList<>();
        for (RelNode input : inputs) {
            ArrayRel array = ArrayRels.unwrap(input);
            shapes.add(array.shape());
            grids.add(array.chunks());
        }
        ChunkGrid grid = inputs.isEmpty() ? ChunkGrids.auto(shape, expression.dtype().itemSize(), chunkBytes)
                : bounded(ChunkGrids.broadcast(shape, shapes, grids), shape, expression.dtype());
        return map(inputs, expression, shape, grid);
    }

    public ArrayMap map(List<? extends RelNode> inputs, ScalarExpr expression, long[] shape, ChunkGrid chunks) {
        return new ArrayMap(cluster, List.copyOf(inputs), RexTranslator.toRex(expression, rexBuilder()), shape, chunks);
    }

    /** A constant broadcast to {@code shape}. */
    public ArrayMap constant(ScalarExpr.Constant value, long[] shape) {
        return map(List.of(), value, shape);
    }

    public ArrayReduce reduce(RelNode input, ReduceFunction function, int[] axes, boolean keepdims, double ddof,
            DType dtype) {
        ArrayRel operand = ArrayRels.unwrap(input);
        return new ArrayReduce(cluster, List.of(input), null, operand.shape(), operand.chunks(), function, axes,
                keepdims, ddof, dtype, ChunkGrids.reduce(operand.chunks(), axes, keepdims));
    }

    public ArraySlice slice(RelNode input, Selection selection) {
        ArrayRel array = ArrayRels.unwrap(input);
        return new ArraySlice(cluster, input, selection, ChunkGrids.select(array.chunks(), selection));
    }

    public ArrayStack stack(List<? extends RelNode> inputs, int axis) {
        ArrayRel first = ArrayRels.unwrap(inputs.get(0));
        long[] inner = first.shape();
        long[] shape = new long[inner.length + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            shape[i] = i == axis ? inputs.size() : inner[j++];
        }
        return new ArrayStack(cluster, List.copyOf(inputs), axis, first.dtype(), shape,
                ChunkGrids.stack(first.chunks(), axis, inputs.size(), 1));
    }

    public ArrayConcat concat(List<? extends RelNode> inputs, int axis) {
        ArrayRel first = ArrayRels.unwrap(inputs.get(0));
        long[] shape = first.shape();
        shape[axis] = 0;
        List<ChunkGrid> grids = new ArrayList<>();
        for (RelNode input : inputs) {
            ArrayRel array = ArrayRels.unwrap(input);
            shape[axis] += array.shape()[axis];
            grids.add(array.chunks());
        }
        return new ArrayConcat(cluster, List.copyOf(inputs), axis, first.dtype(), shape, ChunkGrids.concat(grids, axis));
    }

    public ArrayReshape reshape(RelNode input, long[] shape) {
        ArrayRel array = ArrayRels.unwrap(input);
        return new ArrayReshape(cluster, input, shape, ChunkGrids.auto(shape, array.dtype().itemSize(), chunkBytes));
    }

    public ArrayTri tri(RelNode input, long k, boolean upper) {
        return new ArrayTri(cluster, input, k, upper, ArrayRels.unwrap(input).chunks());
    }

    public ArrayRechunk rechunk(RelNode input, ChunkGrid chunks) {
        return new ArrayRechunk(cluster, input, chunks);
    }

    public ArrayValues values(Block block) {
        return new ArrayValues(cluster, block);
    }

    /** The chunk grid the engine picks for a fresh array of this shape. */
    public ChunkGrid autoChunks(long[] shape, DType dtype) {
        return ChunkGrids.auto(shape, dtype.itemSize(), chunkBytes);
    }

}
