package io.tessera.executor.expr;

import io.tessera.executor.DType;
import java.util.List;
import java.util.Objects;

/** An elementwise expression over the inputs of a map, typed in every node. */
public sealed interface ScalarExpr {
    DType dtype();

    /** Element of input {@code index}. */
    record Input(int index, DType dtype) implements ScalarExpr {
    }

    /**
     * A constant. Integer dtypes (and bool) keep their value in {@code bits}, floats in
     * {@code value}; the other field is ignored.
     */
    record Constant(DType dtype, long bits, double value) implements ScalarExpr {
        public static Constant ofDouble(DType dtype, double value) {
            return dtype.isFloat() ? new Constant(dtype, 0, dtype == DType.FLOAT32 ? (float) value : value)
                    : new Constant(dtype, io.tessera.executor.Numbers.doubleToIntegerBits(value, dtype), 0);
        }

        public static Constant ofLong(DType dtype, long bits) {
            return dtype.isFloat() ? new Constant(dtype, 0, dtype == DType.FLOAT32 ? (float) bits : (double) bits)
                    : new Constant(dtype, dtype.wrap(bits), 0);
        }

        /** The value as a double (uint64 read unsigned). */
        public double asDouble() {
            if (dtype.isFloat()) {
                return value;
            }
            return dtype == DType.UINT64 ? io.tessera.executor.Numbers.unsignedToDouble(bits) : bits;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Constant c && c.dtype == dtype && c.bits == bits
                    && Double.doubleToLongBits(c.value) == Double.doubleToLongBits(value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dtype, bits, Double.doubleToLongBits(value));
        }

        @Override
        public String toString() {
            if (dtype.isFloat()) {
                return Double.toString(value);
            }
            if (dtype == DType.BOOL) {
                return bits != 0 ? "TRUE" : "FALSE";
            }
            return dtype == DType.UINT64 ? Long.toUnsignedString(bits) : Long.toString(bits);
        }
    }

    /** A function applied to operands. */
    record Call(ScalarFunction function, List<ScalarExpr> operands, DType dtype) implements ScalarExpr {
        public Call {
            operands = List.copyOf(operands);
            if (operands.size() != function.arity()) {
                throw new IllegalArgumentException(function + " takes " + function.arity() + " operands");
            }
        }
    }
}
