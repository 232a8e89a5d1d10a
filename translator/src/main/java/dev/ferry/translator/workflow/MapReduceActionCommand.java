package dev.ferry.translator.workflow;

import dev.ferry.parser.oozie.ElementText;
import dev.ferry.parser.oozie.MapReduceAction;
import dev.ferry.translator.el.Template;
import dev.ferry.translator.el.TemplateText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code <map-reduce>}: the job configuration is the action's (mapper/reducer classes, input/output dirs)
 * submitted with {@code mapred job -submit action.xml}, and the pod waits for the job to end, as Oozie's
 * MapReduceMain submits and Oozie polls. {@code <streaming>} and {@code <pipes>} preset the properties
 * Oozie's StreamingMain and PipesMain set; a custom {@code oozie.launcher.action.main.class} runs as a java main.
 */
final class MapReduceActionCommand implements PodCommand<MapReduceAction> {

    static final String CUSTOM_MAIN = "oozie.launcher.action.main.class";
    /** Tells the runtime's pod prelude to wait for the job {@code mapred job -submit} printed. */
    static final String WAIT_ENV = "FERRY_WAIT_FOR_MAPREDUCE_JOB";

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

    @Override
    public String imageNeeds(MapReduceAction action) {
        return "a Hadoop client configured for the cluster (mapred on PATH) and the workflow's lib/ jars in "
                + PodCommandContext.APP_LIB;
    }

    @Override
    public Optional<String> libJarsHint() {
        return Optional.of("; the job's tasks also need them: set mapreduce.job.jar (or tmpjars) to their HDFS path");
    }

    @Override
    public void build(PodCommandContext context, MapReduceAction mapReduce) {
        Template customMain = context.configuration.get(CUSTOM_MAIN);
        if (customMain != null) {
            context.command.addAll(JavaActionCommand.jvm(context, null, List.of(), customMain, List.of()));
            return;
        }
        if (mapReduce.configClass() != null) {
            context.warn(
                    mapReduce.configClass().span(),
                    "<config-class> " + mapReduce.configClass().text() + " of '" + context.node.name()
                            + "' is not run: its settings are not in action.xml",
                    "run the class once and put the properties it sets into <configuration>");
        }
        if (mapReduce.pipes() != null) {
            pipes(context, mapReduce.pipes());
            context.add("mapred", "pipes", "-conf", PodCommandContext.ACTION_XML);
            return;
        }
        if (mapReduce.streaming() != null) {
            streaming(context, mapReduce.streaming());
        }
        context.add("mapred", "job", "-submit", PodCommandContext.ACTION_XML);
        context.env.put(WAIT_ENV, Template.text("true"));
    }

    /** The class properties PipesMain sets from {@code <pipes>}, and the "java" flag each turns on. */
    private static void pipes(PodCommandContext context, MapReduceAction.Pipes pipes) {
        preset(context, pipes.map(), "mapred.mapper.class", "hadoop.pipes.java.mapper");
        preset(context, pipes.reduce(), "mapred.reducer.class", "hadoop.pipes.java.reducer");
        preset(context, pipes.inputFormat(), "mapred.input.format.class", "hadoop.pipes.java.recordreader");
        preset(context, pipes.partitioner(), "mapred.partitioner.class", null);
        preset(context, pipes.writer(), "mapred.output.format.class", "hadoop.pipes.java.recordwriter");
        preset(context, pipes.program(), "hadoop.pipes.executable", null);
    }

    /** StreamingMain's fixed settings, then the properties it sets from {@code <streaming>}. */
    private static void streaming(PodCommandContext context, MapReduceAction.Streaming streaming) {
        STREAMING_PRESET.forEach((name, value) -> context.presetConfiguration.put(name, Template.text(value)));
        preset(context, streaming.mapper(), "stream.map.streamprocessor", null);
        preset(context, streaming.reducer(), "stream.reduce.streamprocessor", null);
        preset(context, streaming.recordReader(), "stream.recordreader.class", null);
        for (ElementText mapping : streaming.recordReaderMappings()) {
            int eq = mapping.text().indexOf('=');
            if (eq > 0) {
                context.presetConfiguration.put(
                        "stream.recordreader." + mapping.text().substring(0, eq),
                        context.el.template(mapping.text().substring(eq + 1), mapping.textSpan()));
            }
        }
        List<Template> env = context.templates(streaming.env());
        // StreamingMain: stream.addenvironment is the env entries, each followed by a space.
        context.presetConfiguration.put(
                "stream.addenvironment",
                TemplateText.concat(env.stream().flatMap(e -> Stream.of(e, " ")).toArray()));
    }

    /** The element's value as {@code property}, and {@code flag} (when not null) set to true. */
    private static void preset(PodCommandContext context, ElementText element, String property, String flag) {
        if (element != null) {
            context.presetConfiguration.put(property, context.template(element));
            if (flag != null) {
                context.presetConfiguration.put(flag, Template.text("true"));
            }
        }
    }
}
