package io.tessera.executor.generate;

import io.tessera.executor.Block;
import io.tessera.executor.DType;

/**
 * {@code linspace(start, stop, num)} as NumPy computes it: {@code start + i * step} with
 * {@code step = (stop - start) / div}, the last element exactly {@code stop} when the endpoint is
 * included, and {@code start + i / div * (stop - start)} when the step underflows to zero.
 */
public record Linspace(DType dtype, double start, double stop, long num, boolean endpoint) implements Generator {
    @Override
    public long[] shape() {
        return new long[] {num};
    }

    @Override
    public String description() {
        return "linspace(start=" + start + ", stop=" + stop + ", num=" + num + (endpoint ? "" : ", endpoint=false")
                + ")";
    }

    @Override
    public void fill(Block out, int offset, int count, long firstIndex, long indexStep) {
        long div = endpoint ? num - 1 : num;
        double delta = stop - start;
        double step = div > 0 ? delta / div : Double.NaN;
        for (int j = 0; j < count; j++) {
            long i = firstIndex + j * indexStep;
            double value;
            if (endpoint && num > 1 && i == num - 1) {
                value = stop;
            } else if (div == 0) {
                value = i * delta + start;
            } else if (step == 0) {
                value = (double) i / div * delta + start;
            } else {
                value = i * step + start;
            }
            out.setDouble(offset + j, value);
        }
    }
}
