/**
 * The one diagnostic type every stage reports through: code, severity, source span, message, hint.
 * The codes and what they mean are listed in {@link dev.ferry.diagnostics.DiagnosticCode}.
 */
package dev.ferry.diagnostics;
