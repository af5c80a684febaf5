package io.tessera.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.executor.expr.ScalarExpr;
import io.tessera.executor.expr.ScalarFunction;
import io.tessera.executor.plan.MapNode;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.plan.ReduceNode;
import io.tessera.executor.plan.ScanNode;
import io.tessera.executor.reduce.ReduceFunction;
import io.tessera.executor.run.CancellationToken;
import io.tessera.executor.run.ExecutionStats;
import io.tessera.executor.run.Executor;
import io.tessera.executor.run.MemoryBudget;
import io.tessera.executor.run.Progress;
import io.tessera.executor.storage.ArraySource;
import io.tessera.executor.storage.PathResolver;
import io.tessera.executor.storage.StackedSource;
import io.tessera.executor.storage.StorageSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ExecutorSmokeTest {
    private static final Path WEATHER = Path.of("../../shared/data/weather-small");

    @Test
    void meanOfStackedWeatherMatchesNumpy() {
        Assumptions.assumeTrue(Files.isDirectory(WEATHER));
        try (StorageSession storage = new StorageSession(new PathResolver(WEATHER, false));
             Executor executor = new Executor(2)) {
            List<ArraySource> members = new ArrayList<>();
            for (Path file : storage.resolver().glob("*.hdf5")) {
                members.add(storage.hdf5(file).dataset("/t2m"));
            }
            StackedSource stack = new StackedSource("weather", members, 0);
            long[] shape = stack.shape();
            ScanNode scan = new ScanNode(stack, Selection.all(shape), stack.storageGrid());
            ReduceNode mean = new ReduceNode(List.of(scan), null, shape, stack.storageGrid(), ReduceFunction.MEAN,
                    new int[] {0}, false, 0, DType.FLOAT64, ChunkGrid.regular(new long[] {180, 360}, new long[] {23, 90}));
            ReduceNode total = new ReduceNode(List.of(mean), null, mean.shape(), mean.chunks(), ReduceFunction.SUM,
                    new int[] {0, 1}, false, 0, DType.FLOAT64, ChunkGrid.single(new long[0]));
            ReduceNode std = new ReduceNode(List.of(scan), null, shape, stack.storageGrid(), ReduceFunction.STD,
                    new int[] {0, 1, 2}, false, 0, DType.FLOAT64, ChunkGrid.single(new long[0]));
            MapNode doubled = new MapNode(List.of(scan), new ScalarExpr.Call(ScalarFunction.MULTIPLY,
                    List.of(new ScalarExpr.Input(0, DType.FLOAT64), ScalarExpr.Constant.ofDouble(DType.FLOAT64, 2)),
                    DType.FLOAT64), shape, stack.storageGrid());
            List<PlanNode> roots = List.of(mean, total, std, doubled);
            List<Block> results = executor.compute(roots, new MemoryBudget(1L << 30),
                    new ExecutionStats(Progress.NONE), new CancellationToken());
            assertEquals(212.59677419354838, results.get(0).getDouble(100 * 360 + 200), 1e-12);
            assertEquals(10105913.096774194, results.get(1).getDouble(0), 1e-12 * 1e7);
            assertEquals(48.475941307833246, results.get(2).getDouble(0), 1e-11);
            assertEquals(2 * 212.59677419354838 * 31, sumAxis0(results.get(3), 100 * 360 + 200), 1e-9);
        }
    }

    private static double sumAxis0(Block block, int at) {
        double s = 0;
        for (int k = 0; k < 31; k++) {
            s += block.getDouble(k * 180 * 360 + at);
        }
        return s;
    }
}
