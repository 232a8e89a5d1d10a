/*
 * One Oozie EL expression: the inside of ${...}, as JSP 2.0 EL / Apache commons-el 1.0 (which Oozie
 * evaluates with) defines it. The template text around expressions is split off by ElParser (commons-el
 * has no escape for "${" in template text: "$" not followed by "{" is text, "${" always opens an
 * expression, a backslash is only an escape inside string literals).
 *
 * Precedence, loosest first: ?: , or/|| , and/&& , ==/eq !=/ne , < > <= >= lt gt le ge , + - ,
 * * / div % mod , unary not/! - empty , value (literal, (expr), function call, identifier, then .name
 * and [expr] suffixes). Dotted names such as user.name are an identifier with .name suffixes.
 */
grammar OozieEl;

@lexer::members {
    /** True when the next non-blank character is '(': only then is "prefix:name" a function name. */
    private boolean callFollows() {
        for (int i = 1; ; i++) {
            int c = _input.LA(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c == '(';
            }
        }
    }
}

elExpression
    : expr EOF
    ;

expr
    : value                                                                    # valueExpr
    | op=(NOT | BANG | MINUS | EMPTY) expr                                     # unaryExpr
    | left=expr op=(STAR | SLASH | DIV | PERCENT | MOD) right=expr             # binaryExpr
    | left=expr op=(PLUS | MINUS) right=expr                                   # binaryExpr
    | left=expr op=(LT | GT | LE | GE | LT_W | GT_W | LE_W | GE_W) right=expr   # binaryExpr
    | left=expr op=(EQ | NE | EQ_W | NE_W) right=expr                          # binaryExpr
    | left=expr op=(AND | AND_W) right=expr                                    # binaryExpr
    | left=expr op=(OR | OR_W) right=expr                                      # binaryExpr
    | <assoc=right> condition=expr QUESTION whenTrue=expr COLON whenFalse=expr # ternaryExpr
    ;

value
    : primary suffix*
    ;

primary
    : literal                                                    # literalPrimary
    | LPAREN expr RPAREN                                         # parenPrimary
    | QUALIFIED_NAME LPAREN arguments? RPAREN                    # qualifiedCallPrimary
    | IDENT LPAREN arguments? RPAREN                             # callPrimary
    | IDENT                                                      # identifierPrimary
    ;

arguments
    : expr (COMMA expr)*
    ;

suffix
    : DOT propertyName          # propertySuffix
    | LBRACKET expr RBRACKET    # indexSuffix
    ;

// Lenient on purpose: property names such as a.empty.b or mapred.job.queue.name are accepted whole.
propertyName
    : IDENT | TRUE | FALSE | NULL | NOT | EMPTY | DIV | MOD | AND_W | OR_W
    | EQ_W | NE_W | LT_W | GT_W | LE_W | GE_W | INTEGER
    ;

literal
    : STRING
    | INTEGER
    | DECIMAL
    | TRUE
    | FALSE
    | NULL
    ;

TRUE  : 'true' ;
FALSE : 'false' ;
NULL  : 'null' ;
NOT   : 'not' ;
EMPTY : 'empty' ;
DIV   : 'div' ;
MOD   : 'mod' ;
AND_W : 'and' ;
OR_W  : 'or' ;
EQ_W  : 'eq' ;
NE_W  : 'ne' ;
LT_W  : 'lt' ;
GT_W  : 'gt' ;
LE_W  : 'le' ;
GE_W  : 'ge' ;

EQ       : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
LT       : '<' ;
GT       : '>' ;
AND      : '&&' ;
OR       : '||' ;
BANG     : '!' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
PERCENT  : '%' ;
QUESTION : '?' ;
COLON    : ':' ;
COMMA    : ',' ;
DOT      : '.' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;

DECIMAL
    : DIGIT+ '.' DIGIT* EXPONENT?
    | '.' DIGIT+ EXPONENT?
    | DIGIT+ EXPONENT
    ;

INTEGER : DIGIT+ ;

// commons-el: inside "..." only \" and \\ are escapes, inside '...' only \' and \\.
STRING
    : '"' ( ~["\\] | '\\' ["\\] )* '"'
    | '\'' ( ~['\\] | '\\' ['\\] )* '\''
    ;

// "wf:conf" when a '(' follows, as commons-el decides with LOOKAHEAD(QualifiedName() "("): one token,
// so "a ? b : c" stays a conditional and a broken call reports the missing ')' rather than the ':'.
QUALIFIED_NAME : LETTER (LETTER | DIGIT)* BLANK* ':' BLANK* LETTER (LETTER | DIGIT)* { callFollows() }? ;

IDENT : LETTER (LETTER | DIGIT)* ;

WS : [ \t\r\n]+ -> skip ;

fragment BLANK    : [ \t\r\n] ;
fragment EXPONENT : [eE] [+-]? DIGIT+ ;
fragment DIGIT    : [0-9] ;
fragment LETTER   : [\p{L}_$] ;
