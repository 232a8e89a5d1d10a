package dev.ferry.translator.workflow;

/**
 * One Oozie SLA check as an Airflow 3 deadline alert: the run must have finished {@code minutes} after its
 * {@code reference} ({@code logical_date} = Oozie's nominal time, {@code queued_at} ≈ when the action started),
 * else the callback reports the miss to {@code contact}.
 *
 * @param event Oozie's alert event: {@code END_MISS} (should-end) or {@code DURATION_MISS} (max-duration)
 */
public record SlaAlert(String event, String reference, int minutes, String contact, String message) {}
