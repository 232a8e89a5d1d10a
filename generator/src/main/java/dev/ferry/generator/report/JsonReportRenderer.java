package dev.ferry.generator.report;

import dev.ferry.translator.repo.Conversion;

/** Renders report.json: the {@link Report} model, schema {@code report.schema.json} beside this class. */
public final class JsonReportRenderer {

    private JsonReportRenderer() {}

    /** report.json for the conversion and the files generated beside it. */
    public static String json(Conversion conversion, java.util.Map<String, String> generated) {
        return Json.write(Report.of(conversion).withFiles(generated));
    }
}
