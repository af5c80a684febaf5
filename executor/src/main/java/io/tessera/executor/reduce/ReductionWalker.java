package io.tessera.executor.reduce;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds one block of a reduction's operand to a reducer. The block's axes are either kept (they
 * index the outputs) or reduced; adjacent axes of one kind merge, and the innermost decides the
 * pattern: a reduced innermost axis folds runs into single outputs, a kept one adds rows into
 * consecutive outputs.
 */
public final class ReductionWalker {
    private ReductionWalker() {
    }

    /**
     * @param shape the block's shape
     * @param reduced which of its axes are reduced
     * @param outputStrides per kept axis, the step between outputs along it (0 for reduced axes)
     * @param reducedStrides per reduced axis, the step of the position within the reduced axes
     * @param reducedOffset the position within the reduced axes of the block's first element
     */
    public static void feed(Reducer reducer, Object state, LaneSource lanes, int[] shape, boolean[] reduced,
            int[] outputStrides, long[] reducedStrides, long reducedOffset) {
        List<int[]> axes = new ArrayList<>();   // {dim, reduced ? 1 : 0, outputStride}
        List<Long> steps = new ArrayList<>();    // reduced stride per kept entry
        long total = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            total *= shape[axis];
            if (shape[axis] == 1) {
                continue;
            }
            int kind = reduced[axis] ? 1 : 0;
            int last = axes.size() - 1;
            if (last >= 0 && axes.get(last)[1] == kind) {
                int[] previous = axes.get(last);
                boolean mergeable = kind == 0
                        ? previous[2] == shape[axis] * outputStrides[axis]
                        : steps.get(last) == shape[axis] * reducedStrides[axis];
                if (mergeable) {
                    previous[0] *= shape[axis];
                    previous[2] = outputStrides[axis];
                    steps.set(last, reducedStrides[axis]);
                    continue;
                }
            }
            axes.add(new int[] {shape[axis], kind, kind == 0 ? outputStrides[axis] : 0});
            steps.add(kind == 1 ? reducedStrides[axis] : 0L);
        }
        if (total == 0) {
            return;
        }
        if (axes.isEmpty()) {
            Object lane = lanes.load(0, 1);
            reducer.reduceRun(state, 0, lane, lanes.offset(), 1, reducedOffset);
            return;
        }
        int outer = axes.size() - 1;
        int runLength = axes.get(outer)[0];
        boolean innerReduced = axes.get(outer)[1] == 1;
        // a run's positions step by 1 unless unit axes between it and the last reduced axis were skipped
        long innerStep = innerReduced ? steps.get(outer) : 0;
        boolean onePosition = innerReduced && innerStep != 1 && reducer.usesPositions();
        int[] position = new int[outer];
        // runs that fold into outputs one apart: the axis outside the run is kept, with output stride 1
        boolean consecutiveRuns = innerReduced && !onePosition && outer >= 1 && axes.get(outer - 1)[1] == 0
                && axes.get(outer - 1)[2] == 1;
        int outputBase = 0;
        long reducedBase = reducedOffset;
        int runLeft = runLength;
        int done = 0;
        int count = (int) total;
        while (done < count) {
            int n = Math.min(lanes.batch(), count - done);
            Object lane = lanes.load(done, n);
            int offset = lanes.offset();
            int p = 0;
            while (p < n) {
                int take = Math.min(runLeft, n - p);
                int inRun = runLength - runLeft;
                if (onePosition) {
                    for (int j = 0; j < take; j++) {
                        reducer.reduceRun(state, outputBase, lane, offset + p + j, 1,
                                reducedBase + (inRun + j) * innerStep);
                    }
                } else if (innerReduced && inRun == 0 && consecutiveRuns && take == runLength) {
                    // whole runs into consecutive outputs, short of the last along the axis outside them
                    // (whose odometer carry the one-run path below does)
                    int[] a = axes.get(outer - 1);
                    int rows = Math.min((n - p) / runLength, a[0] - 1 - position[outer - 1]);
                    if (rows > 1) {
                        reducer.reduceRuns(state, outputBase, lane, offset + p, runLength, rows, reducedBase);
                        p += rows * runLength;
                        position[outer - 1] += rows;
                        outputBase += rows;
                        continue;
                    }
                    reducer.reduceRun(state, outputBase, lane, offset + p, take, reducedBase);
                } else if (innerReduced) {
                    reducer.reduceRun(state, outputBase, lane, offset + p, take, reducedBase + inRun);
                } else {
                    reducer.accumulate(state, outputBase + inRun, lane, offset + p, take, reducedBase);
                }
                p += take;
                runLeft -= take;
                if (runLeft == 0) {
                    runLeft = runLength;
                    // advance the odometer of the outer axes
                    for (int axis = outer - 1; axis >= 0; axis--) {
                        int[] a = axes.get(axis);
                        if (a[1] == 0) {
                            outputBase += a[2];
                        } else {
                            reducedBase += steps.get(axis);
                        }
                        if (++position[axis] < a[0]) {
                            break;
                        }
                        position[axis] = 0;
                        if (a[1] == 0) {
                            outputBase -= a[2] * a[0];
                        } else {
                            reducedBase -= steps.get(axis) * a[0];
                        }
                    }
                }
            }
            done += n;
        }
    }
}
