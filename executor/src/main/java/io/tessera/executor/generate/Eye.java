package io.tessera.executor.generate;

import io.tessera.executor.Block;
import io.tessera.executor.DType;

/** {@code eye(n, m, k)}: ones on the k-th diagonal of an n x m array, zeros elsewhere. */
public record Eye(DType dtype, long rows, long columns, long k) implements Generator {
    @Override
    public long[] shape() {
        return new long[] {rows, columns};
    }

    @Override
    public String description() {
        return "eye(n=" + rows + ", m=" + columns + (k == 0 ? "" : ", k=" + k) + ")";
    }

    @Override
    public void fill(Block out, int offset, int count, long firstIndex, long indexStep) {
        for (int j = 0; j < count; j++) {
            long i = firstIndex + j * indexStep;
            long row = i / columns;
            long column = i % columns;
            out.setLong(offset + j, column - row == k ? 1 : 0);
        }
    }
}
