package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.ActionNode;
import java.util.Locale;

/**
 * An action's {@code retry-max}, {@code retry-interval} and {@code retry-policy} → its {@link RetryPolicy}, as
 * Oozie's LiteWorkflowStoreService reads them: no retry-max means no user retry; a retry-max above
 * {@code oozie.service.LiteWorkflowStoreService.user.retry.max} (3 by default) is capped to it; no
 * retry-interval means {@code user.retry.inteval} (10 minutes); the policy is periodic unless it says
 * exponential.
 */
final class RetryPolicies {

    /** oozie-default.xml: oozie.service.LiteWorkflowStoreService.user.retry.max. */
    static final int OOZIE_MAX = 3;
    /** oozie-default.xml: oozie.service.LiteWorkflowStoreService.user.retry.inteval (minutes). */
    static final int OOZIE_INTERVAL_MINUTES = 10;

    /** The node's retry policy, or null when it retries nothing (no retry-max, or 0). */
    static RetryPolicy of(ActionNode node, Diagnostics diagnostics) {
        if (node.retryMax() == null) {
            return null;
        }
        int max = node.retryMax();
        if (max > OOZIE_MAX) {
            diagnostics.report(
                    DiagnosticCode.OOZ_W001,
                    node.span(),
                    "retry-max=" + max + " of '" + node.name() + "' is capped to " + OOZIE_MAX
                            + ", as Oozie caps it to oozie.service.LiteWorkflowStoreService.user.retry.max (default 3)",
                    "if your oozie-site.xml raises user.retry.max, raise `retries` on the task by hand");
            max = OOZIE_MAX;
        }
        if (max <= 0) {
            return null;
        }
        int interval = node.retryInterval() == null ? OOZIE_INTERVAL_MINUTES : node.retryInterval();
        boolean exponential = node.retryPolicy() != null
                && node.retryPolicy().trim().toLowerCase(Locale.ROOT).equals("exponential");
        return new RetryPolicy(max, interval, exponential);
    }

    private RetryPolicies() {}
}
