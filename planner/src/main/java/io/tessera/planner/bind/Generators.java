package io.tessera.planner.bind;

import io.tessera.executor.ChunkGrid;
import io.tessera.executor.ChunkGrids;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.executor.generate.Arange;
import io.tessera.executor.generate.Eye;
import io.tessera.executor.generate.Generator;
import io.tessera.executor.generate.Linspace;
import io.tessera.executor.generate.RandomArray;
import io.tessera.grammar.ast.Call;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayRel;
import java.util.List;

/** Binds the generators: constants (zeros, ones, full, empty), ranges (arange, linspace, eye) and random arrays. */
final class Generators {
    private final ArrayBuilder builder;
    private final Seeds seeds;

    Generators(ArrayBuilder builder, Seeds seeds) {
        this.builder = builder;
        this.seeds = seeds;
    }

    /** zeros, ones, empty (zeros) and full: a constant broadcast to a shape. */
    Value.Array constant(Call call, Arguments arguments, Double fill) {
        long[] shape = shape(arguments, "shape");
        DType dtype = DType.FLOAT64;
        ScalarExpr.Constant value;
        if (fill == null) {
            Value.Array given = arguments.array("fill_value");
            ScalarExpr.Constant constant = Constants.evaluate(given.rel())
                    .orElseThrow(() -> arguments.error("fill_value", "fill_value must be a constant"));
            dtype = given.weak() ? (constant.dtype().isFloat() ? DType.FLOAT64 : constant.dtype()) : constant.dtype();
            value = constant;
        } else {
            value = ScalarExpr.Constant.ofDouble(DType.FLOAT64, fill);
        }
        dtype = dtype(arguments, dtype);
        ArrayRel rel = builder.constant(Constants.convert(value, dtype), shape);
        long[] sizes = arguments.has("chunks") ? arguments.chunkSizes("chunks", shape.length, shape.length) : null;
        if (sizes != null) {
            rel = builder.map(List.of(), Constants.convert(value, dtype), shape, ChunkGrids.explicit(shape, sizes));
        }
        return new Value.Array(rel, false, call.name());
    }

    /** arange([start,] stop [, step]): int64 when every bound is an integer, else float64, as NumPy. */
    Value.Array arange(Call call, Arguments arguments) {
        boolean both = arguments.has("stop");
        ScalarExpr.Constant start = both ? number(arguments, "start") : ScalarExpr.Constant.ofLong(DType.INT64, 0);
        ScalarExpr.Constant stop = both ? number(arguments, "stop") : number(arguments, "start");
        ScalarExpr.Constant step = arguments.has("step") ? number(arguments, "step")
                : ScalarExpr.Constant.ofLong(DType.INT64, 1);
        boolean integral = !start.dtype().isFloat() && !stop.dtype().isFloat() && !step.dtype().isFloat();
        Generator generator;
        if (integral) {
            long first = start.bits();
            long by = step.bits();
            if (by == 0) {
                throw arguments.error("step", "step must not be zero");
            }
            long length;
            try {
                long span = Math.subtractExact(stop.bits(), first);
                length = by > 0 ? (span > 0 ? (span - 1) / by + 1 : 0) : (span < 0 ? (span + 1) / by + 1 : 0);
            } catch (ArithmeticException e) {
                throw arguments.error("stop", "the range is too long");
            }
            generator = Arange.ofIntegers(dtype(arguments, DType.INT64), first, by, length);
        } else {
            double first = start.asDouble();
            double by = step.asDouble();
            double count = Math.ceil((stop.asDouble() - first) / by);
            if (by == 0 || Double.isNaN(count) || Double.isInfinite(count)) {
                throw arguments.error(by == 0 ? "step" : "stop", by == 0 ? "step must not be zero"
                        : "the length is not finite");
            }
            if (count >= 0x1p63) {
                throw arguments.error("stop", "the range is too long");
            }
            generator = Arange.ofFloats(dtype(arguments, DType.FLOAT64), first, by, Math.max(0, (long) count));
        }
        return generate(call, arguments, generator);
    }

