package io.tessera.engine.result;

/** A statement that changes the session (CREATE, DROP, SET) and says what it did. */
public record MessageResult(String message) implements StatementResult {
}
