package dev.ferry.runtime.format;

import org.joda.time.DateTimeZone;

/** Pig's default time zone, in which datetimes are read, written and split into fields. */
public final class PigZone {

    private PigZone() {}

    /** The {@code pig.datetime.default.tz} property, else the JVM's zone (Pig's own rule). */
    public static DateTimeZone defaultZone() {
        String zone = System.getProperty("pig.datetime.default.tz");
        return zone == null || zone.isEmpty() ? DateTimeZone.getDefault() : DateTimeZone.forID(zone);
    }
}
