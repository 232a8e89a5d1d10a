/*
 * Pig Latin 0.18, the whole language, following the structure of Pig's own QueryParser.g (rule
 * names kept where they help a reader compare): conditions sit above expressions, a bincond is
 * always parenthesised, '(' starts a cast, a nested expression or a tuple, and keywords are
 * case-insensitive while aliases are not (the lexer keeps the original text).
 *
 * What Pig's Grunt shell handles before its query parser (fs, sh, dump, describe, explain,
 * illustrate, register, set, exec, run, ...) is one GRUNT_COMMAND token, recognised only where a
 * statement starts. %declare / %default lines are one PREPROCESSOR token. Parameters ($NAME,
 * ${NAME}) are PARAM tokens wherever a value may appear when they are not substituted first.
 */
grammar PigLatin;

options { caseInsensitive = true; }

// Made by the lexer's nextToken() (below), not by a rule: a Grunt command word counts only where a
// statement starts, and a semantic predicate in a lexer rule would make every identifier slow.
tokens { GRUNT_COMMAND }

@lexer::members {
    /** True where a statement may start: at the beginning, after ';', '}' or a Grunt command line. */
    private boolean statementStart = true;

    @Override
    public Token emit() {
        Token token = super.emit();
        if (token.getChannel() == Token.DEFAULT_CHANNEL) {
            int type = token.getType();
            statementStart = type == SEMI || type == RCURLY || type == PigLatinParser.GRUNT_COMMAND || type == PREPROCESSOR;
        }
        return token;
    }

    @Override
    public void reset() {
        super.reset();
        statementStart = true;
    }

    private static final java.util.Set<String> GRUNT_WORDS = java.util.Set.of("fs", "sh", "cat", "cd", "cp",
            "copyfromlocal", "copytolocal", "dump", "describe", "explain", "illustrate", "aliases", "kill", "ls",
            "mkdir", "mv", "pwd", "quit", "register", "rm", "rmf", "run", "exec", "set", "help", "history", "clear");

    /** A Grunt command where a statement starts: the word and the rest of its line up to ';'. */
    @Override
    public Token nextToken() {
        int length = statementStart ? gruntCommandLength() : 0;
        if (length == 0) {
            return super.nextToken();
        }
        int start = _input.index();
        int line = getLine();
        int column = getCharPositionInLine();
        for (int i = 0; i < length; i++) {
            getInterpreter().consume(_input);
        }
        Token token = _factory.create(_tokenFactorySourcePair, PigLatinParser.GRUNT_COMMAND, null, Token.DEFAULT_CHANNEL,
                start, start + length - 1, line, column);
        emit(token);
        statementStart = true;
        return token;
    }

    private int gruntCommandLength() {
        int i = 1;
        StringBuilder word = new StringBuilder();
        while (Character.isLetter(_input.LA(i))) {
            word.append((char) Character.toLowerCase(_input.LA(i)));
            i++;
        }
        int next = _input.LA(i);
        if (word.length() == 0 || !GRUNT_WORDS.contains(word.toString())
                || !(next == CharStream.EOF || next == ' ' || next == '\t' || next == ';' || next == '\r' || next == '\n')) {
            return 0;
        }
        if (next == ' ' || next == '\t') {
            // 'cp = cf.gpa', 'ls = FOREACH ...': a word followed by '=' names an alias, as in Pig (any block depth);
            // REGISTER is a keyword of Pig's query parser too, so 'register = ...' stays Pig's syntax error.
            int after = i;
            while (_input.LA(after) == ' ' || _input.LA(after) == '\t') {
                after++;
            }
            if (_input.LA(after) == '=' && _input.LA(after + 1) != '=' && !word.toString().equals("register")) {
                return 0;
            }
            while (_input.LA(i) != CharStream.EOF && _input.LA(i) != ';' && _input.LA(i) != '\r' && _input.LA(i) != '\n') {
                i++;
            }
        }
        return i - 1;
    }
}

script
    : statement* EOF
    ;

statement
    : SEMI                                                       # emptyStatement
    | PREPROCESSOR                                               # preprocessorStatement
    | GRUNT_COMMAND SEMI?                                        # gruntStatement
    | macroDefinition SEMI?                                      # macroStatement
    | generalStatement SEMI                                      # opStatement
    | splitClause SEMI                                           # splitStatement
    | inlineClause SEMI                                          # inlineStatement
    | importClause SEMI                                          # importStatement
    | realiasClause SEMI                                         # realiasStatement
    | assertClause SEMI                                          # assertStatement
    | foreachStatement                                           # foreachStmt
    ;

