/**
 * Registers in the Hive metastore the partitions a translated HCatStorer STORE wrote, as HCatStorer's commit does:
 * a partition commit policy of Flink's filesystem sink.
 */
package dev.ferry.runtime.hcatalog;
