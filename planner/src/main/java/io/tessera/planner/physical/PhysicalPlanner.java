package io.tessera.planner.physical;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.plan.ConcatNode;
import io.tessera.executor.plan.GenerateNode;
import io.tessera.executor.plan.MapNode;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.RechunkNode;
import io.tessera.executor.plan.ReduceNode;
import io.tessera.executor.plan.ReshapeNode;
import io.tessera.executor.plan.ScanNode;
import io.tessera.executor.plan.SliceNode;
import io.tessera.executor.plan.StackNode;
import io.tessera.executor.plan.TriNode;
import io.tessera.executor.plan.ValuesNode;
import io.tessera.planner.bind.BindException;
import io.tessera.planner.explain.PlanPrinter;
import io.tessera.planner.rel.ArrayConcat;
import io.tessera.planner.rel.ArrayGenerate;
import io.tessera.planner.rel.ArrayMap;
import io.tessera.planner.rel.ArrayRechunk;
import io.tessera.planner.rel.ArrayReduce;
import io.tessera.planner.rel.ArrayRel;
import io.tessera.planner.rel.ArrayRels;
import io.tessera.planner.rel.ArrayReshape;
import io.tessera.planner.rel.ArrayScan;
import io.tessera.planner.rel.ArraySlice;
import io.tessera.planner.rel.ArrayStack;
import io.tessera.planner.rel.ArrayTri;
import io.tessera.planner.rel.ArrayValues;
import io.tessera.planner.rel.RexTranslator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;

/**
 * Turns the optimized logical plan into the executor's physical plan, one physical node per
 * distinct logical subtree: parts that print alike are the same node, computed once.
 */
public final class PhysicalPlanner {
    private final Map<String, PlanNode> built = new HashMap<>();

    public PlanNode toPhysical(RelNode node) {
        ArrayRel rel = ArrayRels.unwrap(node);
        String key = PlanPrinter.print(rel);
        PlanNode existing = built.get(key);
        if (existing != null) {
            return existing;
        }
        checkChunkSize(rel.chunks());
        if (rel instanceof ArrayReduce reduce) {
            checkChunkSize(reduce.operandChunks());
        }
        PlanNode physical = create(rel);
        built.put(key, physical);
        return physical;
    }

    /** A chunk is one Java array, so it holds at most 2^31 - 1 elements. */
    private static void checkChunkSize(ChunkGrid grid) {
        if (grid.maxChunkElements() > Integer.MAX_VALUE) {
            throw new BindException(BindException.Category.UNSUPPORTED, "a chunk of " + grid.maxChunkElements()
                    + " elements is too large (at most " + Integer.MAX_VALUE + "): give smaller chunks", null);
        }
    }

    private List<PlanNode> inputs(ArrayRel rel) {
        return rel.getInputs().stream().map(this::toPhysical).toList();
    }

    private PlanNode create(ArrayRel rel) {
        if (rel instanceof ArrayScan scan) {
            return new ScanNode(scan.source(), scan.selection(), scan.chunks());
        }
        if (rel instanceof ArrayGenerate generate) {
            return new GenerateNode(generate.generator(), generate.selection(), generate.chunks());
        }
        if (rel instanceof ArrayMap map) {
            return new MapNode(inputs(map), RexTranslator.toScalar(map.expression()), map.shape(), map.chunks());
        }
        if (rel instanceof ArrayReduce reduce) {
            return new ReduceNode(inputs(reduce), reduce.operand() == null ? null : RexTranslator.toScalar(reduce.operand()),
                    reduce.operandShape(), reduce.operandChunks(), reduce.function(), reduce.axes(), reduce.keepdims(),
                    reduce.ddof(), reduce.dtype(), reduce.chunks());
        }
        if (rel instanceof ArraySlice slice) {
            return new SliceNode(toPhysical(slice.getInput(0)), slice.selection(), slice.chunks());
        }
        if (rel instanceof ArrayStack stack) {
            return new StackNode(inputs(stack), stack.axis(), stack.dtype(), stack.chunks());
        }
        if (rel instanceof ArrayConcat concat) {
            return new ConcatNode(inputs(concat), concat.axis(), concat.dtype(), concat.chunks());
        }
        if (rel instanceof ArrayReshape reshape) {
            return new ReshapeNode(toPhysical(reshape.getInput(0)), reshape.shape(), reshape.chunks());
        }
        if (rel instanceof ArrayTri tri) {
            return new TriNode(toPhysical(tri.getInput(0)), tri.k(), tri.upper(), tri.chunks());
        }
        if (rel instanceof ArrayValues values) {
            return new ValuesNode(values.block(), values.chunks());
        }
        ArrayRechunk rechunk = (ArrayRechunk) rel;
        return new RechunkNode(toPhysical(rechunk.getInput(0)), rechunk.chunks());
    }
}