generalStatement
    : (FAT_ARROW | alias EQUALS)? (opClause parallelClause? | nestedOpClause)
    ;

// The ';' after a nested block is optional (Pig accepts it as an empty statement).
foreachStatement
    : (FAT_ARROW | alias EQUALS)? FOREACH rel (foreachPlanComplex | foreachPlanSimple parallelClause? SEMI)
    ;

foreachPlanComplex
    : LCURLY nestedBlk RCURLY
    ;

foreachPlanSimple
    : GENERATE flattenGeneratedItem (COMMA flattenGeneratedItem)*
    ;

nestedOpClause
    : LPAREN opClause parallelClause? RPAREN
    | LPAREN FOREACH rel (foreachPlanComplex | foreachPlanSimple parallelClause?) RPAREN
    ;

// ---------------------------------------------------------------- macros

macroContent
    : LCURLY (macroContent | ~(LCURLY | RCURLY))* RCURLY
    ;

macroParamClause
    : LPAREN (identifierPlus (COMMA identifierPlus)*)? RPAREN
    ;

macroReturnClause
    : RETURNS (identifierPlus (COMMA identifierPlus)* | VOID)
    ;

macroClause
    : macroParamClause macroReturnClause macroContent
    ;

// A macro definition ends at its '}': Pig takes the next statement without a ';' between (a ';' there is
// allowed, as after a nested FOREACH block).
macroDefinition
    : DEFINE IDENTIFIER macroClause
    ;

inlineClause
    : (identifierPlus (COMMA identifierPlus)* EQUALS)? identifierPlus LPAREN (macroArgument (COMMA macroArgument)*)? RPAREN
    ;

macroArgument
    : IDENTIFIER | INTEGER | DOUBLENUMBER | BIGDECIMALNUMBER | BIGINTEGERNUMBER | STRING | DOLLARVAR | PARAM
    ;

// ---------------------------------------------------------------- types

simpleType
    : BOOLEAN | INT | LONG | FLOAT | DOUBLE | DATETIME | BIGINTEGER | BIGDECIMAL | CHARARRAY | BYTEARRAY
    ;

implicitTupleType : LPAREN fieldDefList? RPAREN ;
explicitTupleType : TUPLE implicitTupleType ;
tupleType : implicitTupleType | explicitTupleType ;

implicitBagType
    : LCURLY NULL COLON tupleType? RCURLY
    | LCURLY ((identifierPlus COLON)? tupleType)? RCURLY
    ;
explicitBagType : BAG implicitBagType ;

implicitMapType : LBRACKET type? RBRACKET ;
explicitMapType : MAP implicitMapType ;

explicitType : simpleType | explicitTupleType | explicitBagType | explicitMapType ;
implicitType : implicitTupleType | implicitBagType | implicitMapType ;
type : explicitType | implicitType ;

explicitTypeCast
    : simpleType
    | explicitMapType
    | TUPLE LPAREN (explicitTypeCast (COMMA explicitTypeCast)*)? RPAREN
    | BAG LCURLY (TUPLE LPAREN (explicitTypeCast (COMMA explicitTypeCast)*)? RPAREN)? RCURLY
    ;

// ---------------------------------------------------------------- clauses

importClause : IMPORT STRING ;

defineClause : DEFINE IDENTIFIER (cmd | funcClause) ;

realiasClause : alias EQUALS identifierPlus ;

parallelClause : PARALLEL (INTEGER | PARAM) ;

opClause
    : defineClause
    | loadClause
    | groupClause
    | cubeClause
    | storeClause
    | filterClause
    | distinctClause
    | limitClause
    | sampleClause
    | orderClause
    | rankClause
    | crossClause
    | joinClause
    | unionClause
    | streamClause
    | mrClause
    ;

shipClause : SHIP LPAREN pathList? RPAREN ;
pathList : STRING (COMMA STRING)* ;
cacheClause : CACHE LPAREN pathList RPAREN ;
inputClause : INPUT LPAREN streamCmd (COMMA streamCmd)* RPAREN ;
outputClause : OUTPUT LPAREN streamCmd (COMMA streamCmd)* RPAREN ;
errorClause : STDERROR LPAREN (STRING (LIMIT INTEGER)?)? RPAREN ;
streamCmd : (STDIN | STDOUT | STRING) (USING funcClause)? ;
cmd : EXECCOMMAND (shipClause | cacheClause | inputClause | outputClause | errorClause)* ;

