package io.tessera.planner.bind;

import io.tessera.executor.Block;
import io.tessera.executor.DType;
import io.tessera.executor.generate.RandomArray;
import io.tessera.executor.expr.ScalarExpr;
import io.tessera.executor.expr.ScalarFunction;
import io.tessera.executor.storage.StorageSession;
import io.tessera.grammar.ast.Attribute;
import io.tessera.grammar.ast.Binary;
import io.tessera.grammar.ast.Binding;
import io.tessera.grammar.ast.BoolLiteral;
import io.tessera.grammar.ast.Call;
import io.tessera.grammar.ast.Expr;
import io.tessera.grammar.ast.Index;
import io.tessera.grammar.ast.ListLiteral;
import io.tessera.grammar.ast.Name;
import io.tessera.grammar.ast.NumberLiteral;
import io.tessera.grammar.ast.Position;
import io.tessera.grammar.ast.Query;
import io.tessera.grammar.ast.SelectItem;
import io.tessera.grammar.ast.StringLiteral;
import io.tessera.grammar.ast.TupleLiteral;
import io.tessera.grammar.ast.Unary;
import io.tessera.grammar.ast.WithItem;
import io.tessera.planner.rel.ArrayBuilder;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves names and functions and infers every shape, dtype and chunk grid, building the logical
 * plan as it goes; every mistake in a query is found here, before any data is read.
 */
public final class Binder {
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final ArrayBuilder builder;
    private final Catalog catalog;
    private final Elementwise elementwise;
    private final Reductions reductions;
    private final ShapeFunctions shapes;
    private final Generators generators;
    private final Seeds seeds = new Seeds(Seeds.draw());
    private final Sources sources;
    private final Attributes attributes;
    private final Deque<String> expanding = new ArrayDeque<>();

    public Binder(ArrayBuilder builder, Catalog catalog, StorageSession storage) {
        this.builder = builder;
        this.catalog = catalog;
        this.elementwise = new Elementwise(builder);
        this.reductions = new Reductions(builder, elementwise);
        this.shapes = new ShapeFunctions(builder, elementwise);
        this.generators = new Generators(builder, seeds);
        this.sources = new Sources(builder, storage);
        this.attributes = new Attributes(builder, shapes);
    }

    /** Binds a SELECT, and its sink if it has one. */
    public BoundQuery bind(Query query) {
        BoundQuery bound = bindQuery(query, Scope.root());
        if (query.into() == null) {
            return bound;
        }
        return new BoundQuery(bound.items(), Sinks.bind(query.into(), bound.items(), e -> bind(e, Scope.root())));
    }

    /** Binds a lone expression (DESCRIBE, views). */
    public Value bindExpression(Expr expr) {
        return bind(expr, Scope.root());
    }

