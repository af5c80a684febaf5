package io.tessera.executor.generate;

import io.tessera.executor.Block;
import io.tessera.executor.DType;

/**
 * {@code arange(start, stop, step)}: integer ranges exactly; floating ranges as NumPy fills them,
 * {@code start + i * delta} with {@code delta = (start + step) - start}.
 */
public record Arange(DType dtype, long length, boolean integral, long start, long step, double startFloat,
        double delta) implements Generator {
    public static Arange ofIntegers(DType dtype, long start, long step, long length) {
        return new Arange(dtype, length, true, start, step, 0, 0);
    }

    public static Arange ofFloats(DType dtype, double start, double step, long length) {
        return new Arange(dtype, length, false, 0, 0, start, (start + step) - start);
    }

    @Override
    public long[] shape() {
        return new long[] {length};
    }

    @Override
    public String description() {
        return integral ? "arange(start=" + start + ", step=" + step + ", n=" + length + ")"
                : "arange(start=" + startFloat + ", step=" + delta + ", n=" + length + ")";
    }

    @Override
    public void fill(Block out, int offset, int count, long firstIndex, long indexStep) {
        for (int j = 0; j < count; j++) {
            long i = firstIndex + j * indexStep;
            if (integral) {
                out.setLong(offset + j, start + i * step);
            } else {
                out.setDouble(offset + j, startFloat + i * delta);
            }
        }
    }
}
