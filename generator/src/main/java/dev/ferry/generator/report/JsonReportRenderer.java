package dev.ferry.generator.report;

import dev.ferry.translator.repo.Conversion;

/** Renders report.json: the {@link Report} model, schema {@code report.schema.json} beside this class. */
public final class JsonReportRenderer {

    private JsonReportRenderer() {}

    /** report.json for the conversion and the files generated beside it, given as path → SHA-256 (hex). */
    public static String json(Conversion conversion, java.util.Map<String, String> hashes) {
        return Json.write(Report.of(conversion).withHashes(hashes));
    }
}
