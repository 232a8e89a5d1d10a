package dev.ferry.translator.workflow;

/**
 * One Oozie SLA check as an Airflow 3 deadline alert: the run must have finished {@code minutes} after its
 * {@code reference}, else the callback reports the miss to {@code contact}.
 *
 * @param event     Oozie's alert event
 * @param reference what the minutes count from
 */
public record SlaAlert(Event event, Reference reference, int minutes, String contact, String message) {

    /** Oozie's SLA events (sla:info alert-events). */
    public enum Event {
        START_MISS,
        END_MISS,
        DURATION_MISS
    }

    /**
     * What an SLA's minutes count from, in Airflow's terms: the translator maps Oozie's SLA times onto them, the
     * generator prints the deadline references by name ({@code DeadlineReference.<name>}).
     */
    public enum Reference {
        /** The run's logical date, which is Oozie's nominal time (should-end). */
        DAGRUN_LOGICAL_DATE,
        /** When the run was queued, standing in for when the action started (max-duration). */
        DAGRUN_QUEUED_AT,
        /**
         * The start of the workflow's first task, which no deadline alert can watch: that task checks should-start
         * when it starts ({@code oozie.start_sla}).
         */
        FIRST_TASK_START
    }

    public boolean isDeadline() {
        return reference != Reference.FIRST_TASK_START;
    }
}
