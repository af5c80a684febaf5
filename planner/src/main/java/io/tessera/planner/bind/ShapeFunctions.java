package io.tessera.planner.bind;

import io.tessera.executor.AxisSelection;
import io.tessera.executor.ChunkGrid;
import io.tessera.executor.ChunkGrids;
import io.tessera.executor.DType;
import io.tessera.executor.Selection;
import io.tessera.executor.Shapes;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.grammar.ast.Call;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayRel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binds the shape functions (reshape, transpose, squeeze, expand_dims, stack, concatenate,
 * rechunk, triu, tril, flip).
 */
final class ShapeFunctions {
    private final ArrayBuilder builder;
    private final Elementwise elementwise;

    ShapeFunctions(ArrayBuilder builder, Elementwise elementwise) {
        this.builder = builder;
        this.elementwise = elementwise;
    }

    Value.Array reshape(Arguments arguments) {
        Value.Array x = arguments.array("x");
        long[] requested = arguments.integers("shape").orElseThrow();
        long size = x.rel().size();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < requested.length; i++) {
            if (requested[i] == -1) {
                if (unknown >= 0) {
                    throw arguments.error("shape", "can only specify one unknown dimension");
                }
                unknown = i;
            } else if (requested[i] < 0) {
                throw arguments.error("shape", "negative dimensions not allowed");
            } else if (requested[i] > 0 && known > Long.MAX_VALUE / requested[i]) {
                throw new BindException(BindException.Category.SHAPE, "cannot reshape array of size " + size
                        + " into shape " + Shapes.format(requested), arguments.position("shape"));
            } else {
                known *= requested[i];
            }
        }
        long[] shape = requested.clone();
        if (unknown >= 0 && known > 0 && size % known == 0) {
            shape[unknown] = size / known;
        }
        if (Shapes.size(shape) != size || (unknown >= 0 && known == 0)) {
            throw new BindException(BindException.Category.SHAPE, "cannot reshape array of size " + size
                    + " into shape " + Shapes.format(requested), arguments.position("shape"));
        }
        if (Arrays.equals(shape, x.rel().shape())) {
            return x;
        }
        return new Value.Array(builder.reshape(x.rel(), shape), false, x.name());
    }

    Value.Array transpose(Arguments arguments) {
        Value.Array x = arguments.array("x");
        int ndim = x.rel().ndim();
        int[] order;
        if (arguments.has("axes")) {
            long[] axes = arguments.integers("axes").orElseThrow();
            if (axes.length != ndim) {
                throw arguments.error("axes", "axes don't match array: " + axes.length + " axes for an array of "
                        + ndim + " dimensions");
            }
            order = new int[ndim];
            boolean[] used = new boolean[ndim];
            for (int i = 0; i < ndim; i++) {
                order[i] = Axes.normalize(axes[i], ndim, arguments.position("axes"));
                if (used[order[i]]) {
                    throw arguments.error("axes", "repeated axis in transpose");
                }
                used[order[i]] = true;
            }
        } else {
            order = new int[ndim];
            for (int i = 0; i < ndim; i++) {
                order[i] = ndim - 1 - i;
            }
        }
        return transposed(x, order);
    }

    Value.Array transposed(Value.Array x, int[] order) {
        return new Value.Array(builder.slice(x.rel(), Selection.transpose(x.rel().shape(), order)), false, x.name());
    }

    Value.Array squeeze(Arguments arguments) {
        Value.Array x = arguments.array("x");
        long[] shape = x.rel().shape();
        boolean[] drop = new boolean[shape.length];
        if (arguments.has("axis")) {
            for (int axis : Axes.normalize(arguments.integers("axis").orElseThrow(), shape.length,
                    arguments.position("axis"))) {
                if (shape[axis] != 1) {
                    throw arguments.error("axis", "cannot select an axis to squeeze out which has size not equal to one");
                }
                drop[axis] = true;
            }
        } else {
            for (int axis = 0; axis < shape.length; axis++) {
                drop[axis] = shape[axis] == 1;
            }
        }
        List<AxisSelection> axes = new ArrayList<>();
        List<Integer> output = new ArrayList<>();
        for (int axis = 0; axis < shape.length; axis++) {
            axes.add(drop[axis] ? AxisSelection.single(0) : AxisSelection.all(shape[axis]));
            if (!drop[axis]) {
                output.add(axis);
            }
        }
        return selected(x, new Selection(axes, output.stream().mapToInt(Integer::intValue).toArray()));
    }

    Value.Array expandDims(Arguments arguments) {
        Value.Array x = arguments.array("x");
        long[] shape = x.rel().shape();
        long[] requested = arguments.integers("axis").orElseThrow();
        int rank = shape.length + requested.length;
        int[] added = Axes.normalize(requested, rank, arguments.position("axis"));
        List<AxisSelection> axes = new ArrayList<>();
        for (long dim : shape) {
            axes.add(AxisSelection.all(dim));
        }
        int[] output = new int[rank];
        for (int k = 0, input = 0; k < rank; k++) {
            output[k] = Arrays.binarySearch(added, k) >= 0 ? Selection.NEW_AXIS : input++;
        }
        return selected(x, new Selection(axes, output));
    }

    Value.Array flip(Arguments arguments) {
        Value.Array x = arguments.array("x");
        long[] shape = x.rel().shape();
        int[] flipped = arguments.has("axis")
                ? Axes.normalize(arguments.integers("axis").orElseThrow(), shape.length, arguments.position("axis"))
                : Axes.all(shape.length);
        List<AxisSelection> axes = new ArrayList<>();
        int[] output = new int[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            axes.add(Arrays.binarySearch(flipped, axis) >= 0 ? AxisSelection.slice(null, null, -1L, shape[axis])
                    : AxisSelection.all(shape[axis]));
            output[axis] = axis;
        }
        return selected(x, new Selection(axes, output));
    }

    private Value.Array selected(Value.Array x, Selection selection) {
        if (selection.isAll(x.rel().shape())) {
            return x;
        }
        return new Value.Array(builder.slice(x.rel(), selection), false, x.name());
    }

    Value.Array stack(Call call, Arguments arguments) {
        List<Value.Array> arrays = arrays(arguments, "arrays");
        long[] shape = arrays.get(0).rel().shape();
        for (Value.Array array : arrays) {
            if (!Arrays.equals(array.rel().shape(), shape)) {
                throw new BindException(BindException.Category.SHAPE, "all input arrays must have the same shape, not "
                        + Shapes.format(shape) + " and " + Shapes.format(array.rel().shape()), call.position());
            }
        }
        int axis = Axes.normalize(arguments.integer("axis").orElse(0L), shape.length + 1, arguments.position("axis"));
        List<ArrayRel> inputs = promoted(arrays);
        return new Value.Array(builder.stack(inputs, axis), false, call.name());
    }

    Value.Array concatenate(Call call, Arguments arguments) {
        List<Value.Array> arrays = arrays(arguments, "arrays");
        long[] shape = arrays.get(0).rel().shape();
        if (shape.length == 0) {
            throw new BindException(BindException.Category.SHAPE, "zero-dimensional arrays cannot be concatenated",
                    call.position());
        }
        int axis = Axes.normalize(arguments.integer("axis").orElse(0L), shape.length, arguments.position("axis"));
        for (Value.Array array : arrays) {
            long[] other = array.rel().shape();
            boolean matches = other.length == shape.length;
            for (int a = 0; matches && a < shape.length; a++) {
                matches = a == axis || other[a] == shape[a];
            }
            if (!matches) {
                throw new BindException(BindException.Category.SHAPE, "all the input array dimensions except for the "
                        + "concatenation axis must match exactly, not " + Shapes.format(shape) + " and "
                        + Shapes.format(other), call.position());
            }
        }
        return new Value.Array(builder.concat(promoted(arrays), axis), false, call.name());
    }

    private List<Value.Array> arrays(Arguments arguments, String name) {
        List<Value.Array> arrays = new ArrayList<>();
        for (Value item : arguments.tuple(name)) {
            if (!(item instanceof Value.Array array)) {
                throw arguments.error(name, "expects a tuple of arrays, got " + Arguments.describe(item));
            }
            arrays.add(array);
        }
        if (arrays.isEmpty()) {
            throw arguments.error(name, "needs at least one array");
        }
        return arrays;
    }

    private List<ArrayRel> promoted(List<Value.Array> arrays) {
        DType dtype = arrays.get(0).rel().dtype();
        for (Value.Array array : arrays) {
            dtype = DType.promote(dtype, array.rel().dtype());
        }
        List<ArrayRel> inputs = new ArrayList<>();
        for (Value.Array array : arrays) {
            inputs.add(elementwise.cast(array, dtype).rel());
        }
        return inputs;
    }

    Value.Array rechunk(Arguments arguments) {
        Value.Array x = arguments.array("x");
        long[] shape = x.rel().shape();
        long[] sizes = arguments.chunkSizes("chunks", shape.length, shape.length);
        ChunkGrid grid = sizes == null ? builder.autoChunks(shape, x.rel().dtype()) : ChunkGrids.explicit(shape, sizes);
        return new Value.Array(builder.rechunk(x.rel(), grid), false, x.name());
    }

    Value.Array tri(Arguments arguments, boolean upper) {
        Value.Array x = arguments.array("x");
        if (x.rel().ndim() < 2) {
            throw arguments.error("x", "needs an array of at least 2 dimensions, not " + x.rel().ndim());
        }
        long k = arguments.integer("k").orElse(0L);
        return new Value.Array(builder.tri(x.rel(), k, upper), false, x.name());
    }
}
