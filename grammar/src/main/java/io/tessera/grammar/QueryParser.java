package io.tessera.grammar;

import io.tessera.grammar.ast.Position;
import io.tessera.grammar.parser.TesseraLexer;
import io.tessera.grammar.parser.TesseraParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** The front door of the grammar: text in, statements out, or a {@link SyntaxException}. */
public final class QueryParser {
    private QueryParser() {
    }

    /** Parses a script of statements separated by semicolons. */
    public static List<ParsedStatement> parse(String text) {
        TesseraLexer lexer = new TesseraLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        for (Token token : tokens.getTokens()) {
            checkToken(token);
        }
        TesseraParser parser = new TesseraParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new ThrowingListener());
        TesseraParser.ScriptContext script = parser.script();
        AstBuilder builder = new AstBuilder();
        List<ParsedStatement> statements = new ArrayList<>();
        for (TesseraParser.StatementContext context : script.statement()) {
            String source = text.substring(context.start.getStartIndex(), context.stop.getStopIndex() + 1);
            statements.add(new ParsedStatement(builder.statement(context), source));
        }
        return statements;
    }

    /**
     * The offsets in {@code text} of its parameters, the {@code ?} outside strings, names and comments,
     * in order.
     */
    public static int[] parameterOffsets(String text) {
        TesseraLexer lexer = new TesseraLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return lexer.getAllTokens().stream().filter(token -> token.getType() == TesseraLexer.QUESTION)
                .mapToInt(Token::getStartIndex).toArray();
    }

    private static void checkToken(Token token) {
        Position at = new Position(token.getLine(), token.getCharPositionInLine() + 1);
        switch (token.getType()) {
            case TesseraLexer.UNTERMINATED_STRING -> throw new SyntaxException("unterminated string", at);
            case TesseraLexer.UNTERMINATED_QUOTED_IDENTIFIER ->
                    throw new SyntaxException("unterminated quoted name", at);
            case TesseraLexer.UNTERMINATED_COMMENT -> throw new SyntaxException("unterminated comment", at);
            case TesseraLexer.QUESTION -> throw new SyntaxException("'?' stands for a parameter, which only a "
                    + "prepared statement can give a value", at);
            case TesseraLexer.ERROR_CHARACTER ->
                    throw new SyntaxException("unexpected character '" + token.getText() + "'", at);
            default -> {
                // a well-formed token
            }
        }
    }

    /** Turns ANTLR's first complaint into a short message with the offending token. */
    private static final class ThrowingListener extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                String message, RecognitionException e) {
            Position at = new Position(line, column + 1);
            if (offendingSymbol instanceof Token token) {
                String found = token.getType() == Token.EOF ? "end of input" : "'" + describe(token) + "'";
                throw new SyntaxException("unexpected " + found + expectation(message), at);
            }
            throw new SyntaxException(message, at);
        }

        private static String describe(Token token) {
            String text = token.getInputStream().getText(Interval.of(token.getStartIndex(), token.getStopIndex()));
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }

        // keeps ANTLR's "expecting X" only when it names a few tokens, which is when it helps
        private static String expectation(String message) {
            int at = message.indexOf("expecting ");
            if (at < 0) {
                return "";
            }
            String expected = message.substring(at + "expecting ".length());
            if (expected.startsWith("{") && expected.split(",").length > 4) {
                return "";
            }
            return ", expecting " + expected.replace("<EOF>", "end of input");
        }
    }
}
