package dev.ferry.translator.workflow;

import dev.ferry.translator.el.Template;
import java.util.List;

/**
 * A coordinator's datasets and data events, as the runtime resolves them per run from the nominal time
 * (ferry_runtime.el.datasets). Empty lists when the coordinator has none.
 *
 * @param startNode      the workflow's first node: the input sensors run before it
 * @param timeoutMinutes how long a run waits for its inputs (Oozie's {@code <timeout>}); null = forever
 */
public record CoordinatorData(
        String startNode,
        List<DatasetSpec> datasets,
        List<DataInput> inputs,
        List<LogicNode> logic,
        List<DataOutput> outputs,
        Integer timeoutMinutes) {

    public CoordinatorData {
        datasets = List.copyOf(datasets);
        inputs = List.copyOf(inputs);
        logic = List.copyOf(logic);
        outputs = List.copyOf(outputs);
    }

    public static CoordinatorData none(String startNode) {
        return new CoordinatorData(startNode, List.of(), List.of(), List.of(), List.of(), null);
    }

    public boolean isEmpty() {
        return datasets.isEmpty() && inputs.isEmpty() && outputs.isEmpty();
    }

    /**
     * A {@code <dataset>}: instances at initialInstance + k × frequency, in {@code timezone}'s calendar.
     *
     * @param unit        {@code minute}, {@code day} or {@code month} (Oozie's hours are 60 minutes)
     * @param endOf       true for coord:endOfDays/endOfMonths (instances at the end of the day/month)
     * @param uriTemplate the EL of the template lowered, with Oozie's {@code ${YEAR}} ... {@code ${MINUTE}} left in
     *                    its text for the runtime to fill per instance
     * @param doneFlag    the file that marks an instance complete; "" = the directory itself
     * @param defaultFs   the file system a URI without a scheme is on (the workflow's name-node, standing in for the
     *                    Oozie server's fs.defaultFS), else null: such a URI is then a path of the worker's
     */
    public record DatasetSpec(
            String name,
            int frequency,
            String unit,
            boolean endOf,
            String initialInstance,
            String timezone,
            Template uriTemplate,
            String doneFlag,
            Template defaultFs) {

        public DatasetSpec(
                String name,
                int frequency,
                String unit,
                boolean endOf,
                String initialInstance,
                String timezone,
                Template uriTemplate,
                String doneFlag) {
            this(name, frequency, unit, endOf, initialInstance, timezone, uriTemplate, doneFlag, null);
        }

        public DatasetSpec withDefaultFs(Template fs) {
            return new DatasetSpec(name, frequency, unit, endOf, initialInstance, timezone, uriTemplate, doneFlag, fs);
        }
    }

    /**
     * This data with the datasets whose URIs have no scheme on {@code fs}: those whose template starts with a '/'
     * (one that starts with a value, {@code ${nameNode}/...}, takes its scheme from it).
     */
    public CoordinatorData withDefaultFs(Template fs) {
        return new CoordinatorData(
                startNode,
                datasets.stream()
                        .map(d -> !d.uriTemplate().parts().isEmpty()
                                        && d.uriTemplate().parts().get(0) instanceof Template.Text t
                                        && t.text().startsWith("/")
                                        && !t.text().startsWith("//")
                                ? d.withDefaultFs(fs)
                                : d)
                        .toList(),
                inputs,
                logic,
                outputs,
                timeoutMinutes);
    }

    /**
     * One instance expression: {@code current(n)}, {@code offset(n, unit)}, {@code latest(n)}, {@code future(n, limit)}.
     * Its n is the constant {@code n} plus the {@code terms} Oozie computes per run ({@code coord:daysInMonth(0) * 24 - 1}
     * is n = -1 and one term 24 × daysInMonth(0)).
     *
     * @param unit  offset's time unit (MINUTE, HOUR, DAY, MONTH, YEAR), else null
     * @param limit future's look-ahead limit, else null
     */
    public record Instance(Function function, int n, OffsetUnit unit, Integer limit, List<CalendarTerm> terms) {
        public Instance {
            terms = List.copyOf(terms);
        }

        public Instance(Function function, int n, OffsetUnit unit, Integer limit) {
            this(function, n, unit, limit, List.of());
        }
    }

    /** {@code factor} × {@code coord:daysInMonth(k)} or {@code coord:hoursInDay(k)}. */
    public record CalendarTerm(CalendarCount count, int k, int factor) {}

    /**
     * The coord: functions that count days or hours of the calendar at the run's nominal time moved k dataset
     * periods, in the dataset's time zone (CoordELFunctions.ph2_coord_daysInMonth / ph2_coord_hoursInDay).
     */
    public enum CalendarCount {
        DAYS_IN_MONTH("daysInMonth"),
        HOURS_IN_DAY("hoursInDay");

        private final String elName;

        CalendarCount(String elName) {
            this.elName = elName;
        }

        /** The function's EL name ({@code daysInMonth}). */
        public String elName() {
            return elName;
        }
    }

    /** The coord: functions naming dataset instances. */
    public enum Function {
        CURRENT,
        LATEST,
        OFFSET,
        FUTURE;

        /** The function's EL name ({@code current}). */
        public String elName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The time units of {@code coord:offset(n, unit)}. */
    public enum OffsetUnit {
        MINUTE,
        HOUR,
        DAY,
        MONTH,
        YEAR
    }

    /** A {@code <data-in>}: single instances, or a start/end range (then {@code instances} is empty). */
    public record DataInput(String name, String dataset, List<Instance> instances, Instance start, Instance end) {
        public DataInput {
            instances = List.copyOf(instances);
        }
    }

    /**
     * An element of a coordinator 0.5 {@code <input-logic>}, as written (the top-level ones in {@link #logic()}):
     * the runtime (ferry_runtime.el.input_logic) evaluates the tree as Oozie does, min/wait propagation included,
     * so the attributes stay on the element that carries them (null when absent).
     */
    public sealed interface LogicNode permits LogicOperator, LogicDataIn {
        String name();
    }

    /** {@code <and>}, {@code <or>} or {@code <combine>} (whose children are all {@link LogicDataIn}). */
    public record LogicOperator(LogicKind kind, String name, Integer min, Integer waitMinutes, List<LogicNode> children)
            implements LogicNode {
        public LogicOperator {
            children = List.copyOf(children);
        }
    }

    /** The operators of {@code <input-logic>}. */
    public enum LogicKind {
        AND,
        OR,
        COMBINE;

        /** The element's name ({@code and}). */
        public String elementName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code <data-in dataset="X"/>}: X names a {@code <data-in>} of {@code <input-events>}. */
    public record LogicDataIn(String dataIn, String name, Integer min, Integer waitMinutes) implements LogicNode {}

    /** A {@code <data-out>}: one instance, published as an Airflow asset when the run succeeds. */
    public record DataOutput(String name, String dataset, Instance instance, boolean nocleanup) {}
}
