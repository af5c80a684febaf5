package io.tessera.grammar;

import io.tessera.grammar.ast.Attribute;
import io.tessera.grammar.ast.Binary;
import io.tessera.grammar.ast.BinaryOperator;
import io.tessera.grammar.ast.Binding;
import io.tessera.grammar.ast.BoolLiteral;
import io.tessera.grammar.ast.Call;
import io.tessera.grammar.ast.CreateFunction;
import io.tessera.grammar.ast.CreateView;
import io.tessera.grammar.ast.Describe;
import io.tessera.grammar.ast.DropView;
import io.tessera.grammar.ast.Explain;
import io.tessera.grammar.ast.Expr;
import io.tessera.grammar.ast.Index;
import io.tessera.grammar.ast.IndexItem;
import io.tessera.grammar.ast.ListLiteral;
import io.tessera.grammar.ast.Name;
import io.tessera.grammar.ast.NamedArgument;
import io.tessera.grammar.ast.NumberLiteral;
import io.tessera.grammar.ast.Position;
import io.tessera.grammar.ast.Query;
import io.tessera.grammar.ast.SelectItem;
import io.tessera.grammar.ast.SetOption;
import io.tessera.grammar.ast.ShowFunctions;
import io.tessera.grammar.ast.ShowViews;
import io.tessera.grammar.ast.Statement;
import io.tessera.grammar.ast.StringLiteral;
import io.tessera.grammar.ast.TupleLiteral;
import io.tessera.grammar.ast.Unary;
import io.tessera.grammar.ast.UnaryOperator;
import io.tessera.grammar.ast.WithItem;
import io.tessera.grammar.parser.TesseraParser;
import io.tessera.grammar.parser.TesseraParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Builds the AST of records from ANTLR's parse tree. */
final class AstBuilder {

    Statement statement(StatementContext context) {
        Position at = position(context.start);
        if (context instanceof SelectStatementContext select) {
            return query(select.query());
        }
        if (context instanceof ExplainStatementContext explain) {
            return new Explain(explain.ANALYZE() != null, query(explain.query()), at);
        }
        if (context instanceof CreateViewStatementContext view) {
            return new CreateView(identifier(view.identifier()), view.REPLACE() != null,
                    view.expr() == null ? null : expr(view.expr()),
                    view.query() == null ? null : query(view.query()), at);
        }
        if (context instanceof DropViewStatementContext drop) {
            return new DropView(identifier(drop.identifier()), drop.EXISTS() != null, at);
        }
        if (context instanceof DescribeStatementContext describe) {
            return new Describe(describe.expr() == null ? null : expr(describe.expr()),
                    describe.query() == null ? null : query(describe.query()), at);
        }
        if (context instanceof ShowViewsStatementContext) {
            return new ShowViews(at);
        }
        if (context instanceof ShowFunctionsStatementContext) {
            return new ShowFunctions(at);
        }
        if (context instanceof SetStatementContext set) {
            return new SetOption(identifier(set.identifier()), expr(set.expr()), at);
        }
        if (context instanceof CreateFunctionStatementContext function) {
            List<IdentifierContext> names = function.identifier();
            List<String> parameters = new ArrayList<>();
            for (IdentifierContext name : names.subList(1, names.size())) {
                parameters.add(identifier(name));
            }
            return new CreateFunction(identifier(names.get(0)), function.REPLACE() != null, parameters,
                    expr(function.expr()), at);
        }
        throw new IllegalStateException("unknown statement " + context.getClass().getSimpleName());
    }

