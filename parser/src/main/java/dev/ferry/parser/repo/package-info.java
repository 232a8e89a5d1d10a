/**
 * The legacy repository as a boundary: every file an input names is resolved here, symbolic links
 * included, and read only when it lies under the repository root.
 */
package dev.ferry.parser.repo;
