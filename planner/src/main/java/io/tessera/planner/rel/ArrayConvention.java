package io.tessera.planner.rel;

import org.apache.calcite.plan.Convention;

/** The calling convention of Tessera's array operators: chunked arrays rather than rows. */
public final class ArrayConvention {
    public static final Convention ARRAY = new Convention.Impl("ARRAY", ArrayRel.class);

    private ArrayConvention() {
    }
}
