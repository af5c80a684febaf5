package io.tessera.engine.format;

import io.tessera.engine.TesseraException;
import io.tessera.engine.result.QueryResult;
import io.tessera.engine.result.ResultItem;
import io.tessera.engine.result.StatementResult;
import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.Shapes;
import java.util.List;

/**
 * The cell form of a result: one row per cell, the index columns {@code i0, i1, ...} then one
 * column per item; items of different shapes broadcast together. Other statements print as text.
 */
public final class CsvFormat implements ResultFormat {
    @Override
    public String format(StatementResult result) {
        if (!(result instanceof QueryResult query)) {
            return new TextFormat().format(result);
        }
        List<ResultItem> items = query.items();
        long[] shape = CellForm.shape(items, "csv");
        StringBuilder text = new StringBuilder();
        for (int axis = 0; axis < shape.length; axis++) {
            text.append('i').append(axis).append(',');
        }
        for (int i = 0; i < items.size(); i++) {
            text.append(i > 0 ? "," : "").append(quote(items.get(i).name()));
        }
        text.append('\n');
        long size = Shapes.size(shape);
        long[] index = new long[shape.length];
        for (long cell = 0; cell < size; cell++) {
            for (long i : index) {
                text.append(i).append(',');
            }
            for (int k = 0; k < items.size(); k++) {
                ResultItem item = items.get(k);
                text.append(k > 0 ? "," : "").append(item.isText() ? quote(item.text())
                        : value(item.values(), CellForm.offset(item.shape(), index)));
            }
            text.append('\n');
            CellForm.advance(index, shape);
        }
        return text.toString();
    }

    /** One cell's value: numbers in full precision, NaN and infinities as JSON writes them. */
    public static String value(Block block, int index) {
        DType dtype = block.dtype();
        if (dtype.isBool()) {
            return block.getLong(index) != 0 ? "true" : "false";
        }
        if (!dtype.isFloat()) {
            return dtype == DType.UINT64 ? Long.toUnsignedString(block.getLong(index))
                    : Long.toString(block.getLong(index));
        }
        double value = block.getDouble(index);
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return NumberText.repr(value, dtype == DType.FLOAT32);
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    @Override
    public String error(TesseraException error) {
        return null;
    }
}
