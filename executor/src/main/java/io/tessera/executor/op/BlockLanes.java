package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.expr.MapProgram;
import io.tessera.executor.kernel.Lanes;
import io.tessera.executor.reduce.LaneSource;

/**
 * A block's values as lanes: float64 and (u)int64 blocks (and float32 for reducers that take
 * {@code float[]} lanes) are read in place, other dtypes are converted batch by batch into a reused
 * lane.
 */
final class BlockLanes implements LaneSource {
    private final Block block;
    private final boolean inPlace;
    private final boolean doubles;
    private final double[] doubleLane;
    private final long[] longLane;
    private int offset;

    /** Lanes over {@code block}; float32 is read in place when the consumer takes {@code float[]} lanes. */
    BlockLanes(Block block, LaneBuffers buffers, boolean floatsInPlace) {
        this.block = block;
        DType dtype = block.dtype();
        this.doubles = dtype.isDoubleLane();
        this.inPlace = dtype == DType.FLOAT64 || dtype == DType.INT64 || dtype == DType.UINT64
                || (dtype == DType.FLOAT32 && floatsInPlace);
        this.doubleLane = inPlace || !doubles ? null : buffers.doubles();
        this.longLane = inPlace || doubles ? null : buffers.longs();
    }

    /** Reused lanes of one thread. */
    record LaneBuffers(double[] doubles, long[] longs) {
        static LaneBuffers create() {
            return new LaneBuffers(new double[MapProgram.BATCH], new long[MapProgram.BATCH]);
        }
    }

    @Override
    public int batch() {
        return inPlace ? Integer.MAX_VALUE : MapProgram.BATCH;
    }

    @Override
    public Object load(int start, int n) {
        if (inPlace) {
            offset = start;
            return block.data();
        }
        offset = 0;
        if (doubles) {
            Lanes.loadDouble(block, start, doubleLane, n);
            return doubleLane;
        }
        Lanes.loadLong(block, start, longLane, n);
        return longLane;
    }

    @Override
    public int offset() {
        return offset;
    }
}
