package io.tessera.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the shell stops reading lines and runs what was typed. */
class StatementEndTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "SELECT 1;|true",
            "SELECT 1|false",
            "SELECT 1;   |true",
            "SELECT 1; SELECT 2|false",
            "SELECT ';'|false",
            "SELECT 'a;b';|true",
            "SELECT \"odd;name\" FROM x|false",
            "SELECT 1 -- no end;|false",
            "SELECT 1; -- done|true",
            "SELECT /* ; */ 1|false",
            "SELECT /* open ;|false",
            "SELECT 'open ;|false",
            "\\timing|true",
            "   |true"})
    void completeWhenASemicolonEndsItOutsideStringsAndComments(String text, boolean complete) {
        assertEquals(complete, StatementEnd.isComplete(text == null ? "" : text));
    }
}