loadClause : LOAD STRING (USING funcClause)? asClause? ;

funcClause
    : funcName
    | funcName LPAREN funcArgs? RPAREN
    ;

funcName : eid ((PERIOD eid) | PARAM)* ;

funcArgs : funcArg (COMMA funcArg)* ;
funcArg : STRING | MULTILINE_STRING | PARAM ;

groupClause : (GROUP | COGROUP) groupItem (COMMA groupItem)* (USING STRING)? partitionClause? ;
groupItem : rel (joinGroupByClause | ALL) (INNER | OUTER)? ;

alias : identifierPlus ;
identifierPlus : IDENTIFIER | RANK | CUBE | IN | WHEN | THEN | ELSE | END ;

explicitFieldDef
    : fieldName (COLON type)?
    | typeNameAsField COLON type
    | explicitType
    ;

// A type's name names a field when a type follows it (`AS (datetime:chararray)`, also after GENERATE ... AS), as
// Pig 0.18 reads it; alone it stays the type of an unnamed field (`AS (int, chararray)`).
typeNameAsField
    : BOOLEAN | INT | LONG | FLOAT | DOUBLE | DATETIME | BIGINTEGER | BIGDECIMAL | CHARARRAY | BYTEARRAY
    | MAP | BAG | TUPLE
    ;

// Pig accepts most keywords as field names in a schema (`AS (order:int)`), though not after
// GENERATE ... AS (the AST builder reports those); type names stay types.
fieldName
    : identifierPlus
    | IMPORT | RETURNS | DEFINE | LOAD | FILTER | FOREACH | ROLLUP | ORDER | DISTINCT | COGROUP | JOIN
    | CROSS | UNION | SPLIT | INTO | IF | ALL | AS | BY | USING | INNER | OUTER | PARALLEL | PARTITION
    | AND | OR | GENERATE | ASC | DESC | IS | STREAM | THROUGH | STORE | MAPREDUCE | SHIP | CACHE
    | INPUT | OUTPUT | STDERROR | STDIN | STDOUT | LIMIT | SAMPLE | LEFT | RIGHT | FULL | ASSERT
    | GROUP | TRUE | FALSE | NOT | FLATTEN | MATCHES | STR_EQ | STR_NE | STR_GT | STR_GTE | STR_LT | STR_LTE
    ;
fieldDef : explicitFieldDef | implicitType ;
fieldDefList : fieldDef (COMMA fieldDef)* ;

// A single field in parentheses is that field, not a tuple (as in Pig).
asClause : AS (explicitFieldDef | LPAREN fieldDefList? RPAREN) ;

rel
    : identifierPlus
    | ARROBA
    | nestedOpClause
    ;

storeClause : STORE rel INTO STRING (USING funcClause)? ;
assertClause : ASSERT rel BY cond (COMMA STRING)? ;
filterClause : FILTER rel BY cond ;
streamClause : STREAM rel THROUGH (EXECCOMMAND | identifierPlus) asClause? ;
mrClause : MAPREDUCE STRING (LPAREN pathList RPAREN)? storeClause loadClause EXECCOMMAND? ;

splitClause : SPLIT rel INTO splitBranch (COMMA splitBranch)* COMMA (splitBranch | splitOtherwise) ;
splitBranch : identifierPlus IF cond ;
splitOtherwise : identifierPlus OTHERWISE ;

limitClause : LIMIT rel expr ;
sampleClause : SAMPLE rel expr ;

rankClause : RANK rel (BY rankByClause DENSE?)? ;
rankByClause
    : STAR (ASC | DESC)?
    | rankCol (COMMA rankCol)*
    ;
rankCol : (colRange | colRef) (ASC | DESC)? ;

orderClause : ORDER rel BY orderByClause (USING funcClause)? ;
orderByClause
    : STAR (ASC | DESC)?
    | orderCol (COMMA orderCol)*
    ;
orderCol
    : colRange (ASC | DESC)?
    | colRef (ASC | DESC)?
    | LPAREN colRef (ASC | DESC)? RPAREN
    ;

distinctClause : DISTINCT rel partitionClause? ;
partitionClause : PARTITION BY funcName ;
crossClause : CROSS rel (COMMA rel)* partitionClause? ;

