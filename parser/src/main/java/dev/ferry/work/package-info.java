/**
 * Running independent pieces of a conversion (one application's translation, one DAG's files) on the machine's
 * cores while keeping the output independent of thread timing; it depends on nothing else of Ferry.
 */
package dev.ferry.work;
