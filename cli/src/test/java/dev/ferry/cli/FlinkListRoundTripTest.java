package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.generator.sql.SqlScriptRenderer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy's constructor arguments as the generator prints them into 'sink.partition-commit.policy.class.parameters',
 * read back by Flink 2.2's own parsing of a list option: the same three strings, whatever they hold.
 */
class FlinkListRoundTripTest {

    private static final ConfigOption<List<String>> PARAMETERS = ConfigOptions.key(
                    "sink.partition-commit.policy.class.parameters")
            .stringType()
            .asList()
            .noDefaultValue();

    static Stream<List<String>> arguments() {
        return Stream.of(
                List.of("thrift://ms:9083", "default", "clicks"),
                List.of("thrift://a:1,thrift://b:2", "web", "clicks"),
                List.of("thrift://a:1, thrift://b:2", "d;b", "t;"),
                List.of("thrift://ms:9083", "it's", "\"quoted\""),
                List.of("thrift://ms:9083", " spaced ", ""),
                List.of("thrift://ms:9083", "''", "a'';b"),
                List.of("thrift://ms:9083", "żółw", "ü;é"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void flinkReadsTheSameElementsBack(List<String> elements) {
        Configuration options = new Configuration();
        options.setString(PARAMETERS.key(), SqlScriptRenderer.flinkList(elements));
        assertEquals(elements, options.get(PARAMETERS));
    }
}
