/**
 * The {@code ferry} command line: convert a legacy Oozie + Pig repository into a migrated one,
 * or check that it converts cleanly, printing compiler-style diagnostics.
 */
package dev.ferry.cli;
