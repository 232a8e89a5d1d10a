/*
 * Pig Latin 0.18, the part the Flink SQL translation understands today: LOAD, FILTER,
 * FOREACH ... GENERATE, GROUP, JOIN (inner and outer), ORDER, LIMIT, DISTINCT, STORE, plus
 * the statements that commonly surround them (REGISTER, SET, DEFINE, DUMP, DESCRIBE, %default,
 * %declare). Keywords are case-insensitive, aliases are not (the lexer keeps the original text).
 * Parameters ($NAME, ${NAME}) stay symbolic: they are bound when the translated job runs.
 */
grammar PigLatin;

options { caseInsensitive = true; }

script
    : statement* EOF
    ;

statement
    : preprocessor                                               # preprocessorStatement
    | alias=identifier EQUALS relation parallel? SEMI            # assignStatement
    | STORE source=identifier INTO path=STRING (USING funcSpec)? SEMI   # storeStatement
    | DUMP identifier SEMI                                       # dumpStatement
    | (DESCRIBE | EXPLAIN | ILLUSTRATE) identifier? SEMI         # describeStatement
    | REGISTER registerPath SEMI                                 # registerStatement
    | SET setKey setValue SEMI                                   # setStatement
    | DEFINE identifier funcSpec SEMI                            # defineStatement
    ;

preprocessor
    : (PCT_DEFAULT | PCT_DECLARE) name=identifier value=preValue
    ;

preValue
    : STRING | INTEGER | DECIMAL | identifier | PARAM
    ;

registerPath
    : STRING | PARAM | ~SEMI+
    ;

setKey
    : identifier (PERIOD identifier)*
    ;

setValue
    : STRING | INTEGER | DECIMAL | identifier | PARAM
    ;

relation
    : LOAD path=STRING (USING funcSpec)? (AS schema)?                    # loadRelation
    | FILTER input=identifier BY expr                                   # filterRelation
    | FOREACH input=identifier GENERATE generateItem (COMMA generateItem)*   # foreachRelation
    | (GROUP | COGROUP) input=identifier (ALL | BY groupKey) (USING STRING)?  # groupRelation
    | JOIN joinInput (COMMA joinInput)+ (USING STRING)?                 # joinRelation
    | ORDER input=identifier BY orderItem (COMMA orderItem)*            # orderRelation
    | LIMIT input=identifier expr                                       # limitRelation
    | DISTINCT input=identifier                                         # distinctRelation
    ;

parallel
    : PARALLEL (INTEGER | PARAM)
    ;

funcSpec
    : qualifiedName (LPAREN (funcArg (COMMA funcArg)*)? RPAREN)?
    ;

funcArg
    : STRING | INTEGER | PARAM
    ;

qualifiedName
    : identifier (PERIOD identifier)*
    ;

schema
    : LPAREN fieldSchema (COMMA fieldSchema)* RPAREN
    | fieldSchema
    ;

fieldSchema
    : identifier (COLON type)?
    ;

type
    : INT_T | LONG_T | FLOAT_T | DOUBLE_T | CHARARRAY_T | BYTEARRAY_T | BOOLEAN_T
    | DATETIME_T | BIGINTEGER_T | BIGDECIMAL_T
    ;

generateItem
    : expr (AS (fieldSchema | LPAREN fieldSchema (COMMA fieldSchema)* RPAREN))?
    ;

groupKey
    : LPAREN expr (COMMA expr)+ RPAREN
    | expr
    ;

joinInput
    : identifier BY groupKey (LEFT | RIGHT | FULL)? OUTER?
    ;

orderItem
    : expr (ASC | DESC)?
    ;

expr
    : LPAREN expr RPAREN                                                # parenExpr
    | LPAREN type RPAREN expr                                           # castExpr
    | FLATTEN LPAREN expr RPAREN                                        # flattenExpr
    | qualifiedName LPAREN (expr (COMMA expr)*)? RPAREN                 # callExpr
    | expr PERIOD identifier                                            # dereferenceExpr
    | MINUS expr                                                        # negateExpr
    | expr op=(STAR | SLASH | PERCENT) expr                             # multiplicativeExpr
    | expr op=(PLUS | MINUS) expr                                       # additiveExpr
    | expr op=(EQ | NEQ | LT | LTE | GT | GTE) expr                     # comparisonExpr
    | expr MATCHES STRING                                               # matchesExpr
    | expr IS NOT? NULL                                                 # isNullExpr
    | NOT expr                                                          # notExpr
    | expr AND expr                                                     # andExpr
    | expr OR expr                                                      # orExpr
    | <assoc=right> expr QUESTION expr COLON expr                       # bincondExpr
    | literal                                                           # literalExpr
    | PARAM                                                             # paramExpr
    | POSITIONAL                                                        # positionalExpr
    | STAR                                                              # starExpr
    | (identifier DOUBLE_COLON)? identifier                             # fieldExpr
    ;

