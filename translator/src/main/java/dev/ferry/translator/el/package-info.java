/**
 * Lowers Oozie EL to a typed runtime-call tree ({@link dev.ferry.translator.el.Template},
 * {@link dev.ferry.translator.el.RuntimeExpr}) over the runtime's wf/coord/fs/hadoop/fn helpers and its EL operators
 * with JSP EL's coercions, which the generator prints; and folds EL to constants where a value must be known at
 * conversion time.
 */
package dev.ferry.translator.el;
