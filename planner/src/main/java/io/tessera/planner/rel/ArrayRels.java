package io.tessera.planner.rel;

import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;

/** Helpers for array operators as Calcite hands them over. */
public final class ArrayRels {
    private ArrayRels() {
    }

    /** The array operator behind a node, looking through the Hep planner's vertices. */
    public static ArrayRel unwrap(RelNode node) {
        RelNode current = node;
        while (current instanceof HepRelVertex vertex) {
            current = vertex.getCurrentRel();
        }
        return (ArrayRel) current;
    }
}
