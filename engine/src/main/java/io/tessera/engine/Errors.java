package io.tessera.engine;

import io.tessera.executor.ExecutorException;
import io.tessera.grammar.SyntaxException;
import io.tessera.planner.bind.BindException;

/** Turns the failures of each layer into {@link TesseraException}s with a category and a position. */
final class Errors {
    private Errors() {
    }

    static TesseraException translate(RuntimeException e) {
        if (e instanceof TesseraException tessera) {
            return tessera;
        }
        if (e instanceof SyntaxException syntax) {
            return TesseraException.of(TesseraException.Category.SYNTAX, syntax.getMessage(),
                    syntax.position().line(), syntax.position().column(), syntax);
        }
        if (e instanceof BindException bind) {
            TesseraException.Category category = switch (bind.category()) {
                case NAME -> TesseraException.Category.NAME;
                case SHAPE -> TesseraException.Category.SHAPE;
                case TYPE -> TesseraException.Category.TYPE;
                case ARGUMENT -> TesseraException.Category.ARGUMENT;
                case UNSUPPORTED -> TesseraException.Category.UNSUPPORTED;
            };
            String where = bind.position().line() > 0 ? " (" + bind.position() + ")" : "";
            return TesseraException.of(category, bind.getMessage() + where, bind.position().line(),
                    bind.position().column(), bind);
        }
        if (e instanceof ExecutorException executor) {
            TesseraException.Category category = switch (executor.kind()) {
                case IO -> TesseraException.Category.IO;
                case DATA -> TesseraException.Category.DATA;
                case MEMORY -> TesseraException.Category.MEMORY;
                case CANCELLED -> TesseraException.Category.CANCELLED;
                case UNSUPPORTED -> TesseraException.Category.UNSUPPORTED;
            };
            return TesseraException.of(category, executor.getMessage(), 0, 0, executor);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
        return TesseraException.of(TesseraException.Category.INTERNAL, "internal error: " + message, 0, 0, e);
    }
}
