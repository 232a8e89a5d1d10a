package dev.ferry.generator.text;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

    /** Renders {@code name} (a file under templates/) with the model. */
    public static String render(String name, Map<String, ?> model) {
        try {
            Template template = CONFIGURATION.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (freemarker.template.TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
