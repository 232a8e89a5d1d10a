/**
 * Pig Latin to Flink SQL: resolves aliases, schemas and types, applies Pig's semantics (nulls,
 * integer arithmetic, COUNT vs COUNT_STAR, ordering) and produces a {@link dev.ferry.translator.sql.SqlJob}.
 */
package dev.ferry.translator.pig;