literal
    : INTEGER | LONG_INTEGER | DECIMAL | FLOAT_LITERAL | STRING | TRUE | FALSE | NULL
    ;

identifier
    : IDENTIFIER
    // Pig lets these keywords name fields and aliases: `group` is the key of a grouped relation.
    | GROUP | ALL | AS | INT_T | LONG_T | FLOAT_T | DOUBLE_T | CHARARRAY_T | BYTEARRAY_T | BOOLEAN_T
    | DATETIME_T | LEFT | RIGHT | FULL | OUTER | ASC | DESC | PARALLEL | EXPLAIN | ILLUSTRATE
    ;

// ---------------------------------------------------------------- lexer

PCT_DEFAULT : '%default' ;
PCT_DECLARE : '%declare' ;

LOAD : 'load' ;
STORE : 'store' ;
INTO : 'into' ;
USING : 'using' ;
AS : 'as' ;
FILTER : 'filter' ;
BY : 'by' ;
FOREACH : 'foreach' ;
GENERATE : 'generate' ;
GROUP : 'group' ;
COGROUP : 'cogroup' ;
ALL : 'all' ;
JOIN : 'join' ;
LEFT : 'left' ;
RIGHT : 'right' ;
FULL : 'full' ;
OUTER : 'outer' ;
ORDER : 'order' ;
ASC : 'asc' ;
DESC : 'desc' ;
LIMIT : 'limit' ;
DISTINCT : 'distinct' ;
PARALLEL : 'parallel' ;
DUMP : 'dump' ;
DESCRIBE : 'describe' ;
EXPLAIN : 'explain' ;
ILLUSTRATE : 'illustrate' ;
REGISTER : 'register' ;
SET : 'set' ;
DEFINE : 'define' ;
FLATTEN : 'flatten' ;
MATCHES : 'matches' ;
IS : 'is' ;
NOT : 'not' ;
NULL : 'null' ;
AND : 'and' ;
OR : 'or' ;
TRUE : 'true' ;
FALSE : 'false' ;

INT_T : 'int' ;
LONG_T : 'long' ;
FLOAT_T : 'float' ;
DOUBLE_T : 'double' ;
CHARARRAY_T : 'chararray' ;
BYTEARRAY_T : 'bytearray' ;
BOOLEAN_T : 'boolean' ;
DATETIME_T : 'datetime' ;
BIGINTEGER_T : 'biginteger' ;
BIGDECIMAL_T : 'bigdecimal' ;

EQUALS : '=' ;
EQ : '==' ;
NEQ : '!=' ;
LTE : '<=' ;
GTE : '>=' ;
LT : '<' ;
GT : '>' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
QUESTION : '?' ;
DOUBLE_COLON : '::' ;
COLON : ':' ;
SEMI : ';' ;
COMMA : ',' ;
PERIOD : '.' ;
LPAREN : '(' ;
RPAREN : ')' ;

POSITIONAL : '$' [0-9]+ ;
PARAM : '$' [a-z_] [a-z0-9_]* | '${' [a-z_] [a-z0-9_]* '}' ;

LONG_INTEGER : [0-9]+ 'l' ;
FLOAT_LITERAL : ([0-9]+ '.' [0-9]* | '.' [0-9]+) ([e] [+-]? [0-9]+)? 'f' | [0-9]+ 'f' ;
DECIMAL : [0-9]+ '.' [0-9]* ([e] [+-]? [0-9]+)? | '.' [0-9]+ ([e] [+-]? [0-9]+)? | [0-9]+ [e] [+-]? [0-9]+ ;
INTEGER : [0-9]+ ;

STRING : '\'' ( '\\' . | ~['\\\r\n] )* '\'' ;

IDENTIFIER : [a-z_] [a-z0-9_]* ;

LINE_COMMENT : '--' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS : [ \t\r\n\f]+ -> skip ;

// Anything else is reported by the parser as an unexpected character, with its position.
UNEXPECTED : . ;
