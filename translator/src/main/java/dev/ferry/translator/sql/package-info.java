/**
 * The SqlJob IR: a typed relational plan of one Flink SQL batch job (tables, one view per Pig
 * alias, inserts), built from Pig by the translator and printed as Flink SQL by the generator.
 */
package dev.ferry.translator.sql;