    /** linspace(start, stop, num => 50, endpoint => TRUE): float64 unless dtype says otherwise. */
    Value.Array linspace(Call call, Arguments arguments) {
        long num = arguments.integer("num").orElse(50L);
        if (num < 0) {
            throw arguments.error("num", "num must not be negative, not " + num);
        }
        boolean endpoint = arguments.bool("endpoint").orElse(true);
        Generator generator = new Linspace(dtype(arguments, DType.FLOAT64), number(arguments, "start").asDouble(),
                number(arguments, "stop").asDouble(), num, endpoint);
        return generate(call, arguments, generator);
    }

    /** eye(n [, m] [, k]): ones on the k-th diagonal, float64 unless dtype says otherwise. */
    Value.Array eye(Call call, Arguments arguments) {
        long rows = arguments.integer("n").orElseThrow();
        long columns = arguments.integer("m").orElse(rows);
        long k = arguments.integer("k").orElse(0L);
        long[] shape = checked(arguments, "n", new long[] {rows, columns});
        return generate(call, arguments, new Eye(dtype(arguments, DType.FLOAT64), shape[0], shape[1], k));
    }

    /**
     * random_normal(loc => 0, scale => 1), random_uniform(low => 0, high => 1),
     * random_exponential(scale => 1), each with shape => (default a scalar), chunks => and seed =>.
     */
    Value.Array random(Call call, Arguments arguments, RandomArray.Distribution distribution) {
        long[] shape = arguments.has("shape") ? shape(arguments, "shape") : new long[0];
        double a;
        double b;
        switch (distribution) {
            case NORMAL -> {
                a = arguments.number("loc").orElse(0.0);
                b = nonNegative(arguments, "scale", 1.0);
            }
            case UNIFORM -> {
                a = arguments.number("low").orElse(0.0);
                b = arguments.number("high").orElse(1.0);
            }
            default -> {
                a = nonNegative(arguments, "scale", 1.0);
                b = 0;
            }
        }
        long seed = arguments.has("seed") ? arguments.integer("seed").orElseThrow() : seeds.next();
        return generate(call, arguments, new RandomArray(distribution, a, b, seed, shape));
    }

    private static double nonNegative(Arguments arguments, String name, double otherwise) {
        double value = arguments.number(name).orElse(otherwise);
        if (!(value >= 0)) {
            throw arguments.error(name, name + " must not be negative, not " + value);
        }
        return value;
    }

    private Value.Array generate(Call call, Arguments arguments, Generator generator) {
        long[] shape = generator.shape();
        checked(arguments, "chunks", shape);
        long[] sizes = arguments.has("chunks") ? arguments.chunkSizes("chunks", shape.length, shape.length) : null;
        ChunkGrid grid = sizes == null ? builder.autoChunks(shape, generator.dtype()) : ChunkGrids.explicit(shape, sizes);
        return new Value.Array(builder.generate(generator, grid), false, call.name());
    }

    /** A shape argument: non-negative sizes whose product fits 63 bits. */
    static long[] shape(Arguments arguments, String name) {
        return checked(arguments, name, arguments.integers(name).orElseThrow());
    }

    private static long[] checked(Arguments arguments, String name, long[] shape) {
        long size = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw arguments.error(name, "negative dimensions are not allowed");
            }
            if (dim > 0 && size > Long.MAX_VALUE / dim) {
                throw arguments.error(name, "array is too big: " + Shapes.format(shape) + " has more than 2^63 elements");
            }
            size *= dim;
        }
        return shape;
    }

    private static DType dtype(Arguments arguments, DType otherwise) {
        if (!arguments.has("dtype")) {
            return otherwise;
        }
        String name = arguments.string("dtype").orElseThrow();
        return DType.parse(name).orElseThrow(() -> arguments.error("dtype", "unknown dtype '" + name + "'"));
    }

    /** A constant number argument with its dtype (integers stay exact). */
    static ScalarExpr.Constant number(Arguments arguments, String name) {
        Value value = arguments.get(name).orElseThrow();
        if (value instanceof Value.Array array && array.rel().shape().length == 0) {
            java.util.Optional<ScalarExpr.Constant> constant = Constants.evaluate(array.rel());
            if (constant.isPresent() && !constant.get().dtype().isBool()) {
                return constant.get();
            }
        }
        throw arguments.error(name, "argument '" + name + "' must be a number");
    }
}
