package io.tessera.executor.op;

import io.tessera.executor.AxisSelection;
import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.Selection;
import io.tessera.executor.Shapes;
import io.tessera.executor.kernel.AxisMap;
import io.tessera.executor.kernel.Gather;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.ScanNode;
import io.tessera.executor.run.TaskContext;
import io.tessera.executor.storage.ArraySource;
import io.tessera.executor.storage.ChunkData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a box of a scan: finds, per source axis, which stored chunks hold the selected indices,
 * reads each needed chunk once and gathers the selected elements. A box that is exactly one whole
 * stored chunk comes back without a copy.
 */
final class ScanOp implements Operator {
    private final ScanNode node;
    private final ArraySource source;
    private final ChunkGrid storage;
    private final boolean shared;

    ScanOp(ScanNode node, boolean shared) {
        this.node = node;
        this.source = node.source();
        this.storage = source.storageGrid();
        this.shared = shared;
    }

    @Override
    public PlanNode node() {
        return node;
    }

    /** The selected indices of one source axis that fall in one stored chunk. */
    private record Group(int chunk, AxisMap map, long firstIndex) {
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        Selection part = node.selection().part(box);
        int inputRank = part.inputRank();
        int[] outputOf = new int[inputRank];
        java.util.Arrays.fill(outputOf, -1);
        for (int k = 0; k < part.outputRank(); k++) {
            if (part.outputAxis(k) != Selection.NEW_AXIS) {
                outputOf[part.outputAxis(k)] = k;
            }
        }
        List<List<Group>> groups = new ArrayList<>();
        for (int axis = 0; axis < inputRank; axis++) {
            List<Group> axisGroups = groups(axis, part.axis(axis));
            if (axisGroups.isEmpty()) {
                return context.allocate(node.dtype(), box.intShape());
            }
            groups.add(axisGroups);
        }
        if (isSingleChunk(part, groups)) {
            int[] chunk = new int[inputRank];
            for (int axis = 0; axis < inputRank; axis++) {
                chunk[axis] = groups.get(axis).get(0).chunk();
            }
            ChunkData data = context.readChunk(source, chunk, shared);
            if (coversExactly(data, part, box)) {
                return data.block();
            }
            Block out = context.allocate(node.dtype(), box.intShape());
            gather(data, part, groups, new int[inputRank], outputOf, out);
            return out;
        }
        Block out = context.allocate(node.dtype(), box.intShape());
        int[] chunk = new int[inputRank];
        int[] choice = new int[inputRank];
        while (true) {
            for (int axis = 0; axis < inputRank; axis++) {
                chunk[axis] = groups.get(axis).get(choice[axis]).chunk();
            }
            // an unshared chunk is copied out and given back at once: a box over many chunks holds one
            int mark = context.mark();
            ChunkData data = context.readChunk(source, chunk, shared);
            gather(data, part, groups, choice, outputOf, out);
            if (!shared) {
                context.releaseTo(mark, null);
            }
            int axis = inputRank - 1;
            while (axis >= 0) {
                if (++choice[axis] < groups.get(axis).size()) {
                    break;
                }
                choice[axis] = 0;
                axis--;
            }
            if (axis < 0) {
                return out;
            }
        }
    }

    /** True when every axis is shown in order, unit-stepped, within one stored chunk. */
    private static boolean isSingleChunk(Selection part, List<List<Group>> groups) {
        int rank = part.inputRank();
        if (part.outputRank() != rank) {
            return false;
        }
        for (int axis = 0; axis < rank; axis++) {
            if (part.outputAxis(axis) != axis || groups.get(axis).size() != 1
                    || !(part.axis(axis) instanceof AxisSelection.Range range) || range.step() != 1) {
                return false;
            }
        }
        return true;
    }

    /** True when the chunk's block is exactly the box (so it can be handed on without a copy). */
    private static boolean coversExactly(ChunkData data, Selection part, Box box) {
        long[] origin = data.origin();
        int[] shape = data.block().shape();
        for (int axis = 0; axis < origin.length; axis++) {
            if (origin[axis] != part.axis(axis).index(0) || shape[axis] != box.count(axis)) {
                return false;
            }
        }
        return true;
    }

    private void gather(ChunkData data, Selection part, List<List<Group>> groups, int[] choice, int[] outputOf,
            Block out) {
        int[] strides = Shapes.strides(data.block().shape());
        long[] origin = data.origin();
        long base = 0;
        AxisMap[] maps = new AxisMap[part.outputRank()];
        for (int k = 0; k < maps.length; k++) {
            if (part.outputAxis(k) == Selection.NEW_AXIS) {
                maps[k] = AxisMap.run(1, 0, 0, 0);
            }
        }
        for (int axis = 0; axis < part.inputRank(); axis++) {
            Group group = groups.get(axis).get(choice[axis]);
            if (outputOf[axis] < 0) {
                base += (group.firstIndex() - origin[axis]) * strides[axis];
                continue;
            }
            AxisMap map = group.map();
            long shift = -origin[axis] * strides[axis];
            maps[outputOf[axis]] = map.isArithmetic()
                    ? AxisMap.run(map.count(), map.targetStart(), map.sourceStart() * strides[axis] + shift,
                            map.sourceStep() * strides[axis])
                    : scaled(map, strides[axis], shift);
        }
        Gather.copy(data.block(), base, maps, out);
    }

    private static AxisMap scaled(AxisMap map, long stride, long shift) {
        long[] offsets = new long[map.count()];
        for (int j = 0; j < offsets.length; j++) {
            offsets[j] = map.sourceOffset()[j] * stride + shift;
        }
        return AxisMap.of(map.targetIndex(), offsets);
    }

    /**
     * Splits one axis's selected indices by stored chunk; map offsets are source indices. Runs of a
     * range map arithmetically; points in one chunk are gathered into one group however they are
     * ordered, so each chunk is read once.
     */
    private List<Group> groups(int axis, AxisSelection selection) {
        List<Group> groups = new ArrayList<>();
        if (selection instanceof AxisSelection.Range range) {
            for (ChunkGrid.Run run : storage.runs(axis, range)) {
                long index = range.index(run.from());
                groups.add(new Group(run.chunk(), AxisMap.run((int) (run.to() - run.from()), (int) run.from(), index,
                        range.step()), index));
            }
            return groups;
        }
        Map<Integer, List<long[]>> byChunk = new LinkedHashMap<>();
        for (ChunkGrid.Run run : storage.runs(axis, selection)) {
            for (long k = run.from(); k < run.to(); k++) {
                byChunk.computeIfAbsent(run.chunk(), c -> new ArrayList<>()).add(new long[] {k, selection.index(k)});
            }
        }
        for (Map.Entry<Integer, List<long[]>> entry : byChunk.entrySet()) {
            List<long[]> members = entry.getValue();
            int[] targets = new int[members.size()];
            long[] indices = new long[members.size()];
            for (int j = 0; j < targets.length; j++) {
                targets[j] = (int) members.get(j)[0];
                indices[j] = members.get(j)[1];
            }
            groups.add(new Group(entry.getKey(), AxisMap.of(targets, indices), indices[0]));
        }
        return groups;
    }
}
