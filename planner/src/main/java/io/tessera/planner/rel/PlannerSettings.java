package io.tessera.planner.rel;

/** Settings the planner's rules read from the Calcite planner's context. */
public record PlannerSettings(long chunkBytes) {
}
