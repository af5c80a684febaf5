package io.tessera.planner.bind;

import io.tessera.executor.DType;
import io.tessera.executor.AxisSelection;
import io.tessera.executor.Selection;
import io.tessera.executor.Shapes;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.grammar.ast.Expr;
import io.tessera.grammar.ast.Index;
import io.tessera.grammar.ast.IndexItem;
import io.tessera.grammar.ast.ListLiteral;
import io.tessera.grammar.ast.Name;
import io.tessera.grammar.ast.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * NumPy's basic indexing, turned into a {@link Selection}: integers (negative from the end),
 * slices with any step, {@code newaxis}, {@code ...}, and one integer list.
 */
final class Indexing {
    private Indexing() {
    }

    /** What one index item does. */
    private sealed interface Step {
        record Integer(long index, Position position) implements Step { }

        record Slice(Long start, Long stop, Long step, Position position) implements Step { }

        record Points(long[] indices, Position position) implements Step { }

        record NewAxis() implements Step { }
    }

    static Selection selection(Index index, long[] shape, Function<Expr, Value> bind) {
        List<Step> steps = new ArrayList<>();
        int ellipsis = -1;
        int consuming = 0;
        for (IndexItem item : index.items()) {
            if (item instanceof IndexItem.Ellipsis) {
                if (ellipsis >= 0) {
                    throw error("an index can only have a single ellipsis ('...')", item.position());
                }
                ellipsis = steps.size();
                continue;
            }
            Step step = step(item, bind);
            if (!(step instanceof Step.NewAxis)) {
                consuming++;
            }
            steps.add(step);
        }
        if (consuming > shape.length) {
            throw error("too many indices for array: array is " + shape.length + "-dimensional, but " + consuming
                    + " were indexed", index.position());
        }
        int missing = shape.length - consuming;
        List<Step> full = new ArrayList<>(steps.subList(0, ellipsis >= 0 ? ellipsis : steps.size()));
        for (int i = 0; i < missing; i++) {
            full.add(new Step.Slice(null, null, null, index.position()));
        }
        if (ellipsis >= 0) {
            full.addAll(steps.subList(ellipsis, steps.size()));
        }
        checkAdvanced(full, index.position());
        List<AxisSelection> axes = new ArrayList<>();
        List<Integer> outputAxes = new ArrayList<>();
        int axis = 0;
        for (Step step : full) {
            if (step instanceof Step.NewAxis) {
                outputAxes.add(Selection.NEW_AXIS);
                continue;
            }
            long length = shape[axis];
            if (step instanceof Step.Integer integer) {
                axes.add(AxisSelection.single(checked(integer.index(), length, axis, integer.position())));
            } else if (step instanceof Step.Slice slice) {
                if (slice.step() != null && slice.step() == 0) {
                    throw error("slice step cannot be zero", slice.position());
                }
                axes.add(AxisSelection.slice(slice.start(), slice.stop(), slice.step(), length));
                outputAxes.add(axis);
            } else {
                Step.Points points = (Step.Points) step;
                long[] indices = new long[points.indices().length];
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = checked(points.indices()[i], length, axis, points.position());
                }
                axes.add(AxisSelection.Points.of(indices));
                outputAxes.add(axis);
            }
            axis++;
        }
        return new Selection(axes, outputAxes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One integer list works like NumPy's; several, or one apart from the integers, do not yet. */
    private static void checkAdvanced(List<Step> steps, Position position) {
        int lists = 0;
        int first = -1;
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step instanceof Step.Points) {
                lists++;
            }
            if (step instanceof Step.Points || step instanceof Step.Integer) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (lists > 1) {
            throw new BindException(BindException.Category.UNSUPPORTED,
                    "indexing with more than one integer list is not supported yet", position);
        }
        if (lists == 1) {
            for (int i = first; i <= last; i++) {
                if (!(steps.get(i) instanceof Step.Points || steps.get(i) instanceof Step.Integer)) {
                    throw new BindException(BindException.Category.UNSUPPORTED, "an integer list with integer "
                            + "indices apart from it is not supported yet", position);
                }
            }
        }
    }

    private static long checked(long index, long length, int axis, Position position) {
        if (index < -length || index >= length) {
            throw new BindException(BindException.Category.SHAPE, "index " + index + " is out of bounds for axis "
                    + axis + " with size " + length, position);
        }
        return index < 0 ? index + length : index;
    }

    private static Step step(IndexItem item, Function<Expr, Value> bind) {
        if (item instanceof IndexItem.Slice slice) {
            return new Step.Slice(bound(slice.start(), bind), bound(slice.stop(), bind), bound(slice.step(), bind),
                    slice.position());
        }
        Expr expr = ((IndexItem.Single) item).expr();
        if (expr instanceof Name name && (name.name().equals("newaxis") || name.name().equals("None"))) {
            return new Step.NewAxis();
        }
        if (expr instanceof ListLiteral list) {
            long[] indices = new long[list.items().size()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = integer(bind.apply(list.items().get(i)), list.items().get(i).position());
            }
            return new Step.Points(indices, list.position());
        }
        Value value = bind.apply(expr);
        if (value instanceof Value.Array array && array.rel().dtype().isBool() && array.rel().ndim() > 0) {
            throw new BindException(BindException.Category.UNSUPPORTED,
                    "boolean mask indexing is not supported yet", expr.position());
        }
        return new Step.Integer(integer(value, expr.position()), expr.position());
    }

    private static Long bound(Expr expr, Function<Expr, Value> bind) {
        return expr == null ? null : integer(bind.apply(expr), expr.position());
    }

    private static long integer(Value value, Position position) {
        if (value instanceof Value.Array array) {
            Optional<ScalarExpr.Constant> constant = Constants.evaluate(array.rel());
            if (constant.isPresent() && constant.get().dtype().isBool()) {
                // NumPy reads a bool index as a mask (a new axis of length 1 or 0), not as 0 or 1
                throw new BindException(BindException.Category.UNSUPPORTED,
                        "indexing with a boolean is not supported yet", position);
            }
            if (constant.isPresent() && !constant.get().dtype().isFloat()) {
                long bits = constant.get().bits();
                if (constant.get().dtype() == DType.UINT64 && bits < 0) {
                    throw new BindException(BindException.Category.SHAPE, "index "
                            + Long.toUnsignedString(bits) + " is out of bounds for any axis", position);
                }
                return bits;
            }
            if (constant.isEmpty() && array.rel().ndim() > 0) {
                throw new BindException(BindException.Category.UNSUPPORTED, "indexing with an array of shape "
                        + Shapes.format(array.rel().shape()) + " is not supported yet", position);
            }
        }
        throw error("only integers, slices (':'), ellipsis ('...'), newaxis and integer lists are valid indices, not "
                + Arguments.describe(value), position);
    }

    private static BindException error(String message, Position position) {
        return new BindException(BindException.Category.ARGUMENT, message, position);
    }
}