joinClause : JOIN joinItem ((LEFT | RIGHT | FULL) OUTER? COMMA joinItem | (COMMA joinItem)+) (USING STRING)? partitionClause? ;
joinItem : rel joinGroupByClause ;
// `BY (a, b)` is a tuple of keys, expanded into several keys by the AST builder, as Pig does.
joinGroupByClause : BY realArg ;

unionClause : UNION ONSCHEMA? rel (COMMA rel)* ;

cubeClause : CUBE rel BY cubeRollupList (COMMA cubeRollupList)* ;
cubeRollupList : (CUBE | ROLLUP) LPAREN realArg (COMMA realArg)* RPAREN ;

flattenClause : FLATTEN LPAREN expr RPAREN ;

generateAsClause : AS (LPAREN fieldDefList RPAREN | explicitFieldDef) ;

flattenGeneratedItem
    : flattenClause generateAsClause?
    | realArg generateAsClause?
    ;

// ---------------------------------------------------------------- conditions and expressions

realArg
    : expr
    | STAR
    | colRange
    ;

cond : andCond (OR andCond)* ;
andCond : notCond (AND notCond)* ;
notCond : NOT? unaryCond ;

unaryCond
    : expr (IS NOT? NULL | IN LPAREN expr (COMMA expr)* RPAREN | relOp expr)?
    ;

expr : multiExpr ((PLUS | MINUS) multiExpr)* ;
multiExpr : castExpr ((STAR | DIV | PERCENT) castExpr)* ;

castExpr
    : scalar                                                                        # scalarExpr
    | MINUS castExpr                                                                # negExpr
    | colRefWithoutIdentifier projection*                                           # columnExpr
    | identifierPlus projection*                                                    # namedColumnExpr
    | exprFuncName LPAREN (realArg (COMMA realArg)*)? RPAREN projection*            # funcEvalExpr
    | INVOKE (AMPERSAND | LPAREN realArg RPAREN) (identifierPlus PERIOD)* identifierPlus
      LPAREN (realArg (COMMA realArg)*)? RPAREN projection*                         # invokerExpr
    | CASE WHEN cond THEN expr (WHEN cond THEN expr)* (ELSE expr)? END projection*  # caseCondExpr
    | CASE expr WHEN expr THEN expr (WHEN expr THEN expr)* (ELSE expr)? END projection*   # caseValueExpr
    | LPAREN afterLeftParen                                                         # parenthesized
    | LCURLY (realArg (COMMA realArg)*)? RCURLY projection*                         # bagExpr
    | LBRACKET keyValue (COMMA keyValue)* RBRACKET projection*                      # mapLiteralExpr
    | LBRACKET (realArg (COMMA realArg)*)? RBRACKET projection*                     # mapExpr
    ;

// Left-factored as in Pig's after_left_paren, so '(' is decided by its first tokens only.
afterLeftParen
    : implicitMapType RPAREN castExpr                                               # mapCastExpr
    | explicitTypeCast RPAREN castExpr                                              # typeCastExpr
    | RPAREN projection*                                                            # emptyTupleExpr
    | (STAR | colRange) (COMMA realArg)* RPAREN projection*                         # starTupleExpr
    | cond (COMMA realArg)+ RPAREN projection*                                      # tupleExpr
    | cond QUESTION expr COLON expr RPAREN                                          # bincondExpr
    | cond RPAREN                                                                   # parenExpr
    ;

projection
    : PERIOD (colRef | LPAREN colRef (COMMA colRef)* RPAREN)   # dotProjection
    | POUND (STRING | NULL)                                    # mapLookup
    ;

colRefWithoutIdentifier : GROUP | DOLLARVAR | PARAM ;
colRef : colRefWithoutIdentifier | identifierPlus ;

colRange
    : colRef DOUBLE_PERIOD colRef?
    | DOUBLE_PERIOD colRef
    ;

scalar : INTEGER | LONGINTEGER | FLOATNUMBER | DOUBLENUMBER | BIGINTEGERNUMBER | BIGDECIMALNUMBER | STRING | NULL | TRUE | FALSE ;

keyValue : STRING POUND literal ;
literal : scalar | literalMap | literalBag | literalTuple | MINUS (INTEGER | LONGINTEGER | FLOATNUMBER | DOUBLENUMBER | BIGINTEGERNUMBER | BIGDECIMALNUMBER) ;
literalMap : LBRACKET (keyValue (COMMA keyValue)*)? RBRACKET ;
literalBag : LCURLY (literalTuple (COMMA literalTuple)*)? RCURLY ;
literalTuple : LPAREN (literal (COMMA literal)*)? RPAREN ;

