package dev.ferry.translator.workflow;

/**
 * One Oozie SLA check as an Airflow 3 deadline alert: the run must have finished {@code minutes} after its
 * {@code reference} ({@code logical_date} = Oozie's nominal time, {@code queued_at} ≈ when the action started),
 * else the callback reports the miss to {@code contact}.
 *
 * @param event Oozie's alert event: {@code START_MISS} (should-start), {@code END_MISS} (should-end) or
 *              {@code DURATION_MISS} (max-duration)
 * @param reference {@code logical_date}, {@code queued_at}, or {@link #RUN_START} for should-start, which no
 *                  deadline alert can watch: the workflow's first task checks it when it starts
 */
public record SlaAlert(String event, String reference, int minutes, String contact, String message) {

    /** Checked by the workflow's first task when it starts ({@code oozie.start_sla}), not a deadline alert. */
    public static final String RUN_START = "run_start";

    public boolean isDeadline() {
        return !reference.equals(RUN_START);
    }
}
