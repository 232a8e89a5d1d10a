/**
 * Pig Latin front end: an ANTLR4 grammar for the whole of Pig Latin 0.18 and the immutable AST it
 * builds, every node carrying its source span. {@link dev.ferry.parser.pig.PigParser} parses one
 * text with parameters left symbolic (bound when the translated job runs);
 * {@link dev.ferry.parser.pig.PigLoader} adds IMPORT, macro expansion and, when values are given,
 * Pig's parameter substitution ({@link dev.ferry.parser.pig.PigParameters}).
 */
package dev.ferry.parser.pig;