relOp
    : NUM_EQ | NUM_NE | NUM_GT | NUM_GTE | NUM_LT | NUM_LTE
    | STR_EQ | STR_NE | STR_GT | STR_GTE | STR_LT | STR_LTE | MATCHES
    ;

// ---------------------------------------------------------------- nested blocks

nestedBlk : (nestedCommand SEMI)* GENERATE flattenGeneratedItem (COMMA flattenGeneratedItem)* SEMI ;

nestedCommand
    : identifierPlus EQUALS nestedOp     # nestedOpCommand
    | identifierPlus EQUALS expr         # nestedExprCommand
    ;

nestedOp
    : FILTER nestedOpInput BY cond                                  # nestedFilter
    | ORDER nestedOpInput BY orderByClause (USING funcClause)?      # nestedSort
    | DISTINCT nestedOpInput                                        # nestedDistinct
    | LIMIT nestedOpInput expr                                      # nestedLimit
    | CROSS nestedOpInput (COMMA nestedOpInput)*                    # nestedCross
    | FOREACH nestedOpInput foreachPlanSimple                       # nestedForeach
    ;

nestedOpInput : colRef (PERIOD (colRef | LPAREN colRef (COMMA colRef)* RPAREN))? ;

// In an expression a function name cannot start with a word that reads as a column or a value
// (Pig's func_name_without_columns): `flatten(x)` in a condition is an error, not a call.
exprFuncName : (identifierPlus | eidWithoutColumns) ((PERIOD eid) | PARAM)* ;

eidWithoutColumns
    : IMPORT | RETURNS | DEFINE | LOAD | FILTER | FOREACH | ROLLUP | ORDER | DISTINCT | COGROUP | JOIN
    | CROSS | UNION | SPLIT | INTO | IF | ALL | AS | BY | USING | INNER | OUTER | PARALLEL | PARTITION
    | AND | OR | GENERATE | ASC | DESC | BIGINTEGER | BIGDECIMAL | DATETIME | CHARARRAY | BYTEARRAY
    | IS | STREAM | THROUGH | STORE | MAPREDUCE | SHIP | CACHE | INPUT | OUTPUT | STDERROR | STDIN
    | STDOUT | LIMIT | SAMPLE | LEFT | RIGHT | FULL | ASSERT | MATCHES
    | STR_EQ | STR_NE | STR_GT | STR_GTE | STR_LT | STR_LTE
    ;

// Function and class names may use keywords (`org.apache.pig.builtin.DISTINCT`), as in Pig's eid.
eid
    : IDENTIFIER | IMPORT | RETURNS | DEFINE | LOAD | FILTER | FOREACH | ROLLUP | ORDER | DISTINCT
    | COGROUP | JOIN | CROSS | UNION | SPLIT | INTO | IF | ALL | AS | BY | USING | INNER | OUTER
    | PARALLEL | PARTITION | AND | OR | GENERATE | ASC | DESC | BIGINTEGER | BIGDECIMAL | DATETIME
    | CHARARRAY | BYTEARRAY | IS | STREAM | THROUGH | STORE | MAPREDUCE | SHIP | CACHE | INPUT | OUTPUT
    | STDERROR | STDIN | STDOUT | LIMIT | SAMPLE | LEFT | RIGHT | FULL | ASSERT | GROUP | CUBE | TRUE
    | FALSE | INT | LONG | FLOAT | DOUBLE | NULL | NOT | FLATTEN | BAG | TUPLE | MAP | BOOLEAN
    | RANK | IN | WHEN | THEN | ELSE | END | MATCHES | STR_EQ | STR_NE | STR_GT | STR_GTE | STR_LT | STR_LTE
    ;

// ---------------------------------------------------------------- lexer

PREPROCESSOR : '%' ('declare' | 'default') [ \t] ~[\r\n]* ;

