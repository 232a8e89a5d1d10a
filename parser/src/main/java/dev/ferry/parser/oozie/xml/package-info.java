/**
 * The version-neutral face of the classes xjc generates from every oozie-client XSD (in the sub-packages, one per
 * namespace): each version's ACTION, JAVA, MAP-REDUCE... implements one interface here (bound in oozie.xjb), and a
 * getter a version lacks is a default method: the version differences, written once.
 */
package dev.ferry.parser.oozie.xml;
