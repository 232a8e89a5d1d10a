package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.parser.oozie.xml.EmailXml;
import dev.ferry.parser.oozie.xml.PigXml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pig or email element read from the tree ({@link PlainActions}) gives what JAXB binds from it, on every bundled
 * schema version: each row is read both ways. Rows marked JAXB are elements the tree reader leaves to JAXB (a child
 * not of the version, in another namespace, a text element holding elements, a single element twice).
 */
class PlainActionsTest {

    private static final List<String> WORKFLOW_VERSIONS =
            List.of("0.1", "0.2", "0.2.5", "0.3", "0.4", "0.4.5", "0.5", "1.0");

    /** (case, the pig element's content, read from the tree on which versions: "all", "0.2+", "1.0", "none"). */
    private static final List<List<String>> PIG = List.of(
            List.of("full", """
                    <job-tracker>jt</job-tracker>
                    <name-node>nn</name-node>
                    <prepare><delete path="/out"/></prepare>
                    <job-xml>job.xml</job-xml>
                    <configuration><property><name>a</name><value>b</value></property></configuration>
                    <script>s.pig</script>
                    <param>A=1</param>
                    <param>  B = two words  </param>
                    <file>f#l</file>
                    <archive>z.zip</archive>""", "all"),
            List.of("arguments", "<script>s.pig</script><argument>-x</argument><argument>y</argument>", "0.2+"),
            List.of("script only", "<script>s.pig</script>", "all"),
            List.of("no script", "<param>A=1</param>", "all"),
            List.of("empty script", "<script/><param></param>", "all"),
            List.of("spaces, CDATA, entities, unicode", """
                    <script>  <![CDATA[a<b>.pig]]>  </script><param>K=&amp;&lt;é😀</param>""", "all"),
            List.of(
                    "out of order",
                    "<archive>z</archive><param>P=1</param><script>s.pig</script><file>f</file>",
                    "all"),
            List.of("attributes", "<script id=\"x\" note=\"y\">s.pig</script>", "all"),
            List.of("resource-manager", "<resource-manager>rm</resource-manager><script>s.pig</script>", "1.0"),
            List.of("two scripts", "<script>a.pig</script><script>b.pig</script>", "none"),
            List.of("foreign namespace", "<x:script xmlns:x=\"urn:other\">a.pig</x:script>", "none"),
            List.of("unknown child", "<script>a.pig</script><extra>1</extra>", "none"),
            List.of("element in a text", "<script>a<b>c</b></script>", "none"),
            List.of("launcher", "<launcher><queue>q</queue></launcher><script>a.pig</script>", "none"),
            List.of("two prepares", "<prepare/><prepare/><script>a.pig</script>", "none"),
            List.of("empty", "", "none"));

    static Stream<Arguments> pigRows() {
        List<Arguments> rows = new ArrayList<>();
        for (String version : WORKFLOW_VERSIONS) {
            for (List<String> row : PIG) {
                boolean plain = switch (row.get(2)) {
                    case "all" -> true;
                    case "0.2+" -> !version.equals("0.1");
                    case "1.0" -> version.equals("1.0");
                    default -> false;
                };
                rows.add(Arguments.of(version, row.get(0), row.get(1), plain));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "workflow {0}: {1}")
    @MethodSource("pigRows")
    void pigReadsAsJaxbBindsIt(String version, String name, String content, boolean plain) {
        String namespace = "uri:oozie:workflow:" + version;
        XmlElement body = element("<pig xmlns=\"" + namespace + "\">" + content + "</pig>");
        Optional<Object> direct = PlainActions.read(body, namespace);
        assertEquals(plain, direct.isPresent(), "read from the tree");
        PigXml jaxb = (PigXml) OozieJaxb.bindThroughJaxb(body, namespace, true).orElseThrow();
        direct.ifPresent(d -> assertEquals(values(jaxb), values((PigXml) d)));
        assertEquals(values(jaxb), values((PigXml) OozieJaxb.bindAction(body).orElseThrow()));
    }

    static Stream<Arguments> emailRows() {
        String all = """
                <to>a@x, b@x</to>
                <cc>c@x</cc>
                <bcc>d@x</bcc>
                <subject> Failed: ${wf:id()} </subject>
                <body>line 1
                line 2 é</body>
                <content_type>text/html</content_type>
                <attachment>/a, /b</attachment>""";
        String core = "<to>a@x</to><subject>s</subject><body>b</body>";
        return Stream.of(
                Arguments.of("0.2", "every element", all, true),
                Arguments.of("0.1", "every element of 0.2", all, false),
                Arguments.of("0.1", "to, subject, body", core, true),
                Arguments.of("0.2", "to, subject, body", core, true),
                Arguments.of("0.1", "cc", "<cc>c@x</cc>" + core, true),
                Arguments.of("0.2", "no subject", "<to>a@x</to><body>b</body>", true),
                Arguments.of("0.2", "out of order", "<body>b</body><subject>s</subject><to>a@x</to>", true),
                Arguments.of("0.2", "two tos", "<to>a@x</to>" + core, false),
                Arguments.of("0.2", "unknown child", core + "<priority>1</priority>", false),
                Arguments.of("0.2", "element in a text", "<to>a<i>b</i></to><subject>s</subject>", false),
                Arguments.of("", "no namespace (binds as 0.2)", all, true));
    }

    @ParameterizedTest(name = "email {0}: {1}")
    @MethodSource("emailRows")
    void emailReadsAsJaxbBindsIt(String version, String name, String content, boolean plain) {
        String declared = version.isEmpty() ? "" : "uri:oozie:email-action:" + version;
        String namespace = declared.isEmpty() ? "uri:oozie:email-action:0.2" : declared;
        XmlElement body = element(
                "<email" + (declared.isEmpty() ? "" : " xmlns=\"" + declared + "\"") + ">" + content + "</email>");
        Optional<Object> direct = PlainActions.read(body, namespace);
        assertEquals(plain, direct.isPresent(), "read from the tree");
        EmailXml jaxb =
                (EmailXml) OozieJaxb.bindThroughJaxb(body, namespace, false).orElseThrow();
        direct.ifPresent(d -> assertEquals(values(jaxb), values((EmailXml) d)));
        assertEquals(values(jaxb), values((EmailXml) OozieJaxb.bindAction(body).orElseThrow()));
    }

    private static XmlElement element(String xml) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<XmlElement> element = XmlReader.read(xml, "action.xml", diagnostics);
        assertTrue(element.isPresent(), xml);
        return element.get();
    }

    private static List<Object> values(PigXml pig) {
        return Arrays.asList(
                pig.getScript(),
                List.copyOf(pig.getParam()),
                List.copyOf(pig.getArgument()),
                List.copyOf(pig.getFile()),
                List.copyOf(pig.getArchive()));
    }

    private static List<Object> values(EmailXml email) {
        return Arrays.asList(
                email.getTo(),
                email.getCc(),
                email.getBcc(),
                email.getSubject(),
                email.getBody(),
                email.getContentType(),
                email.getAttachment());
    }
}
