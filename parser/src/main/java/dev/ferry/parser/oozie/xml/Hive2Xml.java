package dev.ferry.parser.oozie.xml;

/** {@code <hive2>}, uri:oozie:hive2-action 0.1-1.0: a hive action run through beeline. */
public interface Hive2Xml extends HiveXml {
    String getJdbcUrl();

    String getPassword();
}
