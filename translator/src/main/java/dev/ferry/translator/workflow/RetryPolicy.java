package dev.ferry.translator.workflow;

/**
 * How an action is retried (IR; {@link RetryPolicies} reads it from the action's {@code retry-*}
 * attributes as Oozie does).
 *
 * @param max             retries after the first attempt (Airflow's {@code retries})
 * @param intervalMinutes minutes between attempts (Airflow's {@code retry_delay})
 * @param exponential     retry-policy="exponential": the interval doubles with every retry
 */
public record RetryPolicy(int max, int intervalMinutes, boolean exponential) {}