    private BoundQuery bindQuery(Query query, Scope outer) {
        Scope scope = new Scope(outer);
        for (WithItem item : query.with()) {
            Value value = item.expr() != null ? bind(item.expr(), scope) : arrays(bindNested(item.query(), scope),
                    item.name());
            scope.bind(item.name(), named(value, item.name()));
        }
        Scope from = new Scope(scope);
        for (Binding binding : query.from()) {
            Value value = binding.query() != null ? arrays(bindNested(binding.query(), scope), binding.alias())
                    : bind(binding.source(), scope);
            bindFrom(from, value, binding);
        }
        List<BoundQuery.Item> items = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SelectItem item : query.items()) {
            Value bound = bind(item.expr(), from);
            Value value = selectable(bound, item.expr().position());
            String name = item.alias() != null ? item.alias()
                    : item.expr() instanceof Attribute attribute && !(bound instanceof Value.Array) ? attribute.name()
                    : defaultName(value);
            int count = seen.merge(name, 1, Integer::sum);
            items.add(new BoundQuery.Item(count == 1 ? name : name + "_" + (count - 1), value));
        }
        return new BoundQuery(items, null);
    }

    /** A SELECT inside another statement (WITH, FROM, a view), which cannot write anything. */
    private BoundQuery bindNested(Query query, Scope outer) {
        if (query.into() != null) {
            throw new BindException(BindException.Category.ARGUMENT, "INTO belongs to the outermost SELECT only",
                    query.into().position());
        }
        return bindQuery(query, outer);
    }

    private static Value named(Value value, String name) {
        return value instanceof Value.Array array ? array.withName(name) : value;
    }

    private static String defaultName(Value value) {
        if (value instanceof Value.Array array && array.name() != null) {
            return array.name();
        }
        return "value";
    }

    /** What a SELECT item may be: an array (tuples of integers become one), or a string. */
    private Value selectable(Value value, Position position) {
        if (value instanceof Value.Array || value instanceof Value.Text) {
            return value;
        }
        if (value instanceof Value.Arrays arrays && arrays.arrays().size() == 1) {
            return arrays.arrays().values().iterator().next();
        }
        if (value instanceof Value.Tuple tuple) {
            Block block = Block.allocate(DType.INT64, new int[] {tuple.items().size()});
            for (int i = 0; i < tuple.items().size(); i++) {
                Value item = tuple.items().get(i);
                Optional<ScalarExpr.Constant> constant = item instanceof Value.Array array
                        ? Constants.evaluate(array.rel()) : Optional.empty();
                if (constant.isEmpty() || constant.get().dtype().isFloat()) {
                    throw new BindException(BindException.Category.TYPE,
                            "only a tuple of integers can be selected", position);
                }
                block.setLong(i, constant.get().bits());
            }
            return new Value.Array(builder.values(block), false, "value");
        }
        throw new BindException(BindException.Category.TYPE, Arguments.describe(value)
                + ": select one of them by name", position);
    }

    private static Value.Arrays arrays(BoundQuery query, String label) {
        Map<String, Value.Array> arrays = new LinkedHashMap<>();
        for (BoundQuery.Item item : query.items()) {
            if (item.value() instanceof Value.Array array) {
                arrays.put(item.name(), array.withName(item.name()));
            }
        }
        if (arrays.size() == 1 && label != null) {
            Value.Array only = arrays.values().iterator().next();
            return new Value.Arrays(label, Map.of(label, only.withName(label)));
        }
        return new Value.Arrays(label == null ? "a sub-select" : label, arrays);
    }

    private void bindFrom(Scope scope, Value value, Binding binding) {
        String alias = binding.alias();
        if (value instanceof Value.Arrays arrays) {
            if (alias != null && arrays.arrays().size() == 1) {
                scope.bind(alias, arrays.arrays().values().iterator().next().withName(alias));
                return;
            }
            arrays.arrays().forEach((name, array) -> scope.bind(name, array));
            if (alias != null) {
                scope.bind(alias, arrays);
            }
            return;
        }
        if (value instanceof Value.Array array) {
            String name = alias != null ? alias : binding.source() instanceof Name n ? n.name() : null;
            if (name == null) {
                throw new BindException(BindException.Category.NAME,
                        "this FROM entry needs a name: add AS name", binding.position());
            }
            scope.bind(name, array.withName(name));
            return;
        }
        throw new BindException(BindException.Category.TYPE, "FROM takes arrays and file sources, not "
                + Arguments.describe(value), binding.position());
    }

    // ------------------------------------------------------------------ expressions

    private Value bind(Expr expr, Scope scope) {
        if (expr instanceof NumberLiteral number) {
            return number(number);
        }
        if (expr instanceof StringLiteral string) {
            return new Value.Text(string.value());
        }
        if (expr instanceof BoolLiteral bool) {
            return literal(ScalarExpr.Constant.ofLong(DType.BOOL, bool.value() ? 1 : 0), "value");
        }
        if (expr instanceof Name name) {
            return name(name, scope);
        }
        if (expr instanceof Attribute attribute) {
            return attribute(attribute, scope);
        }
        if (expr instanceof Call call) {
            return call(call, scope);
        }
        if (expr instanceof Binary binary) {
            return binary(binary, scope);
        }
        if (expr instanceof Unary unary) {
            return unary(unary, scope);
        }
        if (expr instanceof Index index) {
            Value.Array target = array(bind(index.target(), scope), index.target().position());
            var selection = Indexing.selection(index, target.rel().shape(), e -> bind(e, scope));
            if (selection.isAll(target.rel().shape())) {
                return target;
            }
            return new Value.Array(builder.slice(target.rel(), selection), false, target.name());
        }
        if (expr instanceof TupleLiteral tuple) {
            List<Value> items = new ArrayList<>();
            for (Expr item : tuple.items()) {
                items.add(bind(item, scope));
            }
            return new Value.Tuple(items);
        }
        ListLiteral list = (ListLiteral) expr;
        throw new BindException(BindException.Category.UNSUPPORTED,
                "a list [...] is only valid as an index; use a tuple (...) for shapes and axes", list.position());
    }

    private Value.Array literal(ScalarExpr.Constant constant, String name) {
        return new Value.Array(builder.constant(constant, new long[0]), true, name);
    }

    private Value number(NumberLiteral number) {
        if (!number.integral()) {
            return literal(ScalarExpr.Constant.ofDouble(DType.FLOAT64, Double.parseDouble(number.text())), "value");
        }
        BigInteger value = new BigInteger(number.text());
        if (value.bitLength() <= 63) {
            return literal(ScalarExpr.Constant.ofLong(DType.INT64, value.longValue()), "value");
        }
        if (value.signum() > 0 && value.compareTo(UINT64_MAX) <= 0) {
            return literal(ScalarExpr.Constant.ofLong(DType.UINT64, value.longValue()), "value");
        }
        throw new BindException(BindException.Category.TYPE, "integer " + number.text() + " does not fit in 64 bits",
                number.position());
    }

    private Value name(Name name, Scope scope) {
        String text = name.name();
        if (scope.bindingCount(text) > 1) {
            throw new BindException(BindException.Category.NAME, "name '" + text
                    + "' is ambiguous: several FROM entries bind it; use alias." + text, name.position());
        }
        Optional<Value> bound = scope.lookup(text);
        if (bound.isPresent()) {
            return bound.get();
        }
        Optional<Catalog.View> view = catalog.view(text);
        if (view.isPresent()) {
            return view(view.get(), name.position());
        }
        switch (text) {
            case "nan", "NaN", "NAN":
                return literal(ScalarExpr.Constant.ofDouble(DType.FLOAT64, Double.NaN), "nan");
            case "inf", "Inf", "INF":
                return literal(ScalarExpr.Constant.ofDouble(DType.FLOAT64, Double.POSITIVE_INFINITY), "inf");
            case "pi":
                return literal(ScalarExpr.Constant.ofDouble(DType.FLOAT64, Math.PI), "pi");
            case "newaxis", "None":
                throw new BindException(BindException.Category.NAME, "'" + text + "' is only valid inside an index",
                        name.position());
            default:
                Set<String> known = new LinkedHashSet<>(scope.allNames());
                known.addAll(catalog.viewNames());
                throw new BindException(BindException.Category.NAME, "unknown name '" + text + "'"
                        + Suggestions.closest(text, known), name.position());
        }
    }

    private Value view(Catalog.View view, Position position) {
        return seeds.within(view.seed(), () -> viewBody(view, position));
    }

    private Value viewBody(Catalog.View view, Position position) {
        enter(view.name(), "view", position);
        try {
            if (view.expr() != null) {
                Value value = bind(view.expr(), Scope.root());
                if (value instanceof Value.Arrays arrays && arrays.arrays().size() == 1) {
                    value = arrays.arrays().values().iterator().next();
                }
                return named(value, view.name());
            }
            Value.Arrays arrays = arrays(bindNested(view.query(), Scope.root()), view.name());
            return arrays.arrays().size() == 1 ? arrays.arrays().values().iterator().next().withName(view.name())
                    : arrays;
        } finally {
            expanding.pop();
        }
    }

    private void enter(String name, String kind, Position position) {
        if (expanding.contains(name)) {
            throw new BindException(BindException.Category.NAME, kind + " '" + name + "' refers to itself",
                    position);
        }
        expanding.push(name);
    }

    private Value attribute(Attribute attribute, Scope scope) {
        Value target = bind(attribute.target(), scope);
        if (target instanceof Value.Arrays arrays) {
            Value.Array dataset = arrays.arrays().get(attribute.name());
            if (dataset != null) {
                return dataset;
            }
            if (arrays.arrays().size() != 1) {
                throw new BindException(BindException.Category.NAME, arrays.description() + " has no array '"
                        + attribute.name() + "'" + Suggestions.closest(attribute.name(), arrays.arrays().keySet())
                        + " (it has " + String.join(", ", arrays.arrays().keySet()) + ")", attribute.position());
            }
        }
        return attributes.of(array(target, attribute.target().position()), attribute.name(), attribute.position());
    }

    /** The array a value stands for; a source with one dataset is that dataset. */
    private static Value.Array array(Value value, Position position) {
        if (value instanceof Value.Array array) {
            return array;
        }
        if (value instanceof Value.Arrays arrays) {
            if (arrays.arrays().size() == 1) {
                return arrays.arrays().values().iterator().next();
            }
            throw new BindException(BindException.Category.NAME, arrays.description() + " holds "
                    + arrays.arrays().size() + " arrays (" + String.join(", ", arrays.arrays().keySet())
                    + "): name one", position);
        }
        throw new BindException(BindException.Category.TYPE, "expected an array, got " + Arguments.describe(value),
                position);
    }

    private Value binary(Binary binary, Scope scope) {
        Value.Array left = array(bind(binary.left(), scope), binary.left().position());
        Value.Array right = array(bind(binary.right(), scope), binary.right().position());
        ScalarFunction function = switch (binary.operator()) {
            case ADD -> ScalarFunction.ADD;
            case SUBTRACT -> ScalarFunction.SUBTRACT;
            case MULTIPLY -> ScalarFunction.MULTIPLY;
            case DIVIDE -> ScalarFunction.TRUE_DIVIDE;
            case FLOOR_DIVIDE -> ScalarFunction.FLOOR_DIVIDE;
            case MODULO -> ScalarFunction.REMAINDER;
            case POWER -> ScalarFunction.POWER;
            case EQUAL -> ScalarFunction.EQUAL;
            case NOT_EQUAL -> ScalarFunction.NOT_EQUAL;
            case LESS -> ScalarFunction.LESS;
            case LESS_EQUAL -> ScalarFunction.LESS_EQUAL;
            case GREATER -> ScalarFunction.GREATER;
            case GREATER_EQUAL -> ScalarFunction.GREATER_EQUAL;
            case AND -> ScalarFunction.LOGICAL_AND;
            case OR -> ScalarFunction.LOGICAL_OR;
            case MATMUL -> throw new BindException(BindException.Category.UNSUPPORTED,
                    "the matrix product @ is not supported yet", binary.position());
        };
        return elementwise.apply(function, List.of(left, right), "'" + binary.operator().symbol() + "'",
                binary.position());
    }

    private Value unary(Unary unary, Scope scope) {
        if (unary.operator() == io.tessera.grammar.ast.UnaryOperator.NEGATE
                && unary.operand() instanceof NumberLiteral number) {
            // -9223372036854775808 is one int64 literal, not the negation of a uint64 one
            return number(new NumberLiteral("-" + number.text(), number.integral(), unary.position()));
        }
        Value.Array operand = array(bind(unary.operand(), scope), unary.operand().position());
        if (unary.operator() == io.tessera.grammar.ast.UnaryOperator.PLUS && operand.rel().dtype().isBool()
                && !operand.weak()) {
            throw new BindException(BindException.Category.TYPE,
                    "numpy boolean positive, the `+` operator, is not supported", unary.position());
        }
        return switch (unary.operator()) {
            case PLUS -> operand;
            case NEGATE -> elementwise.apply(ScalarFunction.NEGATIVE, List.of(operand), "'-'", unary.position());
            case NOT -> elementwise.apply(ScalarFunction.LOGICAL_NOT, List.of(operand), "NOT", unary.position());
        };
    }

    // ------------------------------------------------------------------ calls

    private Value call(Call call, Scope scope) {
        Optional<Catalog.Function> user = catalog.function(call.name());
        if (user.isPresent()) {
            return macro(user.get(), call, scope);
        }
        Optional<Builtins.Builtin> found = Builtins.get(call.name());
        if (found.isEmpty()) {
            List<String> known = new ArrayList<>(Builtins.all().stream().map(Builtins.Builtin::name).toList());
            known.addAll(catalog.functionNames());
            throw new BindException(BindException.Category.NAME, "unknown function '" + call.name() + "'"
                    + Suggestions.closest(call.name(), known), call.position());
        }
        Builtins.Builtin builtin = found.get();
        if (builtin.kind() == Builtins.Kind.NOT_YET) {
            throw new BindException(BindException.Category.UNSUPPORTED, "function " + call.name()
                    + "() is not supported yet", call.position());
        }
        if (call.name().equals("stack") && !isFileList(call)) {
            Arguments arguments = Arguments.match(call, List.of("arrays", "axis"), 1, e -> bind(e, scope));
            return shapes.stack(call, arguments);
        }
        Arguments arguments = Arguments.match(call, builtin.parameters(), builtin.required(), e -> bind(e, scope));
        return switch (builtin.kind()) {
            case ELEMENTWISE -> elementwiseCall(builtin, call, arguments);
            case REDUCTION -> reductions.bind(builtin.reduction(), call, arguments);
            case SHAPE -> shapeCall(call, arguments);
            case SOURCE -> switch (call.name()) {
                case "hdf5" -> sources.hdf5(call, arguments);
                case "npy" -> sources.npy(call, arguments);
                case "zarr" -> sources.zarr(call, arguments);
                default -> sources.files(call, arguments, call.name().equals("stack"));
            };
            case GENERATOR -> switch (call.name()) {
                case "arange" -> generators.arange(call, arguments);
                case "linspace" -> generators.linspace(call, arguments);
                case "eye" -> generators.eye(call, arguments);
                case "random_normal" -> generators.random(call, arguments, RandomArray.Distribution.NORMAL);
                case "random_uniform" -> generators.random(call, arguments, RandomArray.Distribution.UNIFORM);
                case "random_exponential" -> generators.random(call, arguments,
                        RandomArray.Distribution.EXPONENTIAL);
                case "ones" -> generators.constant(call, arguments, 1.0);
                case "full" -> generators.constant(call, arguments, null);
                default -> generators.constant(call, arguments, 0.0);
            };
            case NOT_YET -> throw new IllegalStateException("handled above");
        };
    }

    private static boolean isFileList(Call call) {
        if (call.arguments().isEmpty()) {
            return call.named("files").isPresent();
        }
        Expr first = call.arguments().get(0);
        if (first instanceof StringLiteral) {
            return true;
        }
        return first instanceof TupleLiteral tuple && !tuple.items().isEmpty()
                && tuple.items().stream().allMatch(item -> item instanceof StringLiteral);
    }

    private Value elementwiseCall(Builtins.Builtin builtin, Call call, Arguments arguments) {
        ScalarFunction function = builtin.function();
        if (function == ScalarFunction.CAST) {
            String name = arguments.string("dtype").orElseThrow();
            DType dtype = DType.parse(name).orElseThrow(() -> arguments.error("dtype", "unknown dtype '" + name + "'"
                    + Suggestions.closest(name, java.util.Arrays.stream(DType.values()).map(DType::numpyName).toList())));
            return elementwise.cast(arguments.array("x"), dtype);
        }
        List<Value.Array> operands = new ArrayList<>();
        for (String parameter : builtin.parameters()) {
            if (arguments.has(parameter)) {
                operands.add(arguments.array(parameter));
            } else if (function == ScalarFunction.ROUND) {
                operands.add(literal(ScalarExpr.Constant.ofLong(DType.INT64, 0), "decimals"));
            }
        }
        if (function == ScalarFunction.ROUND) {
            arguments.integer("decimals");
        }
        Value.Array result = elementwise.apply(function, operands, call.name() + "()", call.position());
        return result.withName(call.name());
    }

    private Value shapeCall(Call call, Arguments arguments) {
        return switch (call.name()) {
            case "reshape" -> shapes.reshape(arguments);
            case "transpose" -> shapes.transpose(arguments);
            case "squeeze" -> shapes.squeeze(arguments);
            case "expand_dims" -> shapes.expandDims(arguments);
            case "concatenate" -> shapes.concatenate(call, arguments);
            case "rechunk" -> shapes.rechunk(arguments);
            case "triu" -> shapes.tri(arguments, true);
            case "tril" -> shapes.tri(arguments, false);
            case "flip" -> shapes.flip(arguments);
            default -> throw new IllegalStateException("no shape function " + call.name());
        };
    }

    private Value macro(Catalog.Function function, Call call, Scope scope) {
        if (!call.namedArguments().isEmpty() || call.arguments().size() != function.parameters().size()) {
            throw new BindException(BindException.Category.ARGUMENT, function.name() + "() takes "
                    + function.parameters().size() + " argument" + (function.parameters().size() == 1 ? "" : "s")
                    + " (" + String.join(", ", function.parameters()) + ")", call.position());
        }
        Scope body = Scope.root();
        for (int i = 0; i < call.arguments().size(); i++) {
            body.bind(function.parameters().get(i), bind(call.arguments().get(i), scope));
        }
        enter(function.name(), "function", call.position());
        try {
            Value value = bind(function.body(), body);
            return named(value, function.name());
        } finally {
            expanding.pop();
        }
    }
}
