package dev.ferry.parser.oozie.xml;

/** {@code <email>}, uri:oozie:email-action 0.1-0.2. */
public interface EmailXml {
    String getTo();

    String getCc();

    /** Since 0.2. */
    default String getBcc() {
        return null;
    }

    String getSubject();

    String getBody();

    /** Since 0.2. */
    default String getContentType() {
        return null;
    }

    /** Since 0.2. */
    default String getAttachment() {
        return null;
    }
}
