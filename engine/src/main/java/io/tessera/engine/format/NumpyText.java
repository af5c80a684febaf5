package io.tessera.engine.format;

import java.util.Locale;
import io.tessera.executor.Block;
import io.tessera.executor.DType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Arrays printed as NumPy's {@code str()} prints them with its default options: a common width for
 * all elements, floats in fixed or scientific notation chosen for the whole array with at most 8
 * fractional digits, rows wrapped at 75 characters, and arrays past 1000 elements summarised to
 * their first and last 3 entries per axis.
 */
public final class NumpyText {
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;
    private static final int PRECISION = 8;
    private static final int LINE_WIDTH = 75;

    private NumpyText() {
    }

    /** A whole block, e.g. {@code [[1. 2.]\n [3. 4.]]}; a 0-d block prints as its one value. */
    public static String format(Block block) {
        int[] shape = block.shape();
        if (shape.length == 0) {
            return scalar(block, 0);
        }
        if (block.size() == 0) {
            return "[]";
        }
        boolean summarise = block.size() > THRESHOLD;
        List<Integer> shown = new ArrayList<>();
        collectShown(shape, 0, 0, summarise, shown);
        Formatter formatter = formatter(block, shown);
        StringBuilder text = new StringBuilder();
        write(block, shape, 0, 0, summarise, formatter, text, 1);
        return text.toString();
    }

    /** One element as NumPy prints a scalar of the block's dtype. */
    public static String scalar(Block block, int index) {
        DType dtype = block.dtype();
        if (dtype.isFloat()) {
            return NumberText.repr(block.getDouble(index), dtype == DType.FLOAT32);
        }
        if (dtype.isBool()) {
            return block.getLong(index) != 0 ? "True" : "False";
        }
        return integer(block, index);
    }

    private static String integer(Block block, int index) {
        long value = block.getLong(index);
        return block.dtype() == DType.UINT64 ? Long.toUnsignedString(value) : Long.toString(value);
    }

    private static void collectShown(int[] shape, int axis, int offset, boolean summarise, List<Integer> shown) {
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        for (int i : indices(shape[axis], summarise)) {
            if (axis == shape.length - 1) {
                shown.add(offset + i);
            } else {
                collectShown(shape, axis + 1, offset + i * stride, summarise, shown);
            }
        }
    }

    private static List<Integer> indices(int length, boolean summarise) {
        List<Integer> result = new ArrayList<>();
        if (summarise && length > 2 * EDGE) {
            for (int i = 0; i < EDGE; i++) {
                result.add(i);
            }
            for (int i = length - EDGE; i < length; i++) {
                result.add(i);
            }
        } else {
            for (int i = 0; i < length; i++) {
                result.add(i);
            }
        }
        return result;
    }

    private static void write(Block block, int[] shape, int axis, int offset, boolean summarise, Formatter formatter,
            StringBuilder text, int indent) {
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        text.append('[');
        int length = shape[axis];
        boolean cut = summarise && length > 2 * EDGE;
        if (axis == shape.length - 1) {
            int lineStart = text.lastIndexOf("\n") + 1;
            for (int i = 0; i < length; i++) {
                if (cut && i == EDGE) {
                    text.append(i == 0 ? "" : " ").append("...");
                    i = length - EDGE - 1;
                    continue;
                }
                String element = formatter.format(block, offset + i);
                if (i > 0) {
                    if (text.length() - lineStart + 1 + element.length() + 1 > LINE_WIDTH) {
                        // NumPy strips the padding at the end of a wrapped line
                        while (text.charAt(text.length() - 1) == ' ') {
                            text.setLength(text.length() - 1);
                        }
                        text.append('\n').append(" ".repeat(indent));
                        lineStart = text.length() - indent;
                    } else {
                        text.append(' ');
                    }
                }
                text.append(element);
            }
        } else {
            String separator = "\n".repeat(shape.length - axis - 1) + " ".repeat(indent);
            for (int i = 0; i < length; i++) {
                if (cut && i == EDGE) {
                    text.append("...").append(separator);
                    i = length - EDGE - 1;
                    continue;
                }
                write(block, shape, axis + 1, offset + i * stride, summarise, formatter, text, indent + 1);
                if (i < length - 1) {
                    text.append(separator);
                }
            }
        }
        text.append(']');
    }

    /** Formats the elements of one array to a common width. */
    private interface Formatter {
        String format(Block block, int index);
    }

