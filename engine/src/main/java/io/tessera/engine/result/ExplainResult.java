package io.tessera.engine.result;

import java.util.List;

/**
 * EXPLAIN's answer: the plan before and after the rules, the tasks to run and the reads per source.
 * After EXPLAIN ANALYZE the reads are those actually made, with the elapsed time and peak memory.
 */
public record ExplainResult(String logicalPlan, String optimizedPlan, String physicalPlan, long tasks,
                            List<SourceRead> sources, boolean analyzed, double elapsedMs, long peakMemoryBytes)
        implements StatementResult {
    public ExplainResult {
        sources = List.copyOf(sources);
    }

    /** The plan as EXPLAIN prints it. */
    public String planText() {
        return "== Logical plan ==\n" + logicalPlan + "== Optimized plan ==\n" + optimizedPlan
                + "== Physical plan ==\n" + physicalPlan;
    }
}
