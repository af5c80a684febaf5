package io.tessera.planner;

import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.sink.SinkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A SELECT ready to run: its items (each a physical plan root, or a constant string), the plans
 * before and after the rewrite rules, and the sink if the query writes its result.
 */
public record PlannedQuery(List<Item> items, String logicalPlan, String optimizedPlan, SinkSpec into) {
    /** One result item: an array computed by {@code node}, or a string. */
    public record Item(String name, PlanNode node, String text) {
    }

    public PlannedQuery {
        items = List.copyOf(items);
    }

    /** The plan roots of the array items, in item order. */
    public List<PlanNode> roots() {
        List<PlanNode> roots = new ArrayList<>();
        for (Item item : items) {
            if (item.node() != null) {
                roots.add(item.node());
            }
        }
        return roots;
    }
}
