package io.tessera.planner.explain;

import io.tessera.executor.AxisSelection;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.Shapes;
import io.tessera.executor.generate.Generator;
import io.tessera.executor.plan.GenerateNode;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.ScanNode;
import io.tessera.executor.storage.ArraySource;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan will read, per source: the stored chunks that hold selected elements (counted once
 * however many scans of the source need them) and their bytes, out of the source's total; and per
 * generator, the chunks and bytes it will compute, out of the whole generated array.
 */
public final class SourceReads {
    /** Enumerate chunk sets up to this size; beyond it, count without enumerating. */
    private static final long ENUMERABLE = 4_000_000;

    /** One source's reads; for a generator ({@code generated}), what it computes. */
    public record Read(String source, long chunksRead, long chunksTotal, long bytesRead, long bytesTotal,
            boolean generated) {
    }

    private SourceReads() {
    }

    public static List<Read> of(List<PlanNode> roots) {
        Map<Object, List<ScanNode>> scans = new LinkedHashMap<>();
        Map<Generator, List<GenerateNode>> generates = new LinkedHashMap<>();
        Map<PlanNode, Boolean> seen = new IdentityHashMap<>();
        for (PlanNode root : roots) {
            collect(root, scans, generates, seen);
        }
        List<Read> reads = new ArrayList<>();
        for (List<ScanNode> group : scans.values()) {
            reads.add(read(group));
        }
        generates.forEach((generator, nodes) -> reads.add(generated(generator, nodes)));
        return reads;
    }

    private static void collect(PlanNode node, Map<Object, List<ScanNode>> scans,
            Map<Generator, List<GenerateNode>> generates, Map<PlanNode, Boolean> seen) {
        if (seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof ScanNode scan) {
            scans.computeIfAbsent(scan.source().identity(), key -> new ArrayList<>()).add(scan);
        }
        if (node instanceof GenerateNode generate) {
            generates.computeIfAbsent(generate.generator(), key -> new ArrayList<>()).add(generate);
        }
        for (PlanNode input : node.inputs()) {
            collect(input, scans, generates, seen);
        }
    }

    /** A generator computes each selected element of each of its nodes, chunk by chunk. */
    private static Read generated(Generator generator, List<GenerateNode> nodes) {
        long chunks = 0;
        long bytes = 0;
        for (GenerateNode node : nodes) {
            chunks += node.chunks().totalChunks();
            bytes += node.bytes();
        }
        return new Read(generator.description(), chunks, chunks, bytes,
                Shapes.size(generator.shape()) * generator.dtype().itemSize(), true);
    }

    private static Read read(List<ScanNode> scans) {
        ArraySource source = scans.get(0).source();
        ChunkGrid grid = source.storageGrid();
        long total = grid.totalChunks();
        List<int[][]> touched = new ArrayList<>();
        for (ScanNode scan : scans) {
            int[][] perAxis = new int[grid.ndim()][];
            for (int axis = 0; axis < grid.ndim(); axis++) {
                perAxis[axis] = chunksTouched(grid, axis, scan.selection().axis(axis));
            }
            touched.add(perAxis);
        }
        boolean enumerable = total <= ENUMERABLE;
        long bytesTotal = 0;
        if (enumerable) {
            int[] index = new int[grid.ndim()];
            for (long linear = 0; linear < total; linear++) {
                bytesTotal += source.storedBytes(unravel(linear, grid, index));
            }
        }
        if (!enumerable) {
            long chunks = 0;
            for (int[][] perAxis : touched) {
                long product = 1;
                for (int[] axis : perAxis) {
                    product *= axis.length;
                }
                chunks += product;
            }
            long average = source.storedBytes(new int[grid.ndim()]);
            return new Read(source.description(), Math.min(chunks, total), total, Math.min(chunks, total) * average,
                    total * average, false);
        }
        BitSet read = new BitSet((int) total);
        for (int[][] perAxis : touched) {
            mark(perAxis, grid, read);
        }
        long bytes = 0;
        int[] index = new int[grid.ndim()];
        for (int linear = read.nextSetBit(0); linear >= 0; linear = read.nextSetBit(linear + 1)) {
            bytes += source.storedBytes(unravel(linear, grid, index));
        }
        return new Read(source.description(), read.cardinality(), total, bytes, bytesTotal, false);
    }

    private static int[] unravel(long linear, ChunkGrid grid, int[] index) {
        long rest = linear;
        for (int axis = grid.ndim() - 1; axis >= 0; axis--) {
            int count = grid.chunkCount(axis);
            index[axis] = (int) (rest % count);
            rest /= count;
        }
        return index;
    }

    private static void mark(int[][] perAxis, ChunkGrid grid, BitSet read) {
        for (int[] axis : perAxis) {
            if (axis.length == 0) {
                return;
            }
        }
        int rank = perAxis.length;
        int[] choice = new int[rank];
        while (true) {
            long linear = 0;
            for (int axis = 0; axis < rank; axis++) {
                linear = linear * grid.chunkCount(axis) + perAxis[axis][choice[axis]];
            }
            read.set((int) linear);
            int axis = rank - 1;
            while (axis >= 0) {
                if (++choice[axis] < perAxis[axis].length) {
                    break;
                }
                choice[axis] = 0;
                axis--;
            }
            if (axis < 0) {
                return;
            }
        }
    }

    /** The chunks along one axis that hold selected indices, in order. */
    static int[] chunksTouched(ChunkGrid grid, int axis, AxisSelection selection) {
        return grid.runs(axis, selection).stream().mapToInt(ChunkGrid.Run::chunk).distinct().sorted().toArray();
    }
}
