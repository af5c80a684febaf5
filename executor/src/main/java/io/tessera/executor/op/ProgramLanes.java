package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.expr.MapProgram;
import io.tessera.executor.reduce.LaneSource;

/** An elementwise expression's values, computed batch by batch as the reducer asks for them. */
final class ProgramLanes implements LaneSource {
    private final MapProgram program;
    private final Block[] inputs;
    private final MapProgram.Scratch scratch;

    ProgramLanes(MapProgram program, Block[] inputs, MapProgram.Scratch scratch) {
        this.program = program;
        this.inputs = inputs;
        this.scratch = scratch;
    }

    @Override
    public int batch() {
        return MapProgram.BATCH;
    }

    @Override
    public Object load(int start, int n) {
        return program.evaluateBatch(inputs, start, n, scratch);
    }

    @Override
    public int offset() {
        return 0;
    }
}
