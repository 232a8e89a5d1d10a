package dev.ferry.generator.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source text as the preview shows it: secret values out, everything else (and every line number) kept. */
class SourceRedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            <name>db.password</name><value>hunter2</value>      | <name>db.password</name><value><secret db.password></value>
            `<name> api.token </name>\n  <value>t0k</value>`      | `<name> api.token </name>\n  <value><secret api.token></value>`
            `<name>k.password</name><value>a\nb</value>\nnext`    | `<name>k.password</name><value><secret k.password>\n</value>\nnext`
            <name>db.password</name><value>${pw}</value>        | <name>db.password</name><value>${pw}</value>
            <name>queue.name</name><value>etl</value>           | <name>queue.name</name><value>etl</value>
            %declare API_TOKEN 'abc';                           | %declare API_TOKEN <secret api_token>;
            %default SECRET_KEY "x y"                           | %default SECRET_KEY <secret secret_key>
            %default INPUT '/data/in'                           | %default INPUT '/data/in'
            %default PASSWORD '$PW'                             | %default PASSWORD '$PW'
            <param>TOKEN=abc</param>                            | <param>TOKEN=<secret token></param>
            <argument>--password=abc</argument>                 | <argument>--password=<secret password></argument>
            <arg>--password</arg><arg>pw1</arg>                 | <arg>--password</arg><arg><secret password></arg>
            `<arg>--db.password</arg>\n  <arg>pw2</arg>`        | `<arg>--db.password</arg>\n  <arg><secret db.password></arg>`
            <arg>--output</arg><arg>/out</arg>                  | <arg>--output</arg><arg>/out</arg>
            jdbc:mysql://etl:pw@db:3306/x                       | jdbc:mysql://etl:<secret etl_password>@db:3306/x
            <password>hunter2</password><script>q.hql</script> | <password><secret password></password><script>q.hql</script>
            <hive2:password>${pw}</hive2:password>              | <hive2:password>${pw}</hive2:password>
            <name>db.password</name>                            | <name>db.password</name>
            SET fs.s3a.secret.key 'abc';                        | SET fs.s3a.secret.key <secret fs.s3a.secret.key>;
            """)
    void secretValuesReplaced(String source, String shown) {
        assertEquals(unescape(shown), SourceRedaction.redact(unescape(source)));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
