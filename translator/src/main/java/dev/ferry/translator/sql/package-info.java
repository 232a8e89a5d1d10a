/**
 * The SqlJob IR: a typed relational plan of one Flink SQL batch job (tables, one view per Pig
 * alias, inserts), built from Pig by the translator and printed as Flink SQL by the generator.
 *
 * <p>Decision (2026-12, issue 15): the SQL tree is ours, not Flink's {@code SqlNode}. Calcite's
 * {@code SqlPrettyWriter} in Flink's dialect quotes every identifier, parenthesises every operand
 * and prints no comments, so the output would stop reading as written by hand (one view per alias,
 * {@code -- file.pig:LINE}); and a {@code SqlNode} tree in the translator would put Flink's parser
 * and Calcite on the translator's classpath and SQL syntax into the IR. Instead this small tree
 * holds only what Pig needs (nested queries, UNNEST, UNION ALL, windows, grouping sets, ROW/ARRAY/
 * MAP types), the generator prints it, and the tests parse and plan every printed statement with
 * Flink's own parser and planner (the differential tests run them).
 */
package dev.ferry.translator.sql;
