/**
 * Translates Oozie EL into Jinja for Airflow templated fields, over the runtime's wf/coord/fn helpers and
 * DAG params, and folds EL to constants where a value must be known at conversion time.
 */
package dev.ferry.translator.el;
