package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElExpr;
import dev.ferry.parser.el.ElExpr.FunctionCall;
import dev.ferry.parser.el.ElExpr.Identifier;
import dev.ferry.parser.el.ElExpr.Literal;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElPart.ElExpression;
import dev.ferry.parser.el.ElTemplate;
import java.util.Map;
import java.util.Optional;

/**
 * A coordinator or dataset frequency as Oozie's CoordELFunctions reads it: {@code coord:minutes(n)} and
 * {@code coord:hours(n)} are n (×60) minutes of absolute time; {@code coord:days(n)} and {@code coord:months(n)}
 * are calendar units in the app's timezone (a day is 23 or 25 hours across DST, the wall-clock time stays);
 * {@code coord:endOfDays/endOfWeeks/endOfMonths(n)} are the same units with instances moved to the end of the
 * period (DateUtils.moveToEnd); a plain number is minutes.
 *
 * @param unit {@code minute}, {@code day}, {@code week} or {@code month}
 */
record OozieFrequency(int amount, String unit, boolean endOf) {

    private static final Map<String, OozieFrequency> PER_ONE = Map.of(
            "coord:minutes", new OozieFrequency(1, "minute", false),
            "coord:hours", new OozieFrequency(60, "minute", false),
            "coord:days", new OozieFrequency(1, "day", false),
            "coord:months", new OozieFrequency(1, "month", false),
            "coord:endOfDays", new OozieFrequency(1, "day", true),
            "coord:endOfWeeks", new OozieFrequency(1, "week", true),
            "coord:endOfMonths", new OozieFrequency(1, "month", true));

    /** The frequency, with {@code ${name}} arguments and whole-value references resolved from {@code known}. */
    static Optional<OozieFrequency> parse(String text, Map<String, String> known) {
        return parse(text, known, 0);
    }

    private static Optional<OozieFrequency> parse(String text, Map<String, String> known, int depth) {
        String trimmed = text.trim();
        if (trimmed.matches("\\d+")) {
            return positive(Integer.parseInt(trimmed)).map(n -> new OozieFrequency(n, "minute", false));
        }
        if (depth > 8) {
            return Optional.empty();
        }
        Optional<ElTemplate> template = ElParser.parse(trimmed, SourceSpan.file("frequency"), new Diagnostics());
        if (template.isEmpty()
                || template.get().parts().size() != 1
                || !(template.get().parts().get(0) instanceof ElExpression expression)) {
            return Optional.empty();
        }
        ElExpr expr = expression.expr();
        if (expr instanceof Identifier id && known.containsKey(id.name())) {
            return parse(known.get(id.name()), known, depth + 1);
        }
        if (expr instanceof FunctionCall call
                && PER_ONE.containsKey(call.qualifiedName())
                && call.arguments().size() == 1) {
            OozieFrequency one = PER_ONE.get(call.qualifiedName());
            return integer(call.arguments().get(0), known)
                    .flatMap(OozieFrequency::positive)
                    .map(n -> new OozieFrequency(one.amount * n, one.unit, one.endOf));
        }
        return Optional.empty();
    }

    private static Optional<Integer> integer(ElExpr argument, Map<String, String> known) {
        String value = null;
        if (argument instanceof Literal l && l.kind() == Literal.Kind.INTEGER) {
            value = l.value();
        } else if (argument instanceof Identifier id) {
            value = known.get(id.name());
        }
        return value != null && value.trim().matches("\\d+")
                ? Optional.of(Integer.parseInt(value.trim()))
                : Optional.empty();
    }

    private static Optional<Integer> positive(int n) {
        return n > 0 ? Optional.of(n) : Optional.empty();
    }
}
