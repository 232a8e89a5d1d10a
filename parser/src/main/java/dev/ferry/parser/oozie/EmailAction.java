package dev.ferry.parser.oozie;

import dev.ferry.diagnostics.SourceSpan;
import java.util.List;

/**
 * An {@code <email>} action (uri:oozie:email-action:0.1/0.2). Absent optional fields are null.
 *
 * @param attachments the comma-separated {@code <attachment>} text, split and trimmed
 */
public record EmailAction(
        SourceSpan span,
        String to,
        String cc,
        String bcc,
        String subject,
        String body,
        String contentType,
        List<String> attachments)
        implements Action {

    public EmailAction {
        attachments = List.copyOf(attachments);
    }

    @Override
    public String type() {
        return "email";
    }
}
