/**
 * The conversion report: what was generated from which input, and every diagnostic as a TODO
 * pointing at file:line:col, so nothing the translation could not carry is lost.
 */
package dev.ferry.generator.report;
