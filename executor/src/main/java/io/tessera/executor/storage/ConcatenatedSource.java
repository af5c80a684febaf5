package io.tessera.executor.storage;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;
import io.tessera.executor.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sources joined end to end along an existing axis (NumPy's {@code concatenate}). Chunks along that
 * axis are the members' own; across the other axes they follow the first member.
 */
public final class ConcatenatedSource implements ArraySource {
    private final String description;
    private final List<ArraySource> members;
    private final int axis;
    private final long[] shape;
    private final ChunkGrid grid;
    private final int[] firstChunk;
    private final long[] offsets;

    public ConcatenatedSource(String description, List<ArraySource> members, int axis) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        this.description = description;
        this.members = List.copyOf(members);
        this.axis = axis;
        ArraySource first = members.get(0);
        long[] total = first.shape();
        total[axis] = 0;
        for (ArraySource member : members) {
            long[] s = member.shape();
            long along = s[axis];
            s[axis] = 0;
            if (!Arrays.equals(s, withZero(first.shape(), axis)) || member.dtype() != first.dtype()) {
                throw new ExecutorException(ExecutorException.Kind.IO, "cannot concatenate " + member.description()
                        + " " + Shapes.format(member.shape()) + " " + member.dtype() + " with " + first.description()
                        + " " + Shapes.format(first.shape()) + " " + first.dtype()
                        + ": the arrays must match in dtype and in every axis but " + axis);
            }
            total[axis] += along;
        }
        this.shape = total;
        this.firstChunk = new int[members.size() + 1];
        this.offsets = new long[members.size() + 1];
        List<Long> along = new ArrayList<>();
        along.add(0L);
        for (int i = 0; i < members.size(); i++) {
            long[] b = members.get(i).storageGrid().bounds(axis);
            for (int j = 1; j < b.length; j++) {
                along.add(offsets[i] + b[j]);
            }
            firstChunk[i + 1] = firstChunk[i] + b.length - 1;
            offsets[i + 1] = offsets[i] + members.get(i).shape()[axis];
        }
        List<long[]> bounds = new ArrayList<>();
        for (int a = 0; a < shape.length; a++) {
            bounds.add(a == axis ? along.stream().mapToLong(Long::longValue).toArray()
                    : first.storageGrid().bounds(a));
        }
        this.grid = ChunkGrid.fromBounds(bounds);
    }

    private static long[] withZero(long[] shape, int axis) {
        long[] copy = shape.clone();
        copy[axis] = 0;
        return copy;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public DType dtype() {
        return members.get(0).dtype();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public ChunkGrid storageGrid() {
        return grid;
    }

    @Override
    public Object identity() {
        return List.of("concat", axis, members.stream().map(ArraySource::identity).toList());
    }

    /** The member that holds chunk {@code chunk} along the axis (members of length 0 hold none). */
    private int memberOf(int chunk) {
        for (int m = 0; m < members.size(); m++) {
            if (chunk < firstChunk[m + 1]) {
                return m;
            }
        }
        throw new IllegalArgumentException("no chunk " + chunk);
    }

    private boolean sameOtherAxes(ArraySource member) {
        ChunkGrid own = member.storageGrid();
        for (int a = 0; a < shape.length; a++) {
            if (a != axis && !Arrays.equals(own.bounds(a), grid.bounds(a))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long storedBytes(int[] chunk) {
        int m = memberOf(chunk[axis]);
        ArraySource member = members.get(m);
        if (sameOtherAxes(member)) {
            int[] local = chunk.clone();
            local[axis] -= firstChunk[m];
            return member.storedBytes(local);
        }
        return grid.chunkBox(chunk).size() * dtype().itemSize();
    }

    @Override
    public ChunkData readChunk(int[] chunk, IoContext io) {
        int m = memberOf(chunk[axis]);
        ArraySource member = members.get(m);
        int[] local = chunk.clone();
        local[axis] -= firstChunk[m];
        if (sameOtherAxes(member)) {
            ChunkData data = member.readChunk(local, io);
            long[] origin = data.origin().clone();
            origin[axis] += offsets[m];
            return new ChunkData(data.block(), origin);
        }
        Box box = grid.chunkBox(chunk);
        long[] start = box.start();
        start[axis] -= offsets[m];
        Block block = SourceRegions.read(member, new Box(start, box.count()), io);
        return new ChunkData(block, box.start());
    }
}