VOID : 'void' ;
NULL : 'null' ;
IMPORT : 'import' ;
RETURNS : 'returns' ;
DEFINE : 'define' ;
LOAD : 'load' ;
FILTER : 'filter' ;
FOREACH : 'foreach' ;
ORDER : 'order' ;
RANK : 'rank' ;
DENSE : 'dense' ;
CUBE : 'cube' ;
ROLLUP : 'rollup' ;
DISTINCT : 'distinct' ;
COGROUP : 'cogroup' ;
JOIN : 'join' ;
CROSS : 'cross' ;
UNION : 'union' ;
SPLIT : 'split' ;
INTO : 'into' ;
IF : 'if' ;
OTHERWISE : 'otherwise' ;
ALL : 'all' ;
AS : 'as' ;
BY : 'by' ;
USING : 'using' ;
INNER : 'inner' ;
OUTER : 'outer' ;
ONSCHEMA : 'onschema' ;
PARALLEL : 'parallel' ;
PARTITION : 'partition' ;
GROUP : 'group' ;
AND : 'and' ;
OR : 'or' ;
NOT : 'not' ;
GENERATE : 'generate' ;
FLATTEN : 'flatten' ;
ASC : 'asc' ;
DESC : 'desc' ;
BOOLEAN : 'boolean' ;
INT : 'int' ;
LONG : 'long' ;
FLOAT : 'float' ;
DOUBLE : 'double' ;
BIGINTEGER : 'biginteger' ;
BIGDECIMAL : 'bigdecimal' ;
DATETIME : 'datetime' ;
CHARARRAY : 'chararray' ;
BYTEARRAY : 'bytearray' ;
BAG : 'bag' ;
TUPLE : 'tuple' ;
MAP : 'map' ;
IS : 'is' ;
STREAM : 'stream' ;
THROUGH : 'through' ;
STORE : 'store' ;
MAPREDUCE : 'mapreduce' ;
SHIP : 'ship' ;
CACHE : 'cache' ;
INPUT : 'input' ;
OUTPUT : 'output' ;
STDERROR : 'stderr' ;
STDIN : 'stdin' ;
STDOUT : 'stdout' ;
LIMIT : 'limit' ;
SAMPLE : 'sample' ;
LEFT : 'left' ;
RIGHT : 'right' ;
FULL : 'full' ;
TRUE : 'true' ;
FALSE : 'false' ;
CASE : 'case' ;
WHEN : 'when' ;
THEN : 'then' ;
ELSE : 'else' ;
END : 'end' ;
IN : 'in' ;
INVOKE : 'invoke' ;
ASSERT : 'assert' ;
MATCHES : 'matches' ;
STR_EQ : 'eq' ;
STR_NE : 'neq' ;
STR_GT : 'gt' ;
STR_GTE : 'gte' ;
STR_LT : 'lt' ;
STR_LTE : 'lte' ;

FAT_ARROW : '=>' ;
NUM_EQ : '==' ;
NUM_NE : '!=' ;
NUM_LTE : '<=' ;
NUM_GTE : '>=' ;
NUM_LT : '<' ;
NUM_GT : '>' ;
EQUALS : '=' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
DIV : '/' ;
PERCENT : '%' ;
QUESTION : '?' ;
DOUBLE_COLON : '::' ;
COLON : ':' ;
SEMI : ';' ;
COMMA : ',' ;
DOUBLE_PERIOD : '..' ;
PERIOD : '.' ;
POUND : '#' ;
ARROBA : '@' ;
AMPERSAND : '&' ;
LPAREN : '(' ;
RPAREN : ')' ;
LCURLY : '{' ;
RCURLY : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;

DOLLARVAR : '$' [0-9]+ ;
PARAM : '$' [a-z_] [a-z0-9_]* | '${' [a-z_] [a-z0-9_]* '}' ;

fragment DIGITS : [0-9]+ ;
fragment EXPONENT : 'e' [+-]? DIGITS ;
fragment FLOATING : DIGITS '.' DIGITS EXPONENT? | '.' DIGITS EXPONENT? | DIGITS EXPONENT ;

BIGINTEGERNUMBER : DIGITS 'bi' ;
BIGDECIMALNUMBER : (FLOATING | DIGITS) 'bd' ;
LONGINTEGER : DIGITS 'l' ;
FLOATNUMBER : (FLOATING | DIGITS) 'f' ;
DOUBLENUMBER : FLOATING ;
INTEGER : DIGITS ;

STRING : '\'' ( '\\' ~[\r\n] | ~['\\\r\n] )* '\'' ;
MULTILINE_STRING : '\'' ( '\\' . | ~['\\] )* '\'' ;

EXECCOMMAND : '`' ~[`]* '`' ;

// Pig identifiers start with a letter; `a::b` is one name (the :: disambiguates join/cogroup inputs).
IDENTIFIER : [a-z] [a-z0-9_]* ('::' [a-z] [a-z0-9_]*)* ;

LINE_COMMENT : '--' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS : [ \t\r\n\f]+ -> channel(HIDDEN) ;

// Anything else is reported by the parser as an unexpected character, with its position.
UNEXPECTED : . ;
