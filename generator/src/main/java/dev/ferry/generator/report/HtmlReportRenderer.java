package dev.ferry.generator.report;

import dev.ferry.generator.text.Templates;
import dev.ferry.translator.repo.Conversion;
import java.util.Map;

/**
 * Renders report.html: the {@link Report} model through an auto-escaping HTML template (report.html.ftlh), one
 * self-contained page (inline CSS, no script, nothing fetched).
 */
public final class HtmlReportRenderer {

    private HtmlReportRenderer() {}

    public static String html(Conversion conversion) {
        return Templates.render(Templates.REPORT_HTML, Map.of("report", Report.of(conversion)));
    }
}
