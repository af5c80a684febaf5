package io.tessera.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.engine.result.ResultItem;
import io.tessera.executor.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One expected item of a {@link NumpyCase}: NumPy's dtype, shape and values (row-major), or the
 * text of a string result such as {@code x.dtype}. Floats compare within {@code rtol} and
 * {@code atol}; NaN only matches NaN and an infinity only the same infinity; bool and integers
 * compare exactly (uint64 as its 64 bits).
 */
record NumpyExpectedItem(String dtype, long[] shape, JsonNode values, double rtol, double atol) {
    /** The tolerance of elementwise float results; reduction cases carry their own. */
    static final double FLOAT64_RTOL = 1e-12;
    static final double FLOAT32_RTOL = 2e-6;
    private static final int SHOWN_MISMATCHES = 5;

    static NumpyExpectedItem parse(JsonNode node) {
        String dtype = node.path("dtype").asText();
        long[] shape = new long[node.path("shape").size()];
        for (int axis = 0; axis < shape.length; axis++) {
            shape[axis] = node.path("shape").get(axis).asLong();
        }
        double defaultRtol = dtype.equals("float32") ? FLOAT32_RTOL : FLOAT64_RTOL;
        return new NumpyExpectedItem(dtype, shape, node.path("values"), node.path("rtol").asDouble(defaultRtol),
                node.path("atol").asDouble(0));
    }

    /** Null when {@code actual} matches, else what differs. */
    String mismatch(ResultItem actual) {
        if (dtype.equals("str")) {
            if (!actual.isText()) {
                return "expected the text '" + values.asText() + "', got a " + actual.dtypeName() + " array";
            }
            return actual.text().equals(values.asText()) ? null
                    : "expected the text '" + values.asText() + "', got '" + actual.text() + "'";
        }
        if (!actual.dtypeName().equals(dtype)) {
            return "expected dtype " + dtype + ", got " + actual.dtypeName();
        }
        if (!Arrays.equals(actual.shape(), shape)) {
            return "expected shape " + Arrays.toString(shape) + ", got " + Arrays.toString(actual.shape());
        }
        Block block = actual.values();
        if (block.dtype() != actual.dtype() || block.size() != values.size()) {
            return "the result's block (" + block + ") does not hold " + values.size() + " " + dtype + " values";
        }
        return valueMismatches(block);
    }

    private String valueMismatches(Block block) {
        List<String> shown = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < values.size(); i++) {
            String difference = difference(values.get(i), block, i);
            if (difference != null) {
                count++;
                if (shown.size() < SHOWN_MISMATCHES) {
                    shown.add("at " + index(i) + ": " + difference);
                }
            }
        }
        if (count == 0) {
            return null;
        }
        return count + " of " + values.size() + " values differ" + (dtype.startsWith("float")
                ? " (rtol " + rtol + ", atol " + atol + ")" : "") + "; " + String.join("; ", shown)
                + (count > shown.size() ? "; ..." : "");
    }

    private String difference(JsonNode expected, Block block, int i) {
        if (dtype.equals("bool")) {
            long want = expected.asLong();
            long got = block.getLong(i) != 0 ? 1 : 0;
            return want == got ? null : "expected " + (want != 0) + ", got " + (got != 0);
        }
        if (!dtype.startsWith("float")) {
            // uint64 values past Long.MAX_VALUE arrive as BigInteger; their low 64 bits are what the block holds
            long want = expected.bigIntegerValue().longValue();
            long got = block.getLong(i);
            return want == got ? null : "expected " + expected.asText() + ", got "
                    + (dtype.equals("uint64") ? Long.toUnsignedString(got) : Long.toString(got));
        }
        double want = expected.isTextual() ? Double.parseDouble(expected.asText()) : expected.doubleValue();
        if (dtype.equals("float32")) {
            // float32 values are written in their shortest form (1e-45), which only reads back as a float
            want = (float) want;
        }
        double got = block.getDouble(i);
        boolean same = Double.isNaN(want) ? Double.isNaN(got)
                : Double.isInfinite(want) ? want == got
                : Math.abs(got - want) <= atol + rtol * Math.abs(want);
        return same ? null : "expected " + want + ", got " + got;
    }

    /** The n-dimensional index of flat position {@code i}. */
    private String index(int i) {
        long[] index = new long[shape.length];
        long rest = i;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = shape[axis] == 0 ? 0 : rest % shape[axis];
            rest = shape[axis] == 0 ? 0 : rest / shape[axis];
        }
        return Arrays.toString(index);
    }
}
