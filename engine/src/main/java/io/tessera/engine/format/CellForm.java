package io.tessera.engine.format;

import io.tessera.engine.TesseraException;
import io.tessera.engine.result.ResultItem;
import io.tessera.executor.Shapes;
import java.util.List;

/**
 * The cell form of a result, shared by CSV and JDBC: one row per cell of the items broadcast
 * together, in row-major order, with the index columns {@code i0, i1, ...} then one column per item.
 */
public final class CellForm {
    private CellForm() {
    }

    /** The shape all items broadcast to: the rows are its cells. {@code reader} names who needs it, for errors. */
    public static long[] shape(List<ResultItem> items, String reader) {
        long[] shape = new long[0];
        for (ResultItem item : items) {
            long[] next = Shapes.broadcast(shape, item.shape());
            if (next == null) {
                throw TesseraException.of(TesseraException.Category.SHAPE, reader + " needs items that broadcast together, "
                        + "not shapes " + Shapes.format(shape) + " and " + Shapes.format(item.shape()));
            }
            shape = next;
        }
        return shape;
    }

    /** The element of an item of {@code itemShape} that broadcasts to the cell at {@code index}. */
    public static int offset(long[] itemShape, long[] index) {
        int shift = index.length - itemShape.length;
        long offset = 0;
        for (int axis = 0; axis < itemShape.length; axis++) {
            long i = itemShape[axis] == 1 ? 0 : index[axis + shift];
            offset = offset * itemShape[axis] + i;
        }
        return (int) offset;
    }

    /** Moves {@code index} to the next cell of {@code shape} in row-major order. */
    public static void advance(long[] index, long[] shape) {
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (++index[axis] < shape[axis]) {
                return;
            }
            index[axis] = 0;
        }
    }
}
