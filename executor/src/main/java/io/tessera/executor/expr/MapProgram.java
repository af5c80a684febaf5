package io.tessera.executor.expr;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.Numbers;
import io.tessera.executor.kernel.DoubleKernels;
import io.tessera.executor.kernel.Lanes;
import io.tessera.executor.kernel.LongKernels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled elementwise expression: one pass over its inputs in batches of {@link #BATCH}
 * elements, each operation a tight loop over lanes that stay in cache, so no array of the block's
 * size is made per operation. Shared subexpressions are computed once.
 */
public final class MapProgram {
    /** Elements per batch: lanes of this length stay in the first-level cache. */
    public static final int BATCH = 1024;

    private final ScalarExpr expression;
    private final int inputCount;
    private final List<Step> steps;
    private final int registerCount;
    private final int resultRegister;
    private final int[] inputRegisters;
    private final DType[] inputTypes;
    private final List<Step> constants;

    /** One operation: a function of registers into a register. */
    private record Step(ScalarFunction function, DType operandType, DType resultType, int target, int[] sources,
                        ScalarExpr.Constant constant) {
    }

    public MapProgram(ScalarExpr expression, int inputCount) {
        this.expression = expression;
        this.inputCount = inputCount;
        this.inputRegisters = new int[inputCount];
        this.inputTypes = new DType[inputCount];
        java.util.Arrays.fill(inputRegisters, -1);
        Compiler compiler = new Compiler();
        this.resultRegister = compiler.compile(expression);
        this.steps = List.copyOf(compiler.steps);
        this.constants = List.copyOf(compiler.constants);
        this.registerCount = compiler.next;
    }

    public DType resultType() {
        return expression.dtype();
    }

    /** Working lanes for one thread; reuse them across calls. */
    public Scratch newScratch() {
        return new Scratch(this);
    }

    /** The registers of one evaluating thread. */
    public static final class Scratch {
        private final double[][] doubles;
        private final long[][] longs;
        private final boolean[] constantLoaded;

        private Scratch(MapProgram program) {
            doubles = new double[program.registerCount][];
            longs = new long[program.registerCount][];
            constantLoaded = new boolean[program.registerCount];
        }

        private double[] doubles(int register) {
            if (doubles[register] == null) {
                doubles[register] = new double[BATCH];
            }
            return doubles[register];
        }

        private long[] longs(int register) {
            if (longs[register] == null) {
                longs[register] = new long[BATCH];
            }
            return longs[register];
        }
    }

    /**
     * Evaluates over {@code count} elements from element {@code offset}: inputs are blocks of at least
     * that size, or of size 1 (a scalar used for every element). Writes the result to {@code out}.
     */
    public void evaluate(Block[] inputs, Block out, int offset, int count, Scratch scratch) {
        for (int done = 0; done < count; done += BATCH) {
            int n = Math.min(BATCH, count - done);
            runBatch(inputs, offset + done, n, scratch);
            if (resultType().isDoubleLane()) {
                Lanes.storeDouble(scratch.doubles(resultRegister), out, offset + done, n);
            } else {
                Lanes.storeLong(scratch.longs(resultRegister), out, offset + done, n);
            }
        }
    }

    /**
     * Evaluates one batch of at most {@link #BATCH} elements starting at {@code offset} and returns
     * the result lane: a {@code double[]} for float results, else a {@code long[]}.
     */
    public Object evaluateBatch(Block[] inputs, int offset, int n, Scratch scratch) {
        runBatch(inputs, offset, n, scratch);
        return resultType().isDoubleLane() ? scratch.doubles(resultRegister) : scratch.longs(resultRegister);
    }

    private void runBatch(Block[] inputs, int offset, int n, Scratch scratch) {
        for (Step constant : constants) {
            if (!scratch.constantLoaded[constant.target]) {
                fill(scratch, constant.target, constant.resultType, constant.constant, BATCH);
                scratch.constantLoaded[constant.target] = true;
            }
        }
        for (int i = 0; i < inputCount; i++) {
            int register = inputRegisters[i];
            if (register < 0) {
                continue;
            }
            Block input = inputs[i];
            DType type = inputTypes[i];
            if (input.size() == 1) {
                if (type.isDoubleLane()) {
                    java.util.Arrays.fill(scratch.doubles(register), 0, n, input.getDouble(0));
                } else {
                    java.util.Arrays.fill(scratch.longs(register), 0, n, input.getLong(0));
                }
            } else if (type.isDoubleLane()) {
                Lanes.loadDouble(input, offset, scratch.doubles(register), n);
            } else {
                Lanes.loadLong(input, offset, scratch.longs(register), n);
            }
        }
        for (Step step : steps) {
            execute(step, scratch, n);
        }
    }

    private static void fill(Scratch scratch, int register, DType type, ScalarExpr.Constant constant, int n) {
        if (type.isDoubleLane()) {
            java.util.Arrays.fill(scratch.doubles(register), 0, n, constant.value());
        } else {
            java.util.Arrays.fill(scratch.longs(register), 0, n, constant.bits());
        }
    }

    private static void execute(Step step, Scratch s, int n) {
        ScalarFunction f = step.function;
        DType operand = step.operandType;
        DType result = step.resultType;
        int[] src = step.sources;
        switch (f) {
            case CAST -> cast(s, src[0], operand, step.target, result, n);
            case WHERE -> {
                if (result.isDoubleLane()) {
                    DoubleKernels.where(s.longs(src[0]), s.doubles(src[1]), s.doubles(src[2]), s.doubles(step.target), n);
                } else {
                    LongKernels.where(s.longs(src[0]), s.longs(src[1]), s.longs(src[2]), s.longs(step.target), n);
                }
            }
            case CLIP -> {
                if (result.isDoubleLane()) {
                    DoubleKernels.clip(s.doubles(src[0]), s.doubles(src[1]), s.doubles(src[2]), s.doubles(step.target), n);
                    roundIfFloat32(s, step, n);
                } else {
                    LongKernels.clip(operand, s.longs(src[0]), s.longs(src[1]), s.longs(src[2]), s.longs(step.target), n);
                }
            }
            case ISNAN, ISINF, ISFINITE -> {
                if (operand.isDoubleLane()) {
                    DoubleKernels.classify(f, s.doubles(src[0]), s.longs(step.target), n);
                } else {
                    LongKernels.classify(f, s.longs(step.target), n);
                }
            }
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> {
                if (operand.isDoubleLane()) {
                    DoubleKernels.compare(f, s.doubles(src[0]), s.doubles(src[1]), s.longs(step.target), n);
                } else {
                    LongKernels.compare(f, operand, s.longs(src[0]), s.longs(src[1]), s.longs(step.target), n);
                }
            }
            case LOGICAL_AND, LOGICAL_OR -> LongKernels.binary(f, DType.BOOL, s.longs(src[0]), s.longs(src[1]),
                    s.longs(step.target), n);
            case LOGICAL_NOT -> LongKernels.unary(f, DType.BOOL, s.longs(src[0]), s.longs(step.target), n);
            case ROUND -> {
                if (result == DType.FLOAT32) {
                    DoubleKernels.roundFloat32(s.doubles(src[0]), toDoubles(s, src[1], n), s.doubles(step.target), n);
                } else if (result.isDoubleLane()) {
                    DoubleKernels.binary(f, s.doubles(src[0]), toDoubles(s, src[1], n), s.doubles(step.target), n);
                } else {
                    LongKernels.binary(f, result, s.longs(src[0]), s.longs(src[1]), s.longs(step.target), n);
                }
            }
            default -> {
                if (f.arity() == 1) {
                    if (result.isDoubleLane()) {
                        DoubleKernels.unary(f, s.doubles(src[0]), s.doubles(step.target), n);
                        roundIfFloat32(s, step, n);
                    } else {
                        LongKernels.unary(f, result, s.longs(src[0]), s.longs(step.target), n);
                    }
                } else if (result.isDoubleLane()) {
                    DoubleKernels.binary(f, s.doubles(src[0]), s.doubles(src[1]), s.doubles(step.target), n);
                    roundIfFloat32(s, step, n);
                } else {
                    LongKernels.binary(f, result, s.longs(src[0]), s.longs(src[1]), s.longs(step.target), n);
                }
            }
        }
    }

    // ROUND's decimals come as an int64 operand; the float kernel reads them from a double lane
    private static double[] toDoubles(Scratch s, int register, int n) {
        long[] decimals = s.longs(register);
        double[] lane = new double[n];
        for (int i = 0; i < n; i++) {
            lane[i] = decimals[i];
        }
        return lane;
    }

    private static void roundIfFloat32(Scratch s, Step step, int n) {
        if (step.resultType == DType.FLOAT32) {
            DoubleKernels.roundToFloat(s.doubles(step.target), n);
        }
    }

    private static void cast(Scratch s, int source, DType from, int target, DType to, int n) {
        if (from.isDoubleLane()) {
            double[] x = s.doubles(source);
            if (to.isDoubleLane()) {
                double[] out = s.doubles(target);
                if (to == DType.FLOAT32) {
                    for (int i = 0; i < n; i++) {
                        out[i] = (float) x[i];
                    }
                } else {
                    System.arraycopy(x, 0, out, 0, n);
                }
            } else {
                long[] out = s.longs(target);
                for (int i = 0; i < n; i++) {
                    out[i] = Numbers.doubleToIntegerBits(x[i], to);
                }
            }
            return;
        }
        long[] x = s.longs(source);
        if (to.isDoubleLane()) {
            double[] out = s.doubles(target);
            if (from == DType.UINT64) {
                for (int i = 0; i < n; i++) {
                    out[i] = to == DType.FLOAT32 ? (float) Numbers.unsignedToDouble(x[i]) : Numbers.unsignedToDouble(x[i]);
                }
            } else if (to == DType.FLOAT32) {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) x[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i];
                }
            }
        } else {
            long[] out = s.longs(target);
            System.arraycopy(x, 0, out, 0, n);
            LongKernels.wrap(to, out, n);
        }
    }

    /** Assigns registers in evaluation order; equal subexpressions share one register. */
    private final class Compiler {
        private final List<Step> steps = new ArrayList<>();
        private final List<Step> constants = new ArrayList<>();
        private final Map<ScalarExpr, Integer> registers = new HashMap<>();
        private int next;

        int compile(ScalarExpr expr) {
            Integer known = registers.get(expr);
            if (known != null) {
                return known;
            }
            int register;
            if (expr instanceof ScalarExpr.Input input) {
                if (inputRegisters[input.index()] < 0) {
                    inputRegisters[input.index()] = next++;
                    inputTypes[input.index()] = input.dtype();
                }
                register = inputRegisters[input.index()];
            } else if (expr instanceof ScalarExpr.Constant constant) {
                register = next++;
                constants.add(new Step(null, constant.dtype(), constant.dtype(), register, new int[0], constant));
            } else {
                ScalarExpr.Call call = (ScalarExpr.Call) expr;
                int[] sources = new int[call.operands().size()];
                for (int i = 0; i < sources.length; i++) {
                    sources[i] = compile(call.operands().get(i));
                }
                DType operandType = call.operands().get(call.function() == ScalarFunction.WHERE ? 1 : 0).dtype();
                register = next++;
                steps.add(new Step(call.function(), operandType, call.dtype(), register, sources, null));
            }
            registers.put(expr, register);
            return register;
        }
    }
}
