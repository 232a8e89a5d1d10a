package dev.ferry.generator.report;

import java.io.StringWriter;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code ferry check} as JUnit XML (what CI systems render as test results): one test suite for the repository,
 * one test case per application, failed when the app fails at the {@link FailOn} level; every diagnostic of the
 * app in its {@code system-out}. Written through the JDK's DOM, so every input-derived string is escaped.
 */
public final class JunitRenderer {

    private JunitRenderer() {}

    public static String junit(Report report, FailOn failOn) {
        try {
            Document doc =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = doc.createElement("testsuites");
            doc.appendChild(suites);
            Element suite = doc.createElement("testsuite");
            suites.appendChild(suite);
            long failures = report.apps().stream().filter(failOn::fails).count();
            suite.setAttribute("name", xmlText("ferry check " + report.repository()));
            suite.setAttribute("tests", Integer.toString(report.apps().size()));
            suite.setAttribute("failures", Long.toString(failures));
            suite.setAttribute("errors", "0");
            suite.setAttribute("skipped", "0");
            suites.setAttribute("name", "ferry");
            suites.setAttribute("tests", Integer.toString(report.apps().size()));
            suites.setAttribute("failures", Long.toString(failures));
            suites.setAttribute("errors", "0");
            for (Report.App app : report.apps()) {
                Element testcase = doc.createElement("testcase");
                testcase.setAttribute("classname", xmlText("ferry." + report.repository()));
                testcase.setAttribute("name", xmlText(app.path()));
                suite.appendChild(testcase);
                String lines =
                        app.diagnostics().stream().map(JunitRenderer::line).collect(Collectors.joining("\n"));
                if (failOn.fails(app)) {
                    Element failure = doc.createElement("failure");
                    failure.setAttribute("type", "ferry." + failOn.name().toLowerCase(java.util.Locale.ROOT));
                    failure.setAttribute("message", summary(app));
                    failure.setTextContent(xmlText(lines));
                    testcase.appendChild(failure);
                }
                if (!lines.isEmpty()) {
                    Element out = doc.createElement("system-out");
                    out.setTextContent(xmlText(lines) + "\n");
                    testcase.appendChild(out);
                }
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString().replace("\r\n", "\n").replace("?><testsuites", "?>\n<testsuites") + "\n";
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
    }

    /** XML 1.0 cannot hold most control characters at all, escaped or not: they become U+FFFD. */
    static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> out.appendCodePoint(
                        c == 0x9
                                        || c == 0xA
                                        || c == 0xD
                                        || (c >= 0x20 && c <= 0xD7FF)
                                        || (c >= 0xE000 && c <= 0xFFFD)
                                        || c >= 0x10000
                                ? c
                                : 0xFFFD));
        return out.toString();
    }

    private static String line(Report.Finding f) {
        String head = f.file() + ":" + f.line() + ":" + f.column() + ": " + f.severity() + " " + f.code() + ": "
                + f.message();
        return f.hint().isEmpty() ? head : head + " (hint: " + f.hint() + ")";
    }

    private static String summary(Report.App app) {
        long errors = app.diagnostics().stream().filter(Report.Finding::isError).count();
        long warnings = app.diagnostics().stream()
                .filter(f -> f.severity().equals("warning"))
                .count();
        return errors + " error(s), " + warnings + " warning(s), " + app.todoTasks() + " TODO task(s)";
    }
}
