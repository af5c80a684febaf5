package io.tessera.planner.bind;

import io.tessera.executor.DType;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.grammar.ast.Position;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayRel;
import java.util.ArrayList;
import java.util.List;

/** The attributes of an array: shape, ndim, size, nbytes, itemsize, dtype, chunks and T. */
final class Attributes {
    private static final List<String> NAMES = List.of("shape", "ndim", "size", "nbytes", "itemsize", "dtype", "chunks",
            "T");

    private final ArrayBuilder builder;
    private final ShapeFunctions shapes;

    Attributes(ArrayBuilder builder, ShapeFunctions shapes) {
        this.builder = builder;
        this.shapes = shapes;
    }

    /** Attribute {@code name} of {@code array}: a Python-style literal, a tuple, a string, or the transpose. */
    Value of(Value.Array array, String name, Position position) {
        ArrayRel rel = array.rel();
        return switch (name) {
            case "shape" -> integers(rel.shape());
            case "ndim" -> integer(rel.ndim(), name);
            case "size" -> integer(rel.size(), name);
            case "nbytes" -> integer(rel.size() * rel.dtype().itemSize(), name);
            case "itemsize" -> integer(rel.dtype().itemSize(), name);
            case "dtype" -> new Value.Text(rel.dtype().numpyName());
            case "chunks" -> {
                List<Value> axes = new ArrayList<>();
                for (long[] sizes : rel.chunks().blockSizes()) {
                    axes.add(integers(sizes));
                }
                yield new Value.Tuple(axes);
            }
            case "T" -> {
                int[] order = new int[rel.ndim()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = order.length - 1 - i;
                }
                yield rel.ndim() < 2 ? array : shapes.transposed(array, order);
            }
            default -> throw new BindException(BindException.Category.NAME, "an array has no attribute '" + name + "'"
                    + Suggestions.closest(name, NAMES), position);
        };
    }

    private Value.Array integer(long value, String name) {
        return new Value.Array(builder.constant(ScalarExpr.Constant.ofLong(DType.INT64, value), new long[0]), true,
                name);
    }

    private Value.Tuple integers(long[] values) {
        List<Value> items = new ArrayList<>();
        for (long value : values) {
            items.add(integer(value, "value"));
        }
        return new Value.Tuple(items);
    }
}
