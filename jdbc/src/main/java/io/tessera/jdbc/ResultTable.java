package io.tessera.jdbc;

import io.tessera.engine.format.CellForm;
import io.tessera.engine.format.TextFormat;
import io.tessera.engine.result.DescribeResult;
import io.tessera.engine.result.ExplainResult;
import io.tessera.engine.result.IntoResult;
import io.tessera.engine.result.ListingResult;
import io.tessera.engine.result.MessageResult;
import io.tessera.engine.result.QueryResult;
import io.tessera.engine.result.ResultItem;
import io.tessera.engine.result.StatementResult;
import io.tessera.executor.Shapes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.calcite.avatica.ColumnMetaData;

/**
 * A statement's answer as JDBC rows. A SELECT gives its cell form: one row per cell, the index
 * columns {@code i0 ... ik} then one column per item (a scalar result is one row). DESCRIBE, SHOW,
 * EXPLAIN and INTO give tables of what they say; CREATE, DROP and SET give no rows (an update
 * count of 0).
 */
record ResultTable(List<ColumnMetaData> columns, Iterable<Object> rows, boolean isUpdate) {
    static ResultTable of(StatementResult result) {
        if (result instanceof QueryResult query) {
            return cells(query.items());
        }
        if (result instanceof MessageResult) {
            return new ResultTable(List.of(), List.of(), true);
        }
        if (result instanceof ListingResult listing) {
            List<ColumnMetaData> columns = new ArrayList<>();
            for (String column : listing.columns()) {
                columns.add(SqlColumns.text(columns.size(), column));
            }
            List<Object> rows = new ArrayList<>();
            for (Map<String, String> row : listing.rows()) {
                rows.add(listing.columns().stream().map(row::get).toArray());
            }
            return new ResultTable(columns, rows, false);
        }
        if (result instanceof DescribeResult describe) {
            List<Object> rows = new ArrayList<>();
            for (DescribeResult.Description array : describe.arrays()) {
                rows.add(new Object[] {array.name(), array.dtype(), Shapes.format(array.shape()),
                        array.chunks().toString(), array.bytes()});
            }
            return new ResultTable(List.of(SqlColumns.text(0, "name"), SqlColumns.text(1, "dtype"),
                    SqlColumns.text(2, "shape"), SqlColumns.text(3, "chunks"), SqlColumns.count(4, "bytes")), rows,
                    false);
        }
        if (result instanceof IntoResult into) {
            List<Object> rows = new ArrayList<>();
            for (IntoResult.Written written : into.items()) {
                rows.add(new Object[] {written.name(), written.target(), written.dtype(),
                        Shapes.format(written.shape()), written.bytes()});
            }
            return new ResultTable(List.of(SqlColumns.text(0, "name"), SqlColumns.text(1, "target"),
                    SqlColumns.text(2, "dtype"), SqlColumns.text(3, "shape"), SqlColumns.count(4, "bytes")), rows,
                    false);
        }
        ExplainResult explain = (ExplainResult) result;
        List<Object> rows = new ArrayList<>();
        for (String line : new TextFormat().format(explain).split("\n")) {
            rows.add(new Object[] {line});
        }
        return new ResultTable(List.of(SqlColumns.text(0, "plan")), rows, false);
    }

    private static ResultTable cells(List<ResultItem> items) {
        long[] shape = CellForm.shape(items, "a JDBC result");
        List<ColumnMetaData> columns = new ArrayList<>();
        for (int axis = 0; axis < shape.length; axis++) {
            columns.add(SqlColumns.index(axis));
        }
        for (ResultItem item : items) {
            columns.add(SqlColumns.of(columns.size(), item.name(), item.isText() ? null : item.dtype()));
        }
        return new ResultTable(columns, () -> new CellIterator(items, shape), false);
    }

    /** Walks the cells in row-major order, making each row only when asked for it. */
    private static final class CellIterator implements Iterator<Object> {
        private final List<ResultItem> items;
        private final long[] shape;
        private final long[] index;
        private final long size;
        private long next;

        CellIterator(List<ResultItem> items, long[] shape) {
            this.items = items;
            this.shape = shape;
            this.index = new long[shape.length];
            this.size = Shapes.size(shape);
        }

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Object next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            Object[] row = new Object[shape.length + items.size()];
            for (int axis = 0; axis < shape.length; axis++) {
                row[axis] = index[axis];
            }
            for (int k = 0; k < items.size(); k++) {
                ResultItem item = items.get(k);
                row[shape.length + k] = item.isText() ? item.text()
                        : SqlColumns.value(item.values(), CellForm.offset(item.shape(), index));
            }
            CellForm.advance(index, shape);
            next++;
            return row;
        }
    }
}
