/**
 * What every writer of the generator shares: the FreeMarker set-up ({@link dev.ferry.generator.text.Templates}) and
 * text made safe for a comment line ({@link dev.ferry.generator.text.CommentText}). It imports no other generator
 * package, so the writers and the package that drives them never depend on each other in a circle.
 */
package dev.ferry.generator.text;
