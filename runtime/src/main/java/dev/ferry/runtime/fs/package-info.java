/** The local file system a job reads through: local files in blocks, as Hadoop reports them, so a large local input
 *  is several splits that the source's tasks share. */
package dev.ferry.runtime.fs;
