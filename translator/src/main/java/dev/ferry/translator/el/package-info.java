/**
 * Translates Oozie EL into Jinja for Airflow templated fields, over the runtime's wf/coord/fs/hadoop/fn helpers, its
 * el.* operators with JSP EL's coercions and DAG params, and folds EL to constants where a value must be known at
 * conversion time.
 */
package dev.ferry.translator.el;
