// The Tessera query language (docs/LANGUAGE.md). Keywords are case-insensitive, names are not:
// the lexer matches keywords without case, and identifiers keep the case they were written in.
grammar Tessera;

options { caseInsensitive = true; }

script
    : SEMI* (statement (SEMI+ statement)*)? SEMI* EOF
    ;

statement
    : query                                                                      # selectStatement
    | EXPLAIN ANALYZE? query                                                     # explainStatement
    | CREATE (OR REPLACE)? VIEW identifier AS (query | expr)                     # createViewStatement
    | DROP VIEW (IF EXISTS)? identifier                                          # dropViewStatement
    | DESCRIBE (query | expr)                                                    # describeStatement
    | SHOW VIEWS                                                                 # showViewsStatement
    | SHOW FUNCTIONS                                                             # showFunctionsStatement
    | SET identifier EQ expr                                                     # setStatement
    | CREATE (OR REPLACE)? FUNCTION identifier
        LPAREN (identifier (COMMA identifier)*)? RPAREN AS expr                  # createFunctionStatement
    ;

query
    : (WITH withItem (COMMA withItem)*)?
      SELECT selectItem (COMMA selectItem)*
      (FROM binding (COMMA binding)*)?
      (INTO call)?
    ;

withItem
    : identifier AS LPAREN (query | expr) RPAREN
    ;

selectItem
    : expr (AS identifier)?
    ;

binding
    : LPAREN query RPAREN (AS identifier)?                                      # subqueryBinding
    | expr (AS identifier)?                                                      # sourceBinding
    ;

expr
    : orExpr
    ;

orExpr
    : andExpr (OR andExpr)*
    ;

andExpr
    : notExpr (AND notExpr)*
    ;

notExpr
    : NOT notExpr                                                                # notOperation
    | comparison                                                                 # notPassThrough
    ;

comparison
    : additive (compareOp additive)?
    ;

compareOp
    : EQ | EQEQ | NEQ | LTGT | LT | LE | GT | GE
    ;

additive
    : multiplicative (additiveOp multiplicative)*
    ;

additiveOp
    : PLUS | MINUS
    ;

multiplicative
    : matmul (multiplicativeOp matmul)*
    ;

multiplicativeOp
    : STAR | SLASH | DSLASH | PERCENT
    ;

matmul
    : unary (AT unary)*
    ;

unary
    : (MINUS | PLUS) unary                                                       # signOperation
    | power                                                                      # unaryPassThrough
    ;

// right-associative, and the exponent may carry a sign: 2 ** -1
power
    : postfix ((CARET | DSTAR) unary)?
    ;

postfix
    : primary postfixOp*
    ;

postfixOp
    : LBRACK indexItem (COMMA indexItem)* COMMA? RBRACK                           # indexOp
    | DOT identifier                                                             # attributeOp
    ;

indexItem
    : ELLIPSIS                                                                   # ellipsisIndex
    | start=expr? COLON stop=expr? (COLON step=expr?)?                           # sliceIndex
    | expr                                                                       # exprIndex
    ;

primary
    : number                                                                     # numberLiteral
    | STRING                                                                     # stringLiteral
    | (TRUE | FALSE)                                                             # boolLiteral
    | call                                                                       # callExpr
    | identifier                                                                 # nameExpr
    | LPAREN expr RPAREN                                                         # parenExpr
    | LPAREN (expr COMMA (expr (COMMA expr)* COMMA?)?)? RPAREN                   # tupleExpr
    | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK                                 # listExpr
    ;

call
    : identifier LPAREN (argument (COMMA argument)*)? RPAREN
    ;

argument
    : identifier ARROW expr                                                      # namedArgument
    | expr                                                                       # positionalArgument
    ;

number
    : INTEGER | DECIMAL
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReserved
    ;

// keywords that are still fine as names where a name is expected
nonReserved
    : ANALYZE | VIEWS | FUNCTIONS | FUNCTION | REPLACE | EXISTS | IF | VIEW | SHOW | DESCRIBE | EXPLAIN | SET | DROP
    ;

SELECT    : 'SELECT';
FROM      : 'FROM';
INTO      : 'INTO';
AS        : 'AS';
WITH      : 'WITH';
EXPLAIN   : 'EXPLAIN';
ANALYZE   : 'ANALYZE';
CREATE    : 'CREATE';
OR        : 'OR';
REPLACE   : 'REPLACE';
VIEW      : 'VIEW';
VIEWS     : 'VIEWS';
DROP      : 'DROP';
IF        : 'IF';
EXISTS    : 'EXISTS';
DESCRIBE  : 'DESCRIBE';
SHOW      : 'SHOW';
FUNCTIONS : 'FUNCTIONS';
FUNCTION  : 'FUNCTION';
SET       : 'SET';
AND       : 'AND';
NOT       : 'NOT';
TRUE      : 'TRUE';
FALSE     : 'FALSE';

ARROW     : '=>';
EQEQ      : '==';
NEQ       : '!=';
LTGT      : '<>';
LE        : '<=';
GE        : '>=';
EQ        : '=';
LT        : '<';
GT        : '>';
DSTAR     : '**';
DSLASH    : '//';
PLUS      : '+';
MINUS     : '-';
STAR      : '*';
SLASH     : '/';
PERCENT   : '%';
CARET     : '^';
AT        : '@';
ELLIPSIS  : '...';
DOT       : '.';
COMMA     : ',';
COLON     : ':';
SEMI      : ';';
LPAREN    : '(';
RPAREN    : ')';
LBRACK    : '[';
RBRACK    : ']';
QUESTION  : '?';   // a prepared statement's parameter, replaced by its value before parsing

INTEGER
    : DIGIT+
    ;

DECIMAL
    : DIGIT+ '.' DIGIT* EXPONENT?
    | '.' DIGIT+ EXPONENT?
    | DIGIT+ EXPONENT
    ;

STRING
    : '\'' ( ~'\'' | '\'\'' )* '\''
    ;

IDENTIFIER
    : [A-Z_] [A-Z_0-9]*
    ;

QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )* '"'
    ;

LINE_COMMENT
    : '--' ~[\r\n]* -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \t\r\n\f]+ -> channel(HIDDEN)
    ;

UNTERMINATED_STRING
    : '\'' ( ~'\'' | '\'\'' )*
    ;

UNTERMINATED_QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )*
    ;

UNTERMINATED_COMMENT
    : '/*' .*?
    ;

ERROR_CHARACTER
    : .
    ;

fragment DIGIT    : [0-9];
fragment EXPONENT : 'E' [+-]? DIGIT+;
