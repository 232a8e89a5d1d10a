/**
 * Pig Latin front end: an ANTLR4 grammar of our own and the immutable AST it builds, every node
 * carrying its source span. Parameters stay symbolic; they are bound when the translated job runs.
 */
package dev.ferry.parser.pig;
