package io.tessera.grammar.ast;

/** One statement of a script, as written. */
public sealed interface Statement
        permits Query, Explain, CreateView, DropView, Describe, ShowViews, ShowFunctions, SetOption,
                CreateFunction {
    Position position();
}
