package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.XmlElement;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <map-reduce>}: the job configuration is the action's (mapper/reducer classes, input/output dirs)
 * submitted with {@code mapred job -submit action.xml}, and the pod waits for the job to end, as Oozie's
 * MapReduceMain submits and Oozie polls. {@code <streaming>} and {@code <pipes>} preset the properties
 * Oozie's StreamingMain and PipesMain set; a custom {@code oozie.launcher.action.main.class} runs as a java main.
 */
final class MapReduceActionCommand implements PodCommand {

    static final String CUSTOM_MAIN = "oozie.launcher.action.main.class";
    /** Tells the runtime's pod prelude to wait for the job {@code mapred job -submit} printed. */
    static final String WAIT_ENV = "FERRY_WAIT_FOR_MAPREDUCE_JOB";

    /** {@code <streaming>} child → the property Oozie's StreamingMain sets from it. */
    private static final Map<String, String> STREAMING = Map.of(
            "mapper", "stream.map.streamprocessor",
            "reducer", "stream.reduce.streamprocessor",
            "record-reader", "stream.recordreader.class");

    /** StreamingMain's fixed settings, overridden by the action configuration. */
    private static final Map<String, String> STREAMING_PRESET = Map.of(
            "mapred.mapper.class", "org.apache.hadoop.streaming.PipeMapper",
            "mapred.reducer.class", "org.apache.hadoop.streaming.PipeReducer",
            "mapred.map.runner.class", "org.apache.hadoop.streaming.PipeMapRunner",
            "mapred.input.format.class", "org.apache.hadoop.mapred.TextInputFormat",
            "mapred.output.format.class", "org.apache.hadoop.mapred.TextOutputFormat",
            "mapred.output.value.class", "org.apache.hadoop.io.Text",
            "mapred.output.key.class", "org.apache.hadoop.io.Text",
            "mapred.create.symlink", "yes",
            "mapred.used.genericoptionsparser", "true");

    /** {@code <pipes>} child → the class property PipesMain sets, and the "java" flag it turns on. */
    private static final Map<String, List<String>> PIPES = Map.of(
            "map", List.of("mapred.mapper.class", "hadoop.pipes.java.mapper"),
            "reduce", List.of("mapred.reducer.class", "hadoop.pipes.java.reducer"),
            "inputformat", List.of("mapred.input.format.class", "hadoop.pipes.java.recordreader"),
            "partitioner", List.of("mapred.partitioner.class", ""),
            "writer", List.of("mapred.output.format.class", "hadoop.pipes.java.recordwriter"),
            "program", List.of("hadoop.pipes.executable", ""));

    @Override
    public String imageNeeds() {
        return "a Hadoop client configured for the cluster (mapred on PATH) and the workflow's lib/ jars in "
                + PodCommandContext.APP_LIB;
    }

    @Override
    public Optional<String> libJarsHint() {
        return Optional.of("; the job's tasks also need them: set mapreduce.job.jar (or tmpjars) to their HDFS path");
    }

    @Override
    public void build(PodCommandContext context) {
        Template customMain = context.configuration.get(CUSTOM_MAIN);
        Optional<XmlElement> streaming = context.element.child("streaming");
        Optional<XmlElement> pipes = context.element.child("pipes");
        if (customMain != null) {
            context.command.addAll(JavaActionCommand.jvm(context, customMain, List.of()));
            return;
        }
        if (context.element.hasChild("config-class")) {
            context.warn(
                    context.span("config-class"),
                    "<config-class> " + context.element.childText("config-class") + " of '" + context.node.name()
                            + "' is not run: its settings are not in action.xml",
                    "run the class once and put the properties it sets into <configuration>");
        }
        if (pipes.isPresent()) {
            PIPES.forEach((child, properties) -> {
                Template value = pipes.get().child(child).map(context::template).orElse(null);
                if (value != null) {
                    context.presetConfiguration.put(properties.get(0), value);
                    if (!properties.get(1).isEmpty()) {
                        context.presetConfiguration.put(properties.get(1), Template.text("true"));
                    }
                }
            });
            context.add("mapred", "pipes", "-conf", PodCommandContext.ACTION_XML);
            return;
        }
        if (streaming.isPresent()) {
            XmlElement s = streaming.get();
            STREAMING_PRESET.forEach((name, value) -> context.presetConfiguration.put(name, Template.text(value)));
            STREAMING.forEach((child, property) ->
                    s.child(child).ifPresent(e -> context.presetConfiguration.put(property, context.template(e))));
            for (XmlElement mapping : s.children("record-reader-mapping")) {
                int eq = mapping.text().indexOf('=');
                if (eq > 0) {
                    context.presetConfiguration.put(
                            "stream.recordreader." + mapping.text().substring(0, eq),
                            context.el.template(mapping.text().substring(eq + 1), mapping.textSpan()));
                }
            }
            List<Template> env = context.texts(s, "env");
            // StreamingMain: stream.addenvironment is the env entries, each followed by a space.
            context.presetConfiguration.put(
                    "stream.addenvironment",
                    TemplateText.concat(env.stream()
                            .flatMap(e -> java.util.stream.Stream.of(e, " "))
                            .toArray()));
        }
        context.add("mapred", "job", "-submit", PodCommandContext.ACTION_XML);
        context.env.put(WAIT_ENV, Template.text("true"));
    }
}
