package io.tessera.executor.storage;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.DType;
import io.tessera.executor.ExecutorException;
import io.tessera.executor.Shapes;
import java.util.Arrays;
import java.util.List;

/**
 * Sources of one shape and dtype stacked along a new axis (NumPy's {@code stack}). A chunk is one
 * member's chunk with the new axis of length 1 added; members chunked unlike the first are read
 * through their own chunks.
 */
public final class StackedSource implements ArraySource {
    private final String description;
    private final List<ArraySource> members;
    private final int axis;
    private final long[] shape;
    private final ChunkGrid grid;
    private final boolean[] sameGrid;

    public StackedSource(String description, List<ArraySource> members, int axis) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        this.description = description;
        this.members = List.copyOf(members);
        this.axis = axis;
        ArraySource first = members.get(0);
        long[] memberShape = first.shape();
        for (ArraySource member : members) {
            if (!Arrays.equals(member.shape(), memberShape) || member.dtype() != first.dtype()) {
                throw new ExecutorException(ExecutorException.Kind.IO, "cannot stack " + member.description() + " "
                        + Shapes.format(member.shape()) + " " + member.dtype() + " with "
                        + first.description() + " " + Shapes.format(memberShape) + " "
                        + first.dtype() + ": stacked arrays need one shape and dtype");
            }
        }
        this.shape = insert(memberShape, axis, members.size());
        ChunkGrid memberGrid = first.storageGrid();
        this.grid = io.tessera.executor.ChunkGrids.stack(memberGrid, axis, members.size(), 1);
        this.sameGrid = new boolean[members.size()];
        for (int i = 0; i < members.size(); i++) {
            sameGrid[i] = members.get(i).storageGrid().equals(memberGrid);
        }
    }

    private static long[] insert(long[] values, int at, long value) {
        long[] result = new long[values.length + 1];
        for (int i = 0, j = 0; i < result.length; i++) {
            result[i] = i == at ? value : values[j++];
        }
        return result;
    }

    private static int[] remove(int[] values, int at) {
        int[] result = new int[values.length - 1];
        for (int i = 0, j = 0; i < values.length; i++) {
            if (i != at) {
                result[j++] = values[i];
            }
        }
        return result;
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
        return List.of("stack", axis, members.stream().map(ArraySource::identity).toList());
    }

    @Override
    public long storedBytes(int[] chunk) {
        ArraySource member = members.get(chunk[axis]);
        int[] inner = remove(chunk, axis);
        if (sameGrid[chunk[axis]]) {
            return member.storedBytes(inner);
        }
        return grid.chunkBox(chunk).size() * dtype().itemSize();
    }

    @Override
    public ChunkData readChunk(int[] chunk, IoContext io) {
        int index = chunk[axis];
        ArraySource member = members.get(index);
        int[] inner = remove(chunk, axis);
        Block block;
        long[] innerOrigin;
        if (sameGrid[index]) {
            ChunkData data = member.readChunk(inner, io);
            block = data.block();
            innerOrigin = data.origin();
        } else {
            Box box = members.get(0).storageGrid().chunkBox(inner);
            block = SourceRegions.read(member, box, io);
            innerOrigin = box.start();
        }
        int[] blockShape = Arrays.stream(insert(Shapes.toLong(block.shape()), axis, 1))
                .mapToInt(Math::toIntExact).toArray();
        return new ChunkData(block.reshape(blockShape), insert(innerOrigin, axis, index));
    }
}
