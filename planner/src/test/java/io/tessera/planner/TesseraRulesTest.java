package io.tessera.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.executor.storage.PathResolver;
import io.tessera.executor.storage.StorageSession;
import io.tessera.grammar.QueryParser;
import io.tessera.grammar.ast.Query;
import io.tessera.planner.bind.Catalog;
import io.tessera.planner.rules.TesseraRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule rewrites a plan as its name says, and leaves alone the plans it must not touch. */
class TesseraRulesTest {
    @TempDir
    static Path root;

    @BeforeAll
    static void fixtures() throws IOException {
        NpyFixtures.write(root.resolve("x.npy"), new long[] {100, 60});
        NpyFixtures.write(root.resolve("y.npy"), new long[] {60});
        NpyFixtures.write(root.resolve("c.npy"), new long[] {8, 3});
    }

    private static PlannedQuery plan(String sql, Set<String> disabled) {
        try (StorageSession storage = new StorageSession(new PathResolver(root, true))) {
            Query query = (Query) QueryParser.parse(sql).get(0).statement();
            return new Planner(Catalog.empty(4096), storage, disabled).plan(query);
        }
    }

    private static String optimized(String sql) {
        return plan(sql, Set.of()).optimizedPlan();
    }

    private static String without(String sql, String rule) {
        return plan(sql, Set.of(rule)).optimizedPlan();
    }

    @Test
    void mapMergeRuleFusesNestedMaps() {
        String sql = "SELECT sqrt(x * 2.0) + 1.0 AS r FROM npy('x.npy') AS x";
        assertEquals("""
                Items
                  r: Map expr=(sqrt(($0 * 2.0)) + 1.0) float64(100, 60) chunks=(12*8+4, 60)
                    Scan source=x.npy float64(100, 60) chunks=(12*8+4, 60)
                """, optimized(sql));
        assertTrue(without(sql, "MapMergeRule").contains("Map expr=($0 + 1.0)"), "three maps stay apart");
    }

    @Test
    void mapMergeRuleDoesNotCopyLargeMapsIntoEveryReference() {
        // each level squares the one below: inlining every level would double the expression 24 times
        String sql = "SELECT sqrt(y) AS y0 FROM npy('y.npy') AS y";
        for (int i = 1; i <= 24; i++) {
            sql = "SELECT y" + (i - 1) + " * y" + (i - 1) + " AS y" + i + " FROM (" + sql + ")";
        }
        String plan = optimized("SELECT sum(y24) AS s FROM (" + sql + ")");
        assertTrue(plan.length() < 10_000, plan);
        assertTrue(plan.contains("Map expr=(((sqrt($0) * sqrt($0)) * (sqrt($0) * sqrt($0)))"), plan);
    }

    @Test
    void constantFoldRuleComputesConstantsOnce() {
        String sql = "SELECT x * sqrt(4.0) AS r FROM npy('x.npy') AS x";
        assertTrue(optimized(sql).contains("expr=($0 * 2.0)"), optimized(sql));
        assertTrue(without(sql, "ConstantFoldRule").contains("sqrt(4.0)"));
    }

    @Test
    void reduceMapFuseRuleComputesTheOperandInTheReduction() {
        String plan = optimized("SELECT sum(x * x) AS s FROM npy('x.npy') AS x");
        assertTrue(plan.contains("Reduce function=sum operand=($0 * $0)"), plan);
        assertTrue(!plan.contains("Map "), plan);
        assertTrue(without("SELECT sum(x * x) AS s FROM npy('x.npy') AS x", "ReduceMapFuseRule").contains("Map "));
    }

    @Test
    void sliceIntoScanRuleReadsOnlyTheSelection() {
        String plan = optimized("SELECT x[10:20, ::2] AS r FROM npy('x.npy') AS x");
        assertEquals("""
                Items
                  r: Scan source=x.npy select=[10:20, 0:60:2] float64(10, 30) chunks=(6+4, 30)
                """, plan);
    }

    @Test
    void transposesBecomeScanSelectionsToo() {
        String plan = optimized("SELECT transpose(x)[0] AS r FROM npy('x.npy') AS x");
        assertTrue(plan.contains("Scan source=x.npy select=[0:100, 0] float64(100,)"), plan);
    }

    @Test
    void sliceMapTransposeRulePushesSlicesThroughBroadcasting() {
        String plan = optimized("SELECT (x + y)[5, 10:12] AS r FROM npy('x.npy') AS x, npy('y.npy') AS y");
        assertTrue(plan.contains("Scan source=x.npy select=[5, 10:12]"), plan);
        assertTrue(plan.contains("Scan source=y.npy select=[10:12]"), plan);
    }

    @Test
    void sliceReduceTransposeRuleSlicesKeptAxesOnly() {
        String plan = optimized("SELECT mean(x, axis => 0)[3:7] AS r FROM npy('x.npy') AS x");
        assertTrue(plan.contains("Scan source=x.npy select=[0:100, 3:7]"), plan);
        String kept = optimized("SELECT sum(x, axis => 1, keepdims => TRUE)[:, 0] AS r FROM npy('x.npy') AS x");
        assertTrue(kept.contains("Slice"), "a slice that drops a kept-dims axis stays above: " + kept);
    }

    @Test
    void sliceStackTransposeRulePicksTheStackedArrays() {
        String plan = optimized("SELECT stack((x, x * 2))[1, 0] AS r FROM npy('x.npy') AS x");
        assertTrue(plan.contains("Map expr=($0 * 2.0) float64(60,)"), plan);
        assertTrue(!plan.contains("Stack"), plan);
    }

    @Test
    void sliceConcatTransposeRuleKeepsTheOverlappingArrays() {
        String plan = optimized("SELECT concatenate((x, x * 2))[150:160] AS r FROM npy('x.npy') AS x");
        assertTrue(plan.contains("Scan source=x.npy select=[50:60, 0:60]"), plan);
        assertTrue(!plan.contains("Concat"), plan);
    }

    @Test
    void stackIntoScanRuleMakesOneScanOfWholeSources() {
        String plan = optimized("SELECT stack((x, x))[:, 0, 0] AS r FROM npy('x.npy') AS x");
        assertTrue(plan.contains("Scan source=stack(x.npy, x.npy) select=[0:2, 0, 0]"), plan);
    }

    @Test
    void rulesCanBeSwitchedOffByName() {
        assertEquals(11, TesseraRules.names().size());
        String plan = without("SELECT x[0] AS r FROM npy('x.npy') AS x", "SliceIntoSourceRule");
        assertTrue(plan.contains("Slice select=[0, 0:60]"), plan);
    }

    @Test
    void sharedSubtreesAreOneNodeOfThePhysicalPlan() {
        PlannedQuery planned = plan("SELECT x[0] - mean(x, axis => 0) AS anomaly, mean(x, axis => 0) AS m"
                + " FROM npy('x.npy') AS x", Set.of());
        var anomaly = planned.items().get(0).node();
        var mean = planned.items().get(1).node();
        assertTrue(anomaly.inputs().contains(mean), "the mean is computed once for both items");
    }
}