    private static Formatter formatter(Block block, List<Integer> shown) {
        DType dtype = block.dtype();
        if (dtype.isBool()) {
            return (b, i) -> b.getLong(i) != 0 ? " True" : "False";
        }
        if (!dtype.isFloat()) {
            int width = 0;
            for (int i : shown) {
                width = Math.max(width, integer(block, i).length());
            }
            int finalWidth = width;
            return (b, i) -> pad(integer(b, i), finalWidth);
        }
        return floatFormatter(block, shown);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /**
     * NumPy's FloatingFormat: one notation for the array, the integer parts padded left and the
     * fractions padded right (with spaces in fixed notation, zeros in scientific), nan and inf
     * right-aligned in the common width, which is widened to fit them.
     */
    private static Formatter floatFormatter(Block block, List<Integer> shown) {
        boolean isFloat32 = block.dtype() == DType.FLOAT32;
        double maxAbs = 0;
        double minAbs = Double.POSITIVE_INFINITY;
        boolean anyFinite = false;
        boolean nonFinite = false;
        boolean negativeInfinity = false;
        for (int i : shown) {
            double v = block.getDouble(i);
            if (!Double.isFinite(v)) {
                nonFinite = true;
                negativeInfinity |= v == Double.NEGATIVE_INFINITY;
            } else if (v != 0) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
                minAbs = Math.min(minAbs, Math.abs(v));
                anyFinite = true;
            }
        }
        boolean scientific = anyFinite && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1e3);
        int intWidth = 0;
        int fracWidth = 0;
        int expWidth = 0;
        for (int i : shown) {
            String[] p = scientific ? scientificParts(block.getDouble(i), isFloat32) : fixedParts(block.getDouble(i),
                    isFloat32);
            if (p[1] == null) {
                continue;
            }
            intWidth = Math.max(intWidth, p[0].length());
            fracWidth = Math.max(fracWidth, p[1].length());
            expWidth = Math.max(expWidth, p[2].length());
        }
        if (nonFinite) {
            int offset = fracWidth + 1 + expWidth;
            intWidth = Math.max(intWidth, Math.max(3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset));
        }
        int iw = intWidth;
        int fw = fracWidth;
        int ew = expWidth;
        return (b, index) -> {
            double v = b.getDouble(index);
            String[] p = scientific ? scientificParts(v, isFloat32) : fixedParts(v, isFloat32);
            if (p[1] == null) {
                return pad(p[0], iw + 1 + fw + ew);
            }
            String fraction = scientific ? p[1] + "0".repeat(fw - p[1].length()) : p[1] + " ".repeat(fw - p[1].length());
            String exponent = p[2].isEmpty() ? "" : p[2].substring(0, 2)
                    + pad(p[2].substring(2), ew - 2).replace(' ', '0');
            return pad(p[0], iw) + "." + fraction + exponent;
        };
    }

    /** {integer part with sign, fraction, ""}; or {nan/inf text, null, ""}. */
    private static String[] fixedParts(double v, boolean isFloat32) {
        if (!Double.isFinite(v)) {
            return new String[] {Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf", null, ""};
        }
        String sign = v < 0 || (v == 0 && 1 / v < 0) ? "-" : "";
        if (v == 0) {
            return new String[] {sign + "0", "", ""};
        }
        BigDecimal decimal = new BigDecimal(NumberText.plain(NumberText.shortest(v, isFloat32)));
        if (decimal.scale() > PRECISION) {
            decimal = decimal.setScale(PRECISION, RoundingMode.HALF_EVEN);
        }
        decimal = decimal.stripTrailingZeros();
        String text = decimal.toPlainString();
        int dot = text.indexOf('.');
        return dot < 0 ? new String[] {sign + text, "", ""}
                : new String[] {sign + text.substring(0, dot), text.substring(dot + 1), ""};
    }

    /** {sign and first digit, further digits, exponent as "e+XX"}; or {nan/inf text, null, ""}. */
    private static String[] scientificParts(double v, boolean isFloat32) {
        if (!Double.isFinite(v)) {
            return new String[] {Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf", null, ""};
        }
        String sign = v < 0 ? "-" : "";
        if (v == 0) {
            return new String[] {sign + "0", "", "e+00"};
        }
        NumberText.Digits d = NumberText.shortest(v, isFloat32);
        String digits = d.digits();
        if (digits.length() > PRECISION + 1) {
            digits = new BigDecimal("0." + digits).setScale(PRECISION + 1, RoundingMode.HALF_EVEN).unscaledValue()
                    .toString();
            digits = digits.replaceAll("0+$", "");
            if (digits.isEmpty()) {
                digits = "0";
            }
        }
        int exponent = d.exponent() - 1;
        if (digits.length() > PRECISION + 1) {
            // rounding carried into a new digit
            digits = digits.substring(0, PRECISION + 1);
            exponent++;
        }
        String exp = "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        return new String[] {sign + digits.charAt(0), digits.substring(1), exp};
    }
}
