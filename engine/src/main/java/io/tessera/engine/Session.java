package io.tessera.engine;

import io.tessera.engine.result.DescribeResult;
import io.tessera.engine.result.ExplainResult;
import io.tessera.engine.result.IntoResult;
import io.tessera.engine.result.ListingResult;
import io.tessera.engine.result.MessageResult;
import io.tessera.engine.result.QueryResult;
import io.tessera.engine.result.ResultItem;
import io.tessera.engine.result.SourceRead;
import io.tessera.engine.result.StatementResult;
import io.tessera.executor.Block;
import io.tessera.executor.plan.PlanNode;
import io.tessera.executor.run.CancellationToken;
import io.tessera.executor.run.ExecutionStats;
import io.tessera.executor.run.Executor;
import io.tessera.executor.run.MemoryBudget;
import io.tessera.executor.run.Progress;
import io.tessera.executor.sink.ChunkSink;
import io.tessera.executor.sink.ResultWriter;
import io.tessera.executor.sink.ResultWriters;
import io.tessera.executor.sink.SinkSpec;
import io.tessera.executor.sink.SinkTargets;
import io.tessera.executor.storage.PathResolver;
import io.tessera.executor.storage.StorageSession;
import io.tessera.grammar.ParsedStatement;
import io.tessera.grammar.QueryParser;
import io.tessera.grammar.ast.CreateFunction;
import io.tessera.grammar.ast.CreateView;
import io.tessera.grammar.ast.Describe;
import io.tessera.grammar.ast.DropView;
import io.tessera.grammar.ast.Explain;
import io.tessera.grammar.ast.Query;
import io.tessera.grammar.ast.SetOption;
import io.tessera.grammar.ast.ShowFunctions;
import io.tessera.grammar.ast.ShowViews;
import io.tessera.grammar.ast.Statement;
import io.tessera.planner.ArrayInfo;
import io.tessera.planner.PlannedQuery;
import io.tessera.planner.Planner;
import io.tessera.planner.bind.Builtins;
import io.tessera.planner.bind.Catalog;
import io.tessera.planner.bind.Seeds;
import io.tessera.planner.explain.SourceReads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A connection to Tessera: a data root, views and functions, settings, and the worker pool that
 * runs statements. Use it from one thread at a time; {@link #cancel()} may come from any thread.
 */
public final class Session implements AutoCloseable {
    private final PathResolver resolver;
    private final SessionCatalog catalog;
    private final Set<String> disabledRules;
    private Settings settings;
    private Executor executor;
    private volatile CancellationToken running;
    private volatile Progress progress = Progress.NONE;

    Session(PathResolver resolver, Settings settings, Set<String> disabledRules) {
        this.resolver = resolver;
        this.settings = settings;
        this.catalog = new SessionCatalog(settings.chunkBytes());
        this.disabledRules = Set.copyOf(disabledRules);
        this.executor = new Executor(settings.threads());
    }

    public Settings settings() {
        return settings;
    }

    /** The names a statement can use beside the built-ins: the session's views and user functions. */
    public List<String> definedNames() {
        List<String> names = new ArrayList<>(catalog.viewNames());
        names.addAll(catalog.functionNames());
        return names;
    }

    /** The data root relative paths resolve against. */
    public Path root() {
        return resolver.root();
    }

    /** Receives progress of running statements (chunks done and bytes read). */
    public void onProgress(Progress listener) {
        this.progress = listener == null ? Progress.NONE : listener;
    }

    /** Runs every statement of a script, in order; the first error stops it. */
    public List<StatementResult> execute(String script) {
        List<StatementResult> results = new ArrayList<>();
        execute(script, results::add);
        return results;
    }

    /** Runs every statement of a script, handing each result over as soon as it exists. */
    public void execute(String script, Consumer<StatementResult> each) {
        List<ParsedStatement> statements;
        try {
            statements = QueryParser.parse(script);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
        for (ParsedStatement statement : statements) {
            each.accept(execute(statement.statement()));
        }
    }

    /**
     * Runs one SELECT and hands its arrays to {@code each} chunk by chunk instead of returning
     * them: for results too big to hold. Nothing the size of a result is kept (a reduction's output
     * chunks come from its merged partial states).
     */
    public void stream(String select, ChunkConsumer each) {
        try {
            List<ParsedStatement> statements = QueryParser.parse(select);
            if (statements.size() != 1 || !(statements.get(0).statement() instanceof Query query)) {
                throw TesseraException.of(TesseraException.Category.ARGUMENT, "stream() takes one SELECT statement");
            }
            try (StorageSession storage = new StorageSession(resolver)) {
                PlannedQuery planned = planner(storage).plan(query);
                if (planned.into() != null) {
                    throw TesseraException.of(TesseraException.Category.ARGUMENT,
                            "stream() hands the result over: leave out INTO");
                }
                List<ChunkSink> sinks = new ArrayList<>();
                for (PlannedQuery.Item item : planned.items()) {
                    if (item.node() == null) {
                        throw TesseraException.of(TesseraException.Category.TYPE, "stream() hands over arrays, and "
                                + "item '" + item.name() + "' is a string");
                    }
                    sinks.add((box, block) -> each.accept(item.name(), box, block));
                }
                MemoryBudget budget = new MemoryBudget(settings.memoryLimit());
                cancellable(token -> {
                    executor.write(planned.roots(), sinks, budget, new ExecutionStats(progress), token);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    /** Runs a script that must be a single SELECT and returns its values. */
    public QueryResult query(String text) {
        List<StatementResult> results = execute(text);
        if (results.size() != 1 || !(results.get(0) instanceof QueryResult result)) {
            throw TesseraException.of(TesseraException.Category.ARGUMENT, "query() takes one SELECT statement");
        }
        return result;
    }

    /** Stops the running statement, if any; it fails with a CANCELLED error. */
    public void cancel() {
        CancellationToken token = running;
        if (token != null) {
            token.cancel("statement cancelled");
        }
    }

    private StatementResult execute(Statement statement) {
        try {
            if (statement instanceof Query query) {
                return select(query);
            }
            if (statement instanceof Explain explain) {
                return explain(explain);
            }
            if (statement instanceof Describe describe) {
                return describe(describe);
            }
            if (statement instanceof CreateView view) {
                return createView(view);
            }
            if (statement instanceof DropView drop) {
                return dropView(drop);
            }
            if (statement instanceof CreateFunction function) {
                return createFunction(function);
            }
            if (statement instanceof SetOption set) {
                return set(set);
            }
            if (statement instanceof ShowViews) {
                return showViews();
            }
            return showFunctions((ShowFunctions) statement);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    private Planner planner(StorageSession storage) {
        return new Planner(catalog, storage, disabledRules);
    }

    private StatementResult select(Query query) {
        long start = System.nanoTime();
        try (StorageSession storage = new StorageSession(resolver)) {
            PlannedQuery planned = planner(storage).plan(query);
            if (planned.into() != null) {
                return into(planned, storage, start);
            }
            checkRunnable(planned);
            Run run = run(planned.roots());
            List<ResultItem> items = new ArrayList<>();
            int next = 0;
            for (PlannedQuery.Item item : planned.items()) {
                if (item.node() == null) {
                    items.add(new ResultItem(item.name(), null, new long[0], null, item.text()));
                } else {
                    Block block = run.blocks.get(next++);
                    items.add(new ResultItem(item.name(), item.node().dtype(), item.node().shape(), block, null));
                }
            }
            return new QueryResult(items, millis(start), run.stats.bytesRead(), run.budget.peak());
        }
    }

    /** Streams the result into its sink: nothing is held whole, and the target appears only when complete. */
    private IntoResult into(PlannedQuery planned, StorageSession storage, long start) {
        SinkSpec sink = planned.into();
        List<PlanNode> roots = planned.roots();
        List<io.tessera.executor.sink.ResultItem> items = new ArrayList<>();
        for (PlannedQuery.Item item : planned.items()) {
            PlanNode node = item.node();
            items.add(new io.tessera.executor.sink.ResultItem(item.name(), node.dtype(), node.shape(), node.chunks()));
        }
        Path target = resolver.resolve(sink.path());
        String display = resolver.display(target);
        SinkTargets.check(sink, target, display, storage.openedFiles());
        MemoryBudget budget = new MemoryBudget(settings.memoryLimit());
        ExecutionStats stats = new ExecutionStats(progress);
        cancellable(token -> {
            try (ResultWriter writer = ResultWriters.open(sink, target, display, items, budget)) {
                List<ChunkSink> sinks = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    sinks.add(writer.item(i));
                }
                executor.write(roots, sinks, budget, stats, token);
                token.check();
                writer.commit();
            } catch (UncheckedIOException e) {
                throw ResultWriters.writeError(display, e.getCause());
            } catch (IOException e) {
                throw ResultWriters.writeError(display, e);
            }
            return null;
        });
        List<IntoResult.Written> written = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            PlanNode node = roots.get(i);
            String where = sink instanceof SinkSpec.Hdf5 hdf5 ? display + ":/" + hdf5.datasets().get(i) : display;
            written.add(new IntoResult.Written(items.get(i).name(), where, node.dtype().numpyName(), node.shape(),
                    node.bytes()));
            bytes += node.bytes();
        }
        return new IntoResult(sink.arguments(), written, bytes, millis(start), stats.bytesRead(), budget.peak());
    }

    private void checkRunnable(PlannedQuery planned) {
        if (planned.into() != null) {
            throw TesseraException.of(TesseraException.Category.UNSUPPORTED,
                    "EXPLAIN ANALYZE of a statement with INTO is not supported yet: EXPLAIN shows its plan");
        }
        long bytes = 0;
        for (PlanNode root : planned.roots()) {
            bytes += root.bytes();
        }
        if (bytes > settings.memoryLimit()) {
            throw TesseraException.of(TesseraException.Category.MEMORY, "the result takes "
                    + MemoryBudget.formatBytes(bytes) + ", more than memory_limit ("
                    + MemoryBudget.formatBytes(settings.memoryLimit()) + "): reduce it, or write it with INTO");
        }
    }

    /** A statement's computed values and what computing them took. */
    private record Run(List<Block> blocks, ExecutionStats stats, MemoryBudget budget) {
    }

    private Run run(List<PlanNode> roots) {
        MemoryBudget budget = new MemoryBudget(settings.memoryLimit());
        ExecutionStats stats = new ExecutionStats(progress);
        return cancellable(token -> new Run(executor.compute(roots, budget, stats, token), stats, budget));
    }

    /** Runs {@code work} under a fresh token that {@link #cancel()} reaches while it runs. */
    private <T> T cancellable(Function<CancellationToken, T> work) {
        CancellationToken token = new CancellationToken();
        running = token;
        try {
            return work.apply(token);
        } finally {
            running = null;
        }
    }

    private ExplainResult explain(Explain explain) {
        long start = System.nanoTime();
        try (StorageSession storage = new StorageSession(resolver)) {
            PlannedQuery planned = planner(storage).plan(explain.query());
            List<PlanNode> roots = planned.roots();
            List<SourceReads.Read> estimate = SourceReads.of(roots);
            long tasks = executor.plannedTasks(roots);
            String physical = PhysicalPlanText.print(planned);
            if (!explain.analyze()) {
                return new ExplainResult(planned.logicalPlan(), planned.optimizedPlan(), physical, tasks,
                        estimate.stream().map(Session::sourceRead).toList(), false, millis(start), 0);
            }
            checkRunnable(planned);
            Run run = run(roots);
            Map<String, ExecutionStats.SourceCounters> actual = new LinkedHashMap<>();
            run.stats.sources().values().forEach(counters -> actual.put(counters.description(), counters));
            List<SourceRead> reads = new ArrayList<>();
            for (SourceReads.Read read : estimate) {
                ExecutionStats.SourceCounters counters = actual.get(read.source());
                long chunks = counters == null ? 0 : counters.chunks();
                reads.add(new SourceRead(read.source(), chunks, read.generated() ? chunks : read.chunksTotal(),
                        counters == null ? 0 : counters.bytes(), read.bytesTotal(), read.generated()));
            }
            return new ExplainResult(planned.logicalPlan(), planned.optimizedPlan(), physical,
                    run.stats.tasksDone(), reads, true, millis(start), run.budget.peak());
        }
    }

    private static SourceRead sourceRead(SourceReads.Read read) {
        return new SourceRead(read.source(), read.chunksRead(), read.chunksTotal(), read.bytesRead(), read.bytesTotal(),
                read.generated());
    }

    private DescribeResult describe(Describe describe) {
        try (StorageSession storage = new StorageSession(resolver)) {
            List<DescribeResult.Description> arrays = new ArrayList<>();
            for (ArrayInfo info : planner(storage).describe(describe.expr(), describe.query())) {
                arrays.add(new DescribeResult.Description(info.name(), info.dtype().numpyName(), info.shape(),
                        info.chunks(), info.bytes()));
            }
            return new DescribeResult(arrays);
        }
    }

    private MessageResult createView(CreateView view) {
        if (catalog.view(view.name()).isPresent() && !view.orReplace()) {
            throw TesseraException.of(TesseraException.Category.NAME, "view '" + view.name()
                    + "' already exists; use CREATE OR REPLACE VIEW", view.position().line(), view.position().column(),
                    null);
        }
        Catalog.View definition = new Catalog.View(view.name(), view.expr(), view.query(), null,
                Seeds.draw());
        // bind once now, with the new definition in place, so a view that cannot work is refused now
        catalog.replaceViewChecked(definition, () -> {
            try (StorageSession storage = new StorageSession(resolver)) {
                planner(storage).describe(new io.tessera.grammar.ast.Name(view.name(), view.position()), null);
            }
        });
        return new MessageResult("created view " + view.name());
    }

    private MessageResult dropView(DropView drop) {
        if (!catalog.dropView(drop.name()) && !drop.ifExists()) {
            throw TesseraException.of(TesseraException.Category.NAME, "no view '" + drop.name() + "'"
                    + io.tessera.planner.bind.Suggestions.closest(drop.name(), catalog.viewNames()),
                    drop.position().line(), drop.position().column(), null);
        }
        return new MessageResult("dropped view " + drop.name());
    }

    private MessageResult createFunction(CreateFunction function) {
        if (Builtins.get(function.name()).isPresent()) {
            throw TesseraException.of(TesseraException.Category.NAME, "'" + function.name()
                    + "' is a built-in function and cannot be redefined", function.position().line(),
                    function.position().column(), null);
        }
        if (catalog.function(function.name()).isPresent() && !function.orReplace()) {
            throw TesseraException.of(TesseraException.Category.NAME, "function '" + function.name()
                    + "' already exists; use CREATE OR REPLACE FUNCTION", function.position().line(),
                    function.position().column(), null);
        }
        Set<String> seen = new HashSet<>();
        for (String parameter : function.parameters()) {
            if (!seen.add(parameter)) {
                throw TesseraException.of(TesseraException.Category.NAME, "parameter '" + parameter
                        + "' appears twice in " + function.name(), function.position().line(),
                        function.position().column(), null);
            }
        }
        catalog.putFunction(new Catalog.Function(function.name(), function.parameters(), function.body(), null));
        return new MessageResult("created function " + function.name());
    }

    private MessageResult set(SetOption option) {
        String value = optionValue(option);
        switch (option.name().toLowerCase(java.util.Locale.ROOT)) {
            case "threads" -> {
                int threads;
                try {
                    threads = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw TesseraException.of(TesseraException.Category.ARGUMENT, "threads must be an integer, not '"
                            + value + "'");
                }
                settings = settings.withThreads(threads);
                executor.close();
                executor = new Executor(threads);
            }
            case "memory_limit" -> settings = settings.withMemoryLimit(Settings.parseSize(value));
            case "chunk_bytes" -> {
                settings = settings.withChunkBytes(Settings.parseSize(value));
                catalog.chunkBytes(settings.chunkBytes());
            }
            default -> throw TesseraException.of(TesseraException.Category.NAME, "unknown setting '" + option.name()
                    + "'" + io.tessera.planner.bind.Suggestions.closest(option.name(),
                    List.of("threads", "memory_limit", "chunk_bytes"))
                    + " (settings: threads, memory_limit, chunk_bytes)", option.position().line(),
                    option.position().column(), null);
        }
        return new MessageResult("set " + option.name() + " = " + value);
    }

    private static String optionValue(SetOption option) {
        if (option.value() instanceof io.tessera.grammar.ast.StringLiteral string) {
            return string.value();
        }
        if (option.value() instanceof io.tessera.grammar.ast.NumberLiteral number) {
            return number.text();
        }
        if (option.value() instanceof io.tessera.grammar.ast.Name name) {
            return name.name();
        }
        throw TesseraException.of(TesseraException.Category.ARGUMENT, "SET takes a number or a string",
                option.position().line(), option.position().column(), null);
    }

    private ListingResult showViews() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Catalog.View view : catalog.views()) {
            rows.add(Map.of("name", view.name()));
        }
        return new ListingResult("views", List.of("name"), rows);
    }

    private ListingResult showFunctions(ShowFunctions show) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Builtins.Builtin builtin : Builtins.all()) {
            rows.add(Map.of("name", builtin.name(), "kind", builtin.kind().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' '), "signature", builtin.signature()));
        }
        for (Catalog.Function function : catalog.functions()) {
            rows.add(Map.of("name", function.name(), "kind", "user",
                    "signature", function.name() + "(" + String.join(", ", function.parameters()) + ")"));
        }
        return new ListingResult("functions", List.of("name", "kind", "signature"), rows);
    }

    private static double millis(long start) {
        return Math.round((System.nanoTime() - start) / 1e4) / 100.0;
    }

    @Override
    public void close() {
        cancel();
        executor.close();
    }

}
