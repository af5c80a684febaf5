package io.tessera.executor.op;

import io.tessera.executor.Block;
import io.tessera.executor.Box;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.TriNode;
import io.tessera.executor.run.TaskContext;

/** triu and tril: the input with zeros on one side of the k-th diagonal of its last two axes. */
final class TriOp implements Operator {
    private final TriNode node;
    private final Operator input;

    TriOp(TriNode node, Operator input) {
        this.node = node;
        this.input = input;
    }

    @Override
    public PlanNode node() {
        return node;
    }

    @Override
    public Block evaluate(Box box, TaskContext context) {
        Block source = input.evaluate(box, context);
        Block out = context.allocate(node.dtype(), box.intShape());
        System.arraycopy(source.data(), 0, out.data(), 0, source.size());
        int rank = box.ndim();
        int rows = (int) box.count(rank - 2);
        int columns = (int) box.count(rank - 1);
        long firstRow = box.start(rank - 2);
        long firstColumn = box.start(rank - 1);
        int matrices = rows * columns == 0 ? 0 : out.size() / (rows * columns);
        for (int m = 0; m < matrices; m++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    long diagonal = (firstColumn + c) - (firstRow + r);
                    boolean keep = node.upper() ? diagonal >= node.k() : diagonal <= node.k();
                    if (!keep) {
                        out.setLong((m * rows + r) * columns + c, 0);
                    }
                }
            }
        }
        return out;
    }
}
