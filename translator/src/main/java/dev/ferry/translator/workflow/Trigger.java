package dev.ferry.translator.workflow;

/** How often a coordinator fires, in the two shapes Airflow's trigger timetables take. */
public sealed interface Trigger {

    String describe();

    /** A Unix cron evaluated in {@code timezone}: Airflow's CronTriggerTimetable. */
    record Cron(String expression, String timezone) implements Trigger {
        @Override
        public String describe() {
            return "cron `" + expression + "` in " + timezone;
        }
    }

    /**
     * Every {@code amount} {@code unit}s from the start time: Airflow's DeltaTriggerTimetable. Used when the
     * frequency does not divide an hour, a day or a year evenly (coord:days(2), coord:hours(5), 45 minutes).
     *
     * @param unit minutes, days or months (hours are minutes, as in Oozie)
     */
    record Every(int amount, Unit unit) implements Trigger {
        @Override
        public String describe() {
            return "every " + amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT) + " from the start";
        }
    }

    /**
     * No schedule of its own: the coordinator's frequency is a property given when it is submitted ({@code
     * frequency="${freq}"}, {@code ${coord:days(n)}} with {@code n} defined by no file of the repository), so the
     * DAG runs when triggered (Airflow's {@code schedule=None}) until the team sets the schedule.
     *
     * @param property the property the frequency needs
     */
    record Manual(String property) implements Trigger {
        @Override
        public String describe() {
            return "none, triggered by hand (the frequency is the property " + property + ", given at submission)";
        }
    }

    /** The units of an {@link Every} trigger. */
    enum Unit {
        MINUTES,
        DAYS,
        MONTHS
    }
}
