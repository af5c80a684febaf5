package io.tessera.planner;

import io.tessera.executor.Shapes;
import io.tessera.executor.storage.StorageSession;
import io.tessera.grammar.ast.Expr;
import io.tessera.grammar.ast.Query;
import io.tessera.planner.bind.BindException;
import io.tessera.planner.bind.Binder;
import io.tessera.planner.bind.BoundQuery;
import io.tessera.planner.bind.Catalog;
import io.tessera.planner.bind.Value;
import io.tessera.planner.explain.PlanPrinter;
import io.tessera.planner.physical.PhysicalPlanner;
import io.tessera.planner.rel.ArrayBuilder;
import io.tessera.planner.rel.ArrayItems;
import io.tessera.planner.rel.ArrayRel;
import io.tessera.planner.rel.PlannerSettings;
import io.tessera.planner.rules.TesseraRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The planner's front door: binds a statement into Calcite array operators, runs the rewrite rules
 * in Calcite's Hep planner, and emits the executor's physical plan.
 */
public final class Planner {
    private static final RelDataTypeFactory TYPE_FACTORY = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);

    private final Catalog catalog;
    private final StorageSession storage;
    private final Set<String> disabledRules;

    public Planner(Catalog catalog, StorageSession storage, Set<String> disabledRules) {
        this.catalog = catalog;
        this.storage = storage;
        this.disabledRules = Set.copyOf(disabledRules);
    }

    /**
     * What a fresh process can do ahead of its first statement, each on its own thread: Calcite's two
     * slowest class initialisations (its metadata providers and its standard operator table, which
     * every cluster needs and which do not depend on each other), and a first plan.
     */
    public static List<Runnable> warmUpTasks() {
        return List.of(
                () -> DefaultRelMetadataProvider.INSTANCE.getClass(),
                () -> SqlStdOperatorTable.instance().getClass(),
                Planner::warmUp);
    }

    /** Plans a small query that touches the parser, binder, every rule family and the physical planner. */
    public static void warmUp() {
        Query query = (Query) io.tessera.grammar.QueryParser.parse(
                "SELECT sum(ones((4, 3)) * 2 + 1, axis => 0)[1:], transpose(zeros((2, 2)))[0] AS t").get(0).statement();
        new Planner(Catalog.empty(8 << 20), null, Set.of()).plan(query);
    }

    /** Plans a SELECT. */
    public PlannedQuery plan(Query query) {
        HepPlanner hep = new HepPlanner(TesseraRules.program(disabledRules),
                Contexts.of(new PlannerSettings(catalog.chunkBytes())));
        ArrayBuilder builder = new ArrayBuilder(cluster(hep), catalog.chunkBytes());
        BoundQuery bound = new Binder(builder, catalog, storage).bind(query);
        List<RelNode> arrays = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (BoundQuery.Item item : bound.items()) {
            if (item.value() instanceof Value.Array array) {
                arrays.add(SinkChunks.align(builder, array.rel(), bound.into()));
                names.add(item.name());
            }
        }
        List<PlannedQuery.Item> items = new ArrayList<>();
        if (arrays.isEmpty()) {
            for (BoundQuery.Item item : bound.items()) {
                items.add(new PlannedQuery.Item(item.name(), null, ((Value.Text) item.value()).value()));
            }
            return new PlannedQuery(items, "", "", bound.into());
        }
        ArrayItems root = new ArrayItems(builder.cluster(), arrays, names);
        String logical = PlanPrinter.print(root);
        hep.setRoot(root);
        RelNode optimized = hep.findBestExp();
        String physicalText = PlanPrinter.print(optimized);
        PhysicalPlanner physical = new PhysicalPlanner();
        int next = 0;
        for (BoundQuery.Item item : bound.items()) {
            if (item.value() instanceof Value.Array) {
                items.add(new PlannedQuery.Item(item.name(), physical.toPhysical(optimized.getInput(next++)), null));
            } else {
                items.add(new PlannedQuery.Item(item.name(), null, ((Value.Text) item.value()).value()));
            }
        }
        return new PlannedQuery(items, logical, physicalText, bound.into());
    }

    /** What DESCRIBE says of an expression or the items of a query. */
    public List<ArrayInfo> describe(Expr expr, Query query) {
        HepPlanner hep = new HepPlanner(TesseraRules.program(disabledRules),
                Contexts.of(new PlannerSettings(catalog.chunkBytes())));
        ArrayBuilder builder = new ArrayBuilder(cluster(hep), catalog.chunkBytes());
        Binder binder = new Binder(builder, catalog, storage);
        List<ArrayInfo> infos = new ArrayList<>();
        if (query != null) {
            for (BoundQuery.Item item : binder.bind(query).items()) {
                add(infos, item.name(), item.value());
            }
        } else {
            Value value = binder.bindExpression(expr);
            add(infos, null, value);
        }
        return infos;
    }

    private static void add(List<ArrayInfo> infos, String name, Value value) {
        if (value instanceof Value.Array array) {
            ArrayRel rel = array.rel();
            infos.add(new ArrayInfo(name != null ? name : array.name(), rel.dtype(), rel.shape(), rel.chunks(),
                    Shapes.size(rel.shape()) * rel.dtype().itemSize()));
        } else if (value instanceof Value.Arrays arrays) {
            arrays.arrays().forEach((key, array) -> add(infos, key, array));
        } else {
            throw new BindException(BindException.Category.TYPE, "DESCRIBE needs an array", null);
        }
    }

    private static RelOptCluster cluster(HepPlanner hep) {
        RelOptCluster cluster = RelOptCluster.create(hep, new RexBuilder(TYPE_FACTORY));
        // metadata through proxies: Calcite's default compiles handlers with Janino on first use
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(
                new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE)));
        return cluster;
    }
}
