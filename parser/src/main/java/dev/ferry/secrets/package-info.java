/**
 * What marks a secret in input text (a password-like property or parameter name, a password in a URL's user info
 * or query) and its redaction: used by every stage and by every diagnostic, so it depends on nothing else of Ferry.
 */
package dev.ferry.secrets;
