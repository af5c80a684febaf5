package io.tessera.planner.explain;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;

/**
 * Prints a logical plan one node per line, indented by depth: the operator's name, its attributes,
 * then its dtype, shape and chunks. The one printer for EXPLAIN, tests and logs.
 */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static String print(RelNode root) {
        StringBuilder text = new StringBuilder();
        print(root, 0, null, text);
        return text.toString();
    }

    private static void print(RelNode node, int depth, String label, StringBuilder text) {
        RelNode rel = node;
        while (rel instanceof HepRelVertex vertex) {
            rel = vertex.getCurrentRel();
        }
        Collector collector = new Collector();
        rel.explain(collector);
        text.append("  ".repeat(depth));
        if (label != null) {
            text.append(label).append(": ");
        }
        text.append(line(rel, collector.items)).append('\n');
        boolean items = rel.getClass().getSimpleName().equals("ArrayItems");
        for (int i = 0; i < collector.inputs.size(); i++) {
            print(collector.inputs.get(i).right, depth + 1, items ? collector.inputs.get(i).left : null, text);
        }
    }

    /** The line of one node, without its inputs. */
    public static String line(RelNode rel) {
        Collector collector = new Collector();
        rel.explain(collector);
        return line(rel, collector.items);
    }

    private static String line(RelNode rel, List<Pair<String, Object>> items) {
        String name = rel.getClass().getSimpleName();
        StringBuilder line = new StringBuilder(name.startsWith("Array") ? name.substring(5) : name);
        Object dtype = null;
        Object shape = null;
        Object chunks = null;
        for (Pair<String, Object> item : items) {
            switch (item.left) {
                case "dtype" -> dtype = item.right;
                case "shape" -> shape = item.right;
                case "chunks" -> chunks = item.right;
                default -> line.append(' ').append(item.left).append('=').append(item.right);
            }
        }
        if (dtype != null) {
            line.append(' ').append(dtype).append(shape);
        }
        if (chunks != null) {
            line.append(" chunks=").append(chunks);
        }
        return line.toString();
    }

    /** Gathers what a node's explainTerms reports. */
    private static final class Collector implements RelWriter {
        private final List<Pair<String, Object>> items = new ArrayList<>();
        private final List<Pair<String, RelNode>> inputs = new ArrayList<>();

        @Override
        public void explain(RelNode rel, List<Pair<String, Object>> valueList) {
            // explainTerms reports through item() and input()
        }

        @Override
        public SqlExplainLevel getDetailLevel() {
            return SqlExplainLevel.DIGEST_ATTRIBUTES;
        }

        @Override
        public RelWriter input(String term, RelNode input) {
            inputs.add(Pair.of(term, input));
            return this;
        }

        @Override
        public RelWriter item(String term, Object value) {
            items.add(Pair.of(term, value));
            return this;
        }

        @Override
        public RelWriter done(RelNode node) {
            return this;
        }

        @Override
        public boolean nest() {
            return false;
        }
    }
}