    Query query(QueryContext context) {
        List<WithItem> with = new ArrayList<>();
        for (WithItemContext item : context.withItem()) {
            with.add(new WithItem(identifier(item.identifier()), item.expr() == null ? null : expr(item.expr()),
                    item.query() == null ? null : query(item.query()), position(item.start)));
        }
        List<SelectItem> items = new ArrayList<>();
        for (SelectItemContext item : context.selectItem()) {
            items.add(new SelectItem(expr(item.expr()), item.identifier() == null ? null : identifier(item.identifier())));
        }
        List<Binding> from = new ArrayList<>();
        for (BindingContext binding : context.binding()) {
            if (binding instanceof SubqueryBindingContext sub) {
                from.add(new Binding(null, query(sub.query()),
                        sub.identifier() == null ? null : identifier(sub.identifier()), position(sub.start)));
            } else {
                SourceBindingContext source = (SourceBindingContext) binding;
                from.add(new Binding(expr(source.expr()), null,
                        source.identifier() == null ? null : identifier(source.identifier()),
                        position(source.start)));
            }
        }
        Call into = context.call() == null ? null : call(context.call());
        return new Query(with, items, from, into, position(context.start));
    }

    Expr expr(ExprContext context) {
        return or(context.orExpr());
    }

    private Expr or(OrExprContext context) {
        Expr result = and(context.andExpr(0));
        for (int i = 1; i < context.andExpr().size(); i++) {
            result = new Binary(BinaryOperator.OR, result, and(context.andExpr(i)), result.position());
        }
        return result;
    }

    private Expr and(AndExprContext context) {
        Expr result = not(context.notExpr(0));
        for (int i = 1; i < context.notExpr().size(); i++) {
            result = new Binary(BinaryOperator.AND, result, not(context.notExpr(i)), result.position());
        }
        return result;
    }

    private Expr not(NotExprContext context) {
        if (context instanceof NotOperationContext not) {
            return new Unary(UnaryOperator.NOT, not(not.notExpr()), position(not.start));
        }
        return comparison(((NotPassThroughContext) context).comparison());
    }

    private Expr comparison(ComparisonContext context) {
        Expr left = additive(context.additive(0));
        if (context.compareOp() == null) {
            return left;
        }
        BinaryOperator operator = switch (context.compareOp().start.getType()) {
            case TesseraParser.EQ, TesseraParser.EQEQ -> BinaryOperator.EQUAL;
            case TesseraParser.NEQ, TesseraParser.LTGT -> BinaryOperator.NOT_EQUAL;
            case TesseraParser.LT -> BinaryOperator.LESS;
            case TesseraParser.LE -> BinaryOperator.LESS_EQUAL;
            case TesseraParser.GT -> BinaryOperator.GREATER;
            default -> BinaryOperator.GREATER_EQUAL;
        };
        return new Binary(operator, left, additive(context.additive(1)), position(context.compareOp().start));
    }

    private Expr additive(AdditiveContext context) {
        Expr result = multiplicative(context.multiplicative(0));
        for (int i = 1; i < context.multiplicative().size(); i++) {
            Token op = context.additiveOp(i - 1).start;
            BinaryOperator operator = op.getType() == TesseraParser.PLUS ? BinaryOperator.ADD : BinaryOperator.SUBTRACT;
            result = new Binary(operator, result, multiplicative(context.multiplicative(i)), position(op));
        }
        return result;
    }

    private Expr multiplicative(MultiplicativeContext context) {
        Expr result = matmul(context.matmul(0));
        for (int i = 1; i < context.matmul().size(); i++) {
            Token op = context.multiplicativeOp(i - 1).start;
            BinaryOperator operator = switch (op.getType()) {
                case TesseraParser.STAR -> BinaryOperator.MULTIPLY;
                case TesseraParser.SLASH -> BinaryOperator.DIVIDE;
                case TesseraParser.DSLASH -> BinaryOperator.FLOOR_DIVIDE;
                default -> BinaryOperator.MODULO;
            };
            result = new Binary(operator, result, matmul(context.matmul(i)), position(op));
        }
        return result;
    }

    private Expr matmul(MatmulContext context) {
        Expr result = unary(context.unary(0));
        for (int i = 1; i < context.unary().size(); i++) {
            result = new Binary(BinaryOperator.MATMUL, result, unary(context.unary(i)), position(context.AT(i - 1).getSymbol()));
        }
        return result;
    }

