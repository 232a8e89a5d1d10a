package dev.ferry.generator.text;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** The FreeMarker set-up every generated file goes through: fixed locale and time zone, strict errors. */
public final class Templates {

    private static final Configuration CONFIGURATION = configuration();

    private Templates() {}

    /**
     * FreeMarker's logger, named before its first use: left to detect one, it looks up Log4j and Avalon, on no jar of
     * Ferry's, so the JVM opened every jar of the class path to miss them (~30 ms of a cold run), and then takes
     * java.util.logging, which it takes here at once. A library named with {@code -Dorg.freemarker.loggerLibrary}
     * still wins.
     */
    private static final String LOGGER_LIBRARY = "org.freemarker.loggerLibrary";

    private static Configuration configuration() {
        if (System.getProperty(LOGGER_LIBRARY) == null) {
            System.setProperty(LOGGER_LIBRARY, "JUL");
        }
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "dev/ferry/generator/templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        return cfg;
    }

    /** An application's DAG. */
    public static final String DAG = "dag.py.ftl";

    /** A translated Pig script's Flink SQL job. */
    public static final String JOB_SQL = "job.sql.ftl";

    /** The conversion's report.md. */
    public static final String REPORT_MD = "report.md.ftl";

    /** The conversion's report.html. */
    public static final String REPORT_HTML = "report.html.ftlh";

    /** The templates every conversion renders. */
    static final List<String> CONVERSION_TEMPLATES = List.of(DAG, JOB_SQL, REPORT_MD, REPORT_HTML);

    /**
     * Held while templates are looked up and parsed. FreeMarker's classes are never initialised from two threads at
     * once (classes whose initialisers create instances of their subclasses, as FreeMarker's {@code BuiltIn}, can
     * deadlock two threads initialising them from both ends): a renderer waits here while another thread prepares the
     * templates, and the preparation does nothing once rendering has begun.
     */
    private static final Object LOOK_UP = new Object();

    /** Whether a template has been rendered (guarded by {@link #LOOK_UP}). */
    private static boolean rendering;

    /**
     * Builds the configuration and parses the templates a conversion renders, ahead of their first use: a cold run
     * calls it on a thread of its own while the repository is read and translated ({@code Ferry.main}). The parsed
     * templates stay in FreeMarker's cache, where {@link #render} finds them. Nothing once a template has been rendered.
     */
    public static void prepareForConversion() {
        try {
            synchronized (LOOK_UP) {
                if (rendering) {
                    return;
                }
                for (String name : CONVERSION_TEMPLATES) {
                    CONFIGURATION.getTemplate(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders {@code name} (a file under templates/) with the model. */
    public static String render(String name, Map<String, ?> model) {
        try {
            Template template = template(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (freemarker.template.TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** The template {@code name}, parsed on first use; from then on {@link #prepareForConversion} does nothing. */
    static Template template(String name) throws IOException {
        synchronized (LOOK_UP) {
            rendering = true;
            return CONFIGURATION.getTemplate(name);
        }
    }
}
