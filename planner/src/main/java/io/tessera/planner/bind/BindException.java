package io.tessera.planner.bind;

import io.tessera.grammar.ast.Position;

/** A query that cannot be bound: an unknown name, a shape or dtype mismatch, a bad argument. */
public final class BindException extends RuntimeException {
    /** What kind of mistake it is. */
    public enum Category { NAME, SHAPE, TYPE, ARGUMENT, UNSUPPORTED }

    private final Category category;
    private final transient Position position;

    public BindException(Category category, String message, Position position) {
        super(message);
        this.category = category;
        this.position = position == null ? Position.UNKNOWN : position;
    }

    public Category category() {
        return category;
    }

    public Position position() {
        return position;
    }
}
