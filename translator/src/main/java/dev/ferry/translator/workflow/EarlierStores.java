package dev.ferry.translator.workflow;

import dev.ferry.translator.el.Template;
import dev.ferry.translator.pig.SchemaFiles;
import dev.ferry.translator.sql.SqlJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The .pig_schema files the Pig actions that ran before an action wrote (a STORE with PigStorage '-schema' or
 * JsonStorage): Pig reads the one of a LOAD's path when it parses the script, so a LOAD without AS of a path such an
 * action stored is typed by what that STORE wrote. The paths are compared as the templates each run evaluates (the
 * actions' {@code <param>} values and the scripts' {@code %default}s put in): the same text, the same path.
 */
final class EarlierStores {

    /** A parameter as the Pig translation leaves it in a path. */
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private EarlierStores() {}

    /** The schema files of {@code jobs}' STOREs, for LOADs of an action whose parameters have {@code values}. */
    static SchemaFiles of(Map<String, Template> values, List<TaskNode.FlinkJob> jobs) {
        return (location, span) -> {
            Optional<Template> loaded = template(location, values);
            if (loaded.isEmpty()) {
                return Optional.empty();
            }
            for (TaskNode.FlinkJob job : jobs) {
                for (SqlJob.Table sink : job.job().sinks()) {
                    SqlJob.SchemaFiles written =
                            sink.partFiles() == null ? null : sink.partFiles().schemaFiles();
                    if (written != null && template(sink.path(), job.params()).equals(loaded)) {
                        return Optional.of(new SchemaFiles.Found(
                                SchemaFiles.fields(written, span),
                                "the .pig_schema of the STORE at " + sink.span() + " (action '" + job.id() + "')"));
                    }
                }
            }
            return Optional.empty();
        };
    }

    /** The path with each {@code ${NAME}} its value's template, without a trailing slash; empty when a name has none. */
    private static Optional<Template> template(String path, Map<String, Template> values) {
        Matcher m = PARAMETER.matcher(path);
        List<Template.Part> parts = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            Template value = values.get(m.group(1));
            if (value == null) {
                return Optional.empty();
            }
            parts.add(new Template.Text(path.substring(last, m.start())));
            parts.addAll(value.parts());
            last = m.end();
        }
        parts.add(new Template.Text(path.substring(last)));
        List<Template.Part> merged = new ArrayList<>(new Template(parts).parts());
        // A directory named with a trailing slash is the same directory.
        if (!merged.isEmpty()
                && merged.get(merged.size() - 1) instanceof Template.Text text
                && text.text().length() > 1
                && text.text().endsWith("/")) {
            merged.set(
                    merged.size() - 1,
                    new Template.Text(text.text().substring(0, text.text().length() - 1)));
        }
        return Optional.of(new Template(merged));
    }
}