    private Expr unary(UnaryContext context) {
        if (context instanceof SignOperationContext sign) {
            UnaryOperator operator = sign.MINUS() != null ? UnaryOperator.NEGATE : UnaryOperator.PLUS;
            return new Unary(operator, unary(sign.unary()), position(sign.start));
        }
        return power(((UnaryPassThroughContext) context).power());
    }

    private Expr power(PowerContext context) {
        Expr base = postfix(context.postfix());
        if (context.unary() == null) {
            return base;
        }
        Token op = context.CARET() != null ? context.CARET().getSymbol() : context.DSTAR().getSymbol();
        return new Binary(BinaryOperator.POWER, base, unary(context.unary()), position(op));
    }

    private Expr postfix(PostfixContext context) {
        Expr result = primary(context.primary());
        for (PostfixOpContext op : context.postfixOp()) {
            if (op instanceof AttributeOpContext attribute) {
                result = new Attribute(result, identifier(attribute.identifier()), position(attribute.start));
            } else {
                IndexOpContext index = (IndexOpContext) op;
                List<IndexItem> items = new ArrayList<>();
                for (IndexItemContext item : index.indexItem()) {
                    items.add(indexItem(item));
                }
                result = new Index(result, items, position(index.start));
            }
        }
        return result;
    }

    private IndexItem indexItem(IndexItemContext context) {
        Position at = position(context.start);
        if (context instanceof EllipsisIndexContext) {
            return new IndexItem.Ellipsis(at);
        }
        if (context instanceof SliceIndexContext slice) {
            return new IndexItem.Slice(optional(slice.start), optional(slice.stop), optional(slice.step), at);
        }
        return new IndexItem.Single(expr(((ExprIndexContext) context).expr()), at);
    }

    private Expr optional(ExprContext context) {
        return context == null ? null : expr(context);
    }

    private Expr primary(PrimaryContext context) {
        Position at = position(context.start);
        if (context instanceof NumberLiteralContext number) {
            String text = number.getText();
            return new NumberLiteral(text, number.number().INTEGER() != null, at);
        }
        if (context instanceof StringLiteralContext string) {
            String text = string.STRING().getText();
            return new StringLiteral(text.substring(1, text.length() - 1).replace("''", "'"), at);
        }
        if (context instanceof BoolLiteralContext bool) {
            return new BoolLiteral(bool.TRUE() != null, at);
        }
        if (context instanceof CallExprContext call) {
            return call(call.call());
        }
        if (context instanceof NameExprContext name) {
            return new Name(identifier(name.identifier()), at);
        }
        if (context instanceof ParenExprContext paren) {
            return expr(paren.expr());
        }
        if (context instanceof TupleExprContext tuple) {
            return new TupleLiteral(exprs(tuple.expr()), at);
        }
        return new ListLiteral(exprs(((ListExprContext) context).expr()), at);
    }

    private List<Expr> exprs(List<ExprContext> contexts) {
        List<Expr> result = new ArrayList<>();
        for (ExprContext context : contexts) {
            result.add(expr(context));
        }
        return result;
    }

    Call call(CallContext context) {
        List<Expr> positional = new ArrayList<>();
        List<NamedArgument> named = new ArrayList<>();
        for (ArgumentContext argument : context.argument()) {
            if (argument instanceof NamedArgumentContext n) {
                named.add(new NamedArgument(identifier(n.identifier()), expr(n.expr()), position(n.start)));
            } else {
                if (!named.isEmpty()) {
                    throw new SyntaxException("a positional argument follows a named one", position(argument.start));
                }
                positional.add(expr(((PositionalArgumentContext) argument).expr()));
            }
        }
        return new Call(identifier(context.identifier()), positional, named, position(context.start));
    }

    private static String identifier(IdentifierContext context) {
        if (context.QUOTED_IDENTIFIER() != null) {
            String text = context.QUOTED_IDENTIFIER().getText();
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return context.getText();
    }

    private static Position position(Token token) {
        return new Position(token.getLine(), token.getCharPositionInLine() + 1);
    }

}
