package io.tessera.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.grammar.ast.Binary;
import io.tessera.grammar.ast.BinaryOperator;
import io.tessera.grammar.ast.Call;
import io.tessera.grammar.ast.CreateFunction;
import io.tessera.grammar.ast.CreateView;
import io.tessera.grammar.ast.Explain;
import io.tessera.grammar.ast.Expr;
import io.tessera.grammar.ast.Index;
import io.tessera.grammar.ast.IndexItem;
import io.tessera.grammar.ast.Name;
import io.tessera.grammar.ast.NumberLiteral;
import io.tessera.grammar.ast.Query;
import io.tessera.grammar.ast.TupleLiteral;
import io.tessera.grammar.ast.Unary;
import io.tessera.grammar.ast.UnaryOperator;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParserTest {
    private static Expr expr(String text) {
        Query query = (Query) QueryParser.parse("SELECT " + text).get(0).statement();
        return query.items().get(0).expr();
    }

    @Test
    void powerBindsTighterThanUnaryMinusAndIsRightAssociative() {
        Unary negated = assertInstanceOf(Unary.class, expr("-2 ** 2"));
        assertEquals(UnaryOperator.NEGATE, negated.operator());
        Binary power = assertInstanceOf(Binary.class, expr("2 ^ 3 ^ 2"));
        assertInstanceOf(Binary.class, power.right());
        Binary negativeExponent = assertInstanceOf(Binary.class, expr("2 ** -1"));
        assertInstanceOf(Unary.class, negativeExponent.right());
    }

    @Test
    void arithmeticPrecedenceFollowsTheLanguage() {
        Binary sum = assertInstanceOf(Binary.class, expr("a + b * c"));
        assertEquals(BinaryOperator.ADD, sum.operator());
        Binary or = assertInstanceOf(Binary.class, expr("a < 1 OR NOT b = 2 AND c"));
        assertEquals(BinaryOperator.OR, or.operator());
        Binary floor = assertInstanceOf(Binary.class, expr("a // b % c"));
        assertEquals(BinaryOperator.MODULO, floor.operator());
    }

    @Test
    void indexingTakesSlicesNewAxisEllipsisAndLists() {
        Index index = assertInstanceOf(Index.class, expr("x[::-1, 1:, newaxis, ..., [3, 0], -2]"));
        List<IndexItem> items = index.items();
        assertEquals(6, items.size());
        IndexItem.Slice reversed = assertInstanceOf(IndexItem.Slice.class, items.get(0));
        assertEquals(null, reversed.start());
        assertInstanceOf(Unary.class, reversed.step());
        assertInstanceOf(IndexItem.Ellipsis.class, items.get(3));
    }

    @Test
    void callsTakePositionalThenNamedArguments() {
        Call call = assertInstanceOf(Call.class, expr("mean(t2m, axis => (0, 1), keepdims => TRUE)"));
        assertEquals(1, call.arguments().size());
        assertInstanceOf(TupleLiteral.class, call.named("axis").orElseThrow());
        SyntaxException error = assertThrows(SyntaxException.class, () -> expr("mean(axis => 0, t2m)"));
        assertTrue(error.getMessage().contains("positional argument follows a named one"));
    }

    @Test
    void tuplesAndParenthesesDiffer() {
        assertInstanceOf(TupleLiteral.class, expr("(5,)"));
        assertInstanceOf(NumberLiteral.class, expr("(5)"));
        assertEquals(0, assertInstanceOf(TupleLiteral.class, expr("()")).items().size());
    }

    @Test
    void keywordsIgnoreCaseAndNamesKeepIt() {
        Query query = (Query) QueryParser.parse("select T2m As Out from STACK('w/*.hdf5') -- trailing\n").get(0)
                .statement();
        assertEquals("Out", query.items().get(0).alias());
        assertEquals("T2m", ((Name) query.items().get(0).expr()).name());
        assertEquals("odd name/x", ((Name) expr("\"odd name/x\"")).name());
    }

    @Test
    void scriptsSplitOnSemicolonsAndKeepEachStatementsText() {
        List<ParsedStatement> statements = QueryParser.parse(
                "CREATE OR REPLACE VIEW v AS x + 1; /* c */ EXPLAIN ANALYZE SELECT v;;"
                        + "CREATE FUNCTION lj(r2) AS 4 * ((1 / r2) ^ 6 - (1 / r2) ^ 3)");
        assertEquals(3, statements.size());
        assertTrue(assertInstanceOf(CreateView.class, statements.get(0).statement()).orReplace());
        assertTrue(assertInstanceOf(Explain.class, statements.get(1).statement()).analyze());
        assertEquals(List.of("r2"), assertInstanceOf(CreateFunction.class, statements.get(2).statement()).parameters());
        assertEquals("EXPLAIN ANALYZE SELECT v", statements.get(1).text());
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        SyntaxException error = assertThrows(SyntaxException.class,
                () -> QueryParser.parse("SELECT mean(x\nFROM hdf5('a.h5')"));
        assertEquals(2, error.position().line());
        assertEquals(1, error.position().column());
        assertTrue(error.getMessage().startsWith("syntax error at line 2, column 1: unexpected 'FROM'"),
                error.getMessage());
        SyntaxException unterminated = assertThrows(SyntaxException.class, () -> QueryParser.parse("SELECT 'abc"));
        assertEquals("unterminated string", unterminated.detail());
        SyntaxException stray = assertThrows(SyntaxException.class, () -> QueryParser.parse("SELECT 1 $ 2"));
        assertEquals(10, stray.position().column());
    }
}
