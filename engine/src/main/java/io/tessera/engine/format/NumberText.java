package io.tessera.engine.format;

import java.util.Locale;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers written as Python writes them: the shortest digits that read back to the same value. */
public final class NumberText {
    private NumberText() {
    }

    /** The shortest decimal digits and exponent of a finite, non-zero double: value = 0.d1d2... * 10^exponent. */
    record Digits(String digits, int exponent) {
    }

    static Digits shortest(double value, boolean isFloat32) {
        double magnitude = Math.abs(value);
        String text = isFloat32 ? Float.toString((float) magnitude) : Double.toString(magnitude);
        BigDecimal decimal = new BigDecimal(text).stripTrailingZeros();
        // Java 17's toString sometimes gives a digit more than needed: drop digits while the value reads back
        while (decimal.precision() > 1) {
            BigDecimal shorter = decimal.round(new MathContext(decimal.precision() - 1, RoundingMode.HALF_EVEN));
            boolean same = isFloat32 ? shorter.floatValue() == (float) magnitude : shorter.doubleValue() == magnitude;
            if (!same) {
                break;
            }
            decimal = shorter.stripTrailingZeros();
        }
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - decimal.scale();
        return new Digits(digits, exponent);
    }

    /** Python's {@code repr} of a float (also NumPy's str of a float scalar). */
    public static String repr(double value, boolean isFloat32) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        Digits d = shortest(value, isFloat32);
        String sign = value < 0 ? "-" : "";
        int decimalExponent = d.exponent() - 1;
        if (decimalExponent < -4 || decimalExponent >= 16) {
            String mantissa = d.digits().length() == 1 ? d.digits() : d.digits().charAt(0) + "." + d.digits().substring(1);
            return sign + mantissa + "e" + (decimalExponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(decimalExponent));
        }
        return sign + plain(d) + (d.exponent() >= d.digits().length() ? ".0" : "");
    }

    /** The digits written out without exponent: {@code 12.5}, {@code 0.001}, {@code 1200}. */
    static String plain(Digits d) {
        String digits = d.digits();
        int exponent = d.exponent();
        if (exponent <= 0) {
            return "0." + "0".repeat(-exponent) + digits;
        }
        if (exponent >= digits.length()) {
            return digits + "0".repeat(exponent - digits.length());
        }
        return digits.substring(0, exponent) + "." + digits.substring(exponent);
    }
}
