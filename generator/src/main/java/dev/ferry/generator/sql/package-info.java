/**
 * Prints the SqlJob IR as Flink SQL in one consistent layout: identifiers quoted only where Flink
 * needs it, operators parenthesised by precedence, one view per Pig alias with its source line.
 */
package dev.ferry.generator.sql;
