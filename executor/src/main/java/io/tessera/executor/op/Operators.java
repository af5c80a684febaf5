package io.tessera.executor.op;

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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds operators for a plan, one per node however many consumers it has. Nodes with several
 * consumers compute each box once per task; scans of a source that several scans read share the
 * stored chunks they read within a task.
 */
public final class Operators {
    private final Map<PlanNode, Operator> built = new IdentityHashMap<>();
    private final Map<PlanNode, Integer> consumers = new IdentityHashMap<>();
    private final Map<Object, Integer> scansPerSource = new HashMap<>();
    private final Map<PlanNode, PlanNode> replaced;

    /**
     * @param roots the plan's roots
     * @param replaced nodes already computed (by an earlier stage), with the node that holds their values
     */
    public Operators(List<PlanNode> roots, Map<PlanNode, PlanNode> replaced) {
        this.replaced = replaced;
        Map<PlanNode, Boolean> seen = new IdentityHashMap<>();
        for (PlanNode root : roots) {
            count(root, seen);
        }
    }

    private void count(PlanNode node, Map<PlanNode, Boolean> seen) {
        PlanNode effective = replaced.getOrDefault(node, node);
        consumers.merge(effective, 1, Integer::sum);
        if (seen.put(effective, Boolean.TRUE) != null) {
            return;
        }
        if (effective instanceof ScanNode scan) {
            scansPerSource.merge(scan.source().identity(), 1, Integer::sum);
        }
        for (PlanNode input : effective.inputs()) {
            count(input, seen);
        }
    }

    /** The operator for a node. */
    public Operator get(PlanNode node) {
        PlanNode effective = replaced.getOrDefault(node, node);
        Operator operator = built.get(effective);
        if (operator == null) {
            operator = new ScopedOp(create(effective));
            if (consumers.getOrDefault(effective, 0) > 1 && !(effective instanceof ValuesNode)) {
                operator = new SharedOp(operator);
            }
            built.put(effective, operator);
        }
        return operator;
    }

    private Operator[] inputs(PlanNode node) {
        return node.inputs().stream().map(this::get).toArray(Operator[]::new);
    }

    private Operator create(PlanNode node) {
        if (node instanceof ScanNode scan) {
            return new ScanOp(scan, scansPerSource.getOrDefault(scan.source().identity(), 0) > 1);
        }
        if (node instanceof GenerateNode generate) {
            return new GenerateOp(generate);
        }
        if (node instanceof MapNode map) {
            return new MapOp(map, inputs(map));
        }
        if (node instanceof ReduceNode reduce) {
            return new ReduceOp(reduce, inputs(reduce));
        }
        if (node instanceof SliceNode slice) {
            return new SliceOp(slice, get(slice.input()));
        }
        if (node instanceof StackNode stack) {
            return new StackOp(stack, inputs(stack));
        }
        if (node instanceof ConcatNode concat) {
            return new ConcatOp(concat, inputs(concat));
        }
        if (node instanceof ReshapeNode reshape) {
            return new ReshapeOp(reshape, get(reshape.input()));
        }
        if (node instanceof TriNode tri) {
            return new TriOp(tri, get(tri.input()));
        }
        if (node instanceof ValuesNode values) {
            return new ValuesOp(values);
        }
        RechunkNode rechunk = (RechunkNode) node;
        return new RechunkOp(rechunk, get(rechunk.input()));
    }

    /** The reduction operator underneath a node (looking through the wrappers). */
    public ReduceOp reduction(ReduceNode node) {
        Operator operator = get(node);
        if (operator instanceof SharedOp shared) {
            operator = shared.inner();
        }
        return (ReduceOp) ((ScopedOp) operator).inner();
    }
}
