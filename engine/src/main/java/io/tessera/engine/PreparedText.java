package io.tessera.engine;

import io.tessera.grammar.QueryParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;

/**
 * A statement with {@code ?} parameters: each stands for a scalar (a number, a boolean or a string)
 * and is replaced by that value's literal before the statement is parsed. Parameters may stand
 * wherever a literal may, e.g. {@code x[?:?]}, {@code axis => ?} or {@code hdf5(?, ?)}.
 */
public final class PreparedText {
    private final String text;
    private final int[] offsets;

    private PreparedText(String text, int[] offsets) {
        this.text = text;
        this.offsets = offsets;
    }

    /** Finds the parameters of {@code text} and checks its syntax, with 0 in place of each. */
    public static PreparedText of(String text) {
        PreparedText prepared;
        try {
            prepared = new PreparedText(text, QueryParser.parameterOffsets(text));
            QueryParser.parse(prepared.bind(Collections.nCopies(prepared.parameterCount(), 0)));
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        return prepared;
    }

    /** The statement as written. */
    public String text() {
        return text;
    }

    public int parameterCount() {
        return offsets.length;
    }

    /** The statement with each parameter replaced by the literal of its value, in order. */
    public String bind(List<?> values) {
        if (values.size() != offsets.length) {
            throw TesseraException.of(TesseraException.Category.ARGUMENT, "the statement has " + offsets.length
                    + " parameter" + (offsets.length == 1 ? "" : "s") + " and got " + values.size() + " value"
                    + (values.size() == 1 ? "" : "s"));
        }
        StringBuilder bound = new StringBuilder(text.length() + 16 * offsets.length);
        int from = 0;
        for (int i = 0; i < offsets.length; i++) {
            bound.append(text, from, offsets[i]).append(literal(values.get(i), i + 1));
            from = offsets[i] + 1;
        }
        return bound.append(text, from, text.length()).toString();
    }

    /**
     * The literal that stands for {@code value} in the language; a negative number in parentheses,
     * so it keeps its meaning beside any operator ({@code 10-?}, {@code ? ** 2}).
     */
    static String literal(Object value, int parameter) {
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof String string) {
            return "'" + string.replace("'", "''") + "'";
        }
        String number = number(value);
        if (number == null) {
            throw TesseraException.of(TesseraException.Category.ARGUMENT, "parameter " + parameter + " is "
                    + (value == null ? "null" : "a " + value.getClass().getSimpleName())
                    + ": give a number, a boolean or a string");
        }
        return number.startsWith("-") ? "(" + number + ")" : number;
    }

    private static String number(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            // an integral decimal is an integer literal (1E+3 would read as a float)
            return decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toString();
        }
        if (value instanceof Float || value instanceof Double) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number)) {
                return "nan";
            }
            if (Double.isInfinite(number)) {
                return number > 0 ? "inf" : "-inf";
            }
            return value.toString();
        }
        return null;
    }
}
