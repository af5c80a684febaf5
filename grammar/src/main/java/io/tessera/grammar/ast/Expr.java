package io.tessera.grammar.ast;

/** An expression as written; binding gives it a shape and a dtype. */
public sealed interface Expr
        permits NumberLiteral, StringLiteral, BoolLiteral, Name, Attribute, Call, Binary, Unary, Index, TupleLiteral,
                ListLiteral {
    Position position();
}
