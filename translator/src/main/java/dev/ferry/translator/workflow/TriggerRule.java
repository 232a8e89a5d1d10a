package dev.ferry.translator.workflow;

/** When a task runs, given its upstream tasks' states; a task without one has Airflow's default (all_success). */
public enum TriggerRule {
    /**
     * A node several Oozie paths lead to (other than a join) runs when the first of them arrives: the others were
     * skipped, none failed.
     */
    NONE_FAILED_MIN_ONE_SUCCESS
}
