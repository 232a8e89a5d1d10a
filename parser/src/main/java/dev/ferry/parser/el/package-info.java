/**
 * Oozie EL front end: splits text into literal parts and ${...} expressions and parses each expression
 * with the compiled ANTLR4 grammar OozieEl.g4 into an immutable AST whose nodes carry source spans.
 */
package dev.ferry.parser.el;
