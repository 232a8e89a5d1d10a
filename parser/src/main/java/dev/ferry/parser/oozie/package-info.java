/**
 * Oozie workflow/coordinator/bundle XML (every version, hardened), job.properties and config-default.xml as
 * immutable records with source spans, validated against oozie-client's XSDs and checked as Oozie checks graphs.
 * The JAXB classes xjc generates from those XSDs live in {@code dev.ferry.parser.oozie.xml.<family>.v<version>}.
 */
package dev.ferry.parser.oozie;
