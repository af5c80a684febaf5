package io.tessera.engine;

import io.tessera.executor.plan.PlanNode;
import io.tessera.planner.PlannedQuery;
import java.util.IdentityHashMap;
import java.util.Map;

/** Prints a physical plan, one node per line; a node used twice is printed once and then referred to. */
final class PhysicalPlanText {
    private PhysicalPlanText() {
    }

    static String print(PlannedQuery planned) {
        StringBuilder text = new StringBuilder();
        Map<PlanNode, Integer> numbers = new IdentityHashMap<>();
        for (PlannedQuery.Item item : planned.items()) {
            if (item.node() != null) {
                text.append(item.name()).append(":\n");
                print(item.node(), 1, numbers, text);
            }
        }
        return text.toString();
    }

    private static void print(PlanNode node, int depth, Map<PlanNode, Integer> numbers, StringBuilder text) {
        text.append("  ".repeat(depth));
        Integer known = numbers.get(node);
        if (known != null) {
            text.append("#").append(known).append(" (shared, computed once)\n");
            return;
        }
        int number = numbers.size() + 1;
        numbers.put(node, number);
        text.append("#").append(number).append(' ').append(node.describe()).append('\n');
        for (PlanNode input : node.inputs()) {
            print(input, depth + 1, numbers, text);
        }
    }
}
