package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;

/**
 * Any other action (shell, java, map-reduce, hive, hive2, sqoop, spark, ssh, distcp, sub-workflow...):
 * its whole element is kept so later translations can read it.
 */
public record GenericAction(String type, String namespace, SourceSpan span, XmlElement element) implements Action {}
