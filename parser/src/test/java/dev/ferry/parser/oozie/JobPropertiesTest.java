package dev.ferry.parser.oozie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.secrets.SecretNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** job.properties with java.util.Properties semantics, config-default.xml, and secret-looking names. */
class JobPropertiesTest {

    @Test
    void propertiesSemantics() {
        String text = """
                # a comment
                ! another comment
                nameNode=hdfs://nn:8020
                jobTracker : rm:8032
                queueName   default
                examplesRoot=examples
                oozie.wf.application.path=${nameNode}/user/${user.name}/${examplesRoot}/apps/pig
                long.list=a,\\
                          b,\\
                          c
                tabs=one\\ttwo
                unicode=caf\\u00e9
                key\\:with\\=separators=value
                trailing.space=x\\u0020
                empty=
                   indented=yes
                dup=first
                dup=second
                """;
        Diagnostics diagnostics = new Diagnostics();
        SortedMap<String, String> properties = JobProperties.parse(text, "job.properties", diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(
                Map.ofEntries(
                        Map.entry("nameNode", "hdfs://nn:8020"),
                        Map.entry("jobTracker", "rm:8032"),
                        Map.entry("queueName", "default"),
                        Map.entry("examplesRoot", "examples"),
                        Map.entry(
                                "oozie.wf.application.path", "${nameNode}/user/${user.name}/${examplesRoot}/apps/pig"),
                        Map.entry("long.list", "a,b,c"),
                        Map.entry("tabs", "one\ttwo"),
                        Map.entry("unicode", "caf\u00e9"),
                        Map.entry("key:with=separators", "value"),
                        Map.entry("trailing.space", "x "),
                        Map.entry("empty", ""),
                        Map.entry("indented", "yes"),
                        Map.entry("dup", "second")),
                properties);
        assertEquals("dup", properties.firstKey(), "sorted by name");
    }

    @Test
    void badUnicodeEscapeIsOozE013() {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(JobProperties.parse("a=\\u12G4\n", "job.properties", diagnostics)
                .isEmpty());
        assertEquals(
                List.of(
                        "job.properties:1:1: error OOZ-E013: properties file is malformed: Malformed \\uxxxx encoding."),
                diagnostics.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void loadsFilesAsUtf8ThenLatin1(@TempDir Path dir) throws IOException {
        Path utf8 = Files.writeString(dir.resolve("utf8.properties"), "city=Z\u00fcrich\n");
        Path latin1 = Files.write(
                dir.resolve("latin1.properties"), "city=Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1));
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(
                "Z\u00fcrich",
                JobProperties.load(utf8, "utf8.properties", diagnostics).get("city"));
        assertEquals(
                "Z\u00fcrich",
                JobProperties.load(latin1, "latin1.properties", diagnostics).get("city"));
        assertTrue(JobProperties.load(dir.resolve("missing"), "missing", diagnostics)
                .isEmpty());
        assertEquals(
                List.of("missing:1:1"),
                diagnostics.sorted().stream().map(d -> d.span().toString()).toList());
    }

    @Test
    void ownedJobPropertiesKeepReferencesRaw() {
        Path file = Path.of(System.getProperty("ferry.root", ".."))
                .resolve("parser/src/test/resources/oozie/owned/every-action/job.properties");
        Diagnostics diagnostics = new Diagnostics();
        SortedMap<String, String> properties = JobProperties.load(file, "every-action/job.properties", diagnostics);
        assertEquals("examples", properties.get("examplesRoot"));
        assertEquals(
                "${nameNode}/user/${user.name}/${examplesRoot}/apps/every-action",
                properties.get("oozie.wf.application.path"));
        assertEquals(List.of(), diagnostics.sorted());
    }

    @Test
    void configDefaultXml() {
        String xml = """
                <configuration>
                    <property><name>queueName</name><value>default</value></property>
                    <property>
                        <name>outputDir</name>
                        <value>${nameNode}/out</value>
                        <description>where results go</description>
                    </property>
                </configuration>
                """;
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigProperty> properties = ConfigDefault.parse(xml, "apps/x/config-default.xml", diagnostics);
        assertEquals(
                List.of(
                        new ConfigProperty("queueName", "default", SourceSpan.of("apps/x/config-default.xml", 2, 5)),
                        new ConfigProperty(
                                "outputDir", "${nameNode}/out", SourceSpan.of("apps/x/config-default.xml", 3, 5))),
                properties);
        assertEquals(List.of(), diagnostics.sorted());
    }

    @Test
    void configDefaultIsHardenedAndChecked() {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(ConfigDefault.parse(
                        "<!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><configuration/>",
                        "cd.xml",
                        diagnostics)
                .isEmpty());
        assertTrue(ConfigDefault.parse(
                        "<configuration><property><name>n</name></property></configuration>", "cd.xml", diagnostics)
                .isEmpty());
        assertTrue(ConfigDefault.parse("<properties/>", "cd.xml", diagnostics).isEmpty());
        assertEquals(
                List.of("OOZ-E003", "OOZ-E002", "OOZ-E004"),
                diagnostics.sorted().stream().map(d -> d.code().id()).toList());
    }

    static Stream<Arguments> secretNames() {
        return Stream.of(
                Arguments.of("password", true),
                Arguments.of("db.password", true),
                Arguments.of("hive2.password", true),
                Arguments.of("jdbcPassword", true),
                Arguments.of("mysql_passwd", true),
                Arguments.of("ssl.keystore.password", true),
                Arguments.of("fs.s3a.secret.key", true),
                Arguments.of("aws_secret_access_key", true),
                Arguments.of("api.token", true),
                Arguments.of("oauthAccessToken", true),
                Arguments.of("slack-api-key", true),
                Arguments.of("ssh.private.key", true),
                Arguments.of("credentials", true),
                Arguments.of("DB_PWD", true),
                Arguments.of("nameNode", false),
                Arguments.of("queueName", false),
                Arguments.of("user.name", false),
                Arguments.of("oozie.wf.application.path", false),
                Arguments.of("hadoop.security.credential.provider.path", false),
                Arguments.of("mapreduce.job.hdfs-servers.token-renewal.exclude", false),
                Arguments.of("passenger.count", false),
                Arguments.of("keyspace", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("secretNames")
    void secretLookingNames(String name, boolean secret) {
        assertEquals(secret, SecretNames.isSecret(name));
    }
}
