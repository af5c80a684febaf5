package io.tessera.executor.plan;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import java.util.List;

/**
 * A node of the physical plan: an array of known dtype, shape and chunk grid, computed from its
 * inputs. The chunk grid says how work on this array is cut into tasks. Nodes are compared by
 * identity: one node used by several consumers is computed once per region.
 */
public sealed interface PlanNode
        permits ScanNode, GenerateNode, MapNode, ReduceNode, SliceNode, StackNode, ConcatNode, ReshapeNode, TriNode, ValuesNode,
                RechunkNode {
    DType dtype();

    long[] shape();

    ChunkGrid chunks();

    List<PlanNode> inputs();

    /** One line describing the node for plans and logs, without its inputs. */
    String describe();

    default int ndim() {
        return shape().length;
    }

    default long size() {
        return io.tessera.executor.Shapes.size(shape());
    }

    default long bytes() {
        return size() * dtype().itemSize();
    }
}
