/**
 * Oozie workflow/coordinator XML (every version, hardened), job.properties and config-default.xml as immutable
 * records with source spans: a hand-mapped stand-in for the JAXB classes xjc will generate from oozie-client's XSDs.
 */
package dev.ferry.parser.oozie;
