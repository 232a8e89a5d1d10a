/**
 * The Hive tables a repository's scripts read and write through HCatalog, as the Hive metastore describes them:
 * the columns, partition keys, location and storage that HCatLoader and HCatStorer take from it.
 */
package dev.ferry.parser.hive;
