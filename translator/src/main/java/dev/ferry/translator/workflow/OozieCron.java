package dev.ferry.translator.workflow;

import com.cronutils.mapper.CronMapper;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.parser.CronParser;
import java.util.Optional;

/**
 * An Oozie cron frequency (coordinator 0.2+: five fields, Quartz's meaning: day-of-week 1-7 = SUN-SAT,
 * {@code ?}, {@code L}, {@code W}, {@code #}) → a Unix cron for Airflow, through cron-utils' Quartz → Unix mapper.
 *
 * <p>Oozie (CoordCommandUtils.getNextValidActionTimeForCronFrequency) prefixes the seconds field and, since
 * Quartz cannot restrict day-of-month and day-of-week together, replaces a {@code *} in one of them by
 * {@code ?}; when both are restricted it evaluates one expression per field and takes the earlier time — a
 * day matching either field, which is exactly Unix cron's rule. Oozie evaluates the cron in its processing
 * timezone (UTC), never in the coordinator's timezone.
 */
final class OozieCron {

    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private OozieCron() {}

    /** True when the frequency has cron's five fields (Oozie's own test: not an integer, not EL). */
    static boolean looksLikeCron(String frequency) {
        return !frequency.contains("${") && frequency.trim().split("\\s+").length == 5;
    }

    /** The Unix cron, or empty with the reason when cron-utils rejects the expression or Unix cron cannot say it. */
    static Optional<String> toUnix(String frequency, StringBuilder reason) {
        String[] fields = frequency.trim().split("\\s+");
        String dayOfMonth = fields[2];
        String dayOfWeek = fields[4];
        try {
            if (!dayOfMonth.equals("?") && !dayOfWeek.equals("?")) {
                if (dayOfMonth.equals("*") || dayOfWeek.equals("*")) {
                    if (dayOfMonth.equals("*")) {
                        fields[2] = "?";
                    } else {
                        fields[4] = "?";
                    }
                } else {
                    // Both restricted: map each half, then join them; Unix cron ORs the two day fields.
                    String[] byMonthDay = fields.clone();
                    byMonthDay[4] = "?";
                    String[] byWeekDay = fields.clone();
                    byWeekDay[2] = "?";
                    Cron monthDays = unix(byMonthDay);
                    Cron weekDays = unix(byWeekDay);
                    return Optional.of(String.join(
                            " ",
                            field(monthDays, CronFieldName.MINUTE),
                            field(monthDays, CronFieldName.HOUR),
                            field(monthDays, CronFieldName.DAY_OF_MONTH),
                            field(monthDays, CronFieldName.MONTH),
                            field(weekDays, CronFieldName.DAY_OF_WEEK)));
                }
            }
            return Optional.of(unix(fields).asString());
        } catch (IllegalArgumentException e) {
            reason.append(e.getMessage());
            return Optional.empty();
        }
    }

    private static Cron unix(String[] fields) {
        Cron quartz = QUARTZ.parse("0 " + String.join(" ", fields));
        quartz.validate();
        Cron unix = CronMapper.fromQuartzToUnix().map(quartz);
        String text = unix.asString();
        if (text.contains("L") || text.contains("W") || text.contains("#")) {
            throw new IllegalArgumentException("'" + text + "' uses L, W or #, which Unix cron does not have");
        }
        return unix;
    }

    private static String field(Cron cron, CronFieldName name) {
        return cron.retrieve(name).getExpression().asString();
    }
}
