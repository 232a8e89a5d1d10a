package dev.ferry.translator.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.diagnostics.DiagnosticCode;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.translator.el.RuntimeExpr;
import dev.ferry.translator.el.Template;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A secret written as a value in EL text becomes a typed reference to the Airflow Variable named after its key,
 * wherever it sits among literal text and EL; the value never reaches the template, and each one is an OOZ-W002.
 */
class OozieElSecretsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("--password=hunter2", List.of(text("--password="), variable("password"))),
                Arguments.of(
                        "-Ddb.password=hunter2 ${x}",
                        List.of(text("-Ddb.password="), variable("db.password"), text(" "), el("${x}"))),
                Arguments.of(
                        "${nameNode} --token abc123 --user ${u}",
                        List.of(el("${nameNode}"), text(" --token "), variable("token"), text(" --user "), el("${u}"))),
                Arguments.of(
                        "jdbc:mysql://app:s3cret@db/x",
                        List.of(text("jdbc:mysql://app:"), variable("app_password"), text("@db/x"))),
                Arguments.of(
                        "DB_PASSWORD=a TOKEN=b",
                        List.of(text("DB_PASSWORD="), variable("DB_PASSWORD"), text(" TOKEN="), variable("TOKEN"))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSecretBecomesAVariableReference(String input, List<Template.Part> expected) {
        Diagnostics diagnostics = new Diagnostics();
        Template template = new OozieEl(diagnostics).template(input, SourceSpan.file("workflow.xml"));
        assertEquals(new Template(expected), template);
        long variables = expected.stream()
                .filter(p -> p instanceof Template.Value v && v.expr() instanceof RuntimeExpr.Variable)
                .count();
        assertEquals(
                variables,
                diagnostics.sorted().stream()
                        .filter(d -> d.code() == DiagnosticCode.OOZ_W002)
                        .count());
        assertFalse(template.toString().contains("hunter2")
                || template.toString().contains("s3cret")
                || template.toString().contains("abc123"));
    }

    private static Template.Part text(String text) {
        return new Template.Text(text);
    }

    private static Template.Part variable(String key) {
        return new Template.Value(new RuntimeExpr.Variable(key));
    }

    /** The part {@code ${name}} alone lowers to. */
    private static Template.Part el(String text) {
        return Lowered.el(text).parts().get(0);
    }
}
