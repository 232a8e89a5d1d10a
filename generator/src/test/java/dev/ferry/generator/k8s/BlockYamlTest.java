package dev.ferry.generator.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@link BlockYaml} prints exactly what SnakeYAML prints, or leaves the document to SnakeYAML. */
class BlockYamlTest {

    private final Yaml snakeYaml = new Yaml(YamlDocuments.options());

    /** A word as a value: how SnakeYAML prints it, and whether BlockYaml prints it too (else SnakeYAML does). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "10 min                     | k: 10 min                     | true",
                "local:///opt/x/a.jar       | k: local:///opt/x/a.jar       | true",
                "--script                   | k: --script                   | true",
                "-x                         | k: -x                         | true",
                "a:b                        | k: a:b                        | true",
                "app.kubernetes.io/name     | k: app.kubernetes.io/name     | true",
                "yes                        | k: 'yes'                      | true",
                "Off                        | k: 'Off'                      | true",
                "true                       | k: 'true'                     | true",
                "null                       | k: 'null'                     | true",
                "~                          | k: '~'                        | true",
                "1.0                        | k: '1.0'                      | true",
                "0x1F                       | k: '0x1F'                     | true",
                "1_000                      | k: '1_000'                    | true",
                ".inf                       | k: '.inf'                     | true",
                "2024-05-01                 | k: '2024-05-01'               | true",
                "<<                         | k: '<<'                       | true",
                "1:20                       | k: '1:20'                     | true",
                "a: b                       | k: 'a: b'                     | false",
                "a:                         | k: 'a:'                       | false",
                "- a                        | k: '- a'                      | false",
                "-                          | k: '-'                        | false",
                "x #y                       | k: 'x #y'                     | false",
                "'q'                        | k: '''q'''                    | false",
                "@at                        | k: '@at'                      | false",
                "?q                         | k: ?q                         | false",
                "---                        | k: '---'                      | false",
                "é                          | k: é                          | false",
                "08                         | k: '08'                       | false",
                "0_9                        | k: '0_9'                      | false",
                "0a                         | k: 0a                         | true",
            })
    void aWordPrintsAsSnakeYamlPrintsIt(String word, String expected, boolean direct) {
        Map<String, Object> document = Map.of("k", word);
        assertEquals(expected + "\n", snakeYaml.dump(document));
        Optional<String> printed = BlockYaml.print(document);
        assertEquals(direct, printed.isPresent());
        printed.ifPresent(text -> assertEquals(expected + "\n", text));
    }

    @Test
    void generatedDocumentsPrintAsSnakeYamlPrintsThem() {
        Random random = new Random(21);
        int direct = 0;
        int documents = 5_000;
        for (int i = 0; i < documents; i++) {
            Map<String, Object> document = mapping(random, 0);
            Optional<String> printed = BlockYaml.print(document);
            if (printed.isPresent()) {
                direct++;
                String expected = snakeYaml.dump(document);
                assertEquals(expected, printed.get(), () -> "document " + document);
                Object back = new Yaml(new SafeConstructor(new LoaderOptions())).load(printed.get());
                assertEquals(typed(document), typed(back), printed.get());
            }
        }
        // Both printers are exercised: the comparison above is not vacuous, nor is the fallback.
        assertTrue(direct > documents / 5 && direct < documents * 4 / 5, "printed directly: " + direct);
    }

    /** The value with each scalar marked by its kind (a Long read back as an Integer is the same number). */
    private static Object typed(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> typed = new LinkedHashMap<>();
            map.forEach((k, v) -> typed.put(typed(k), typed(v)));
            return typed;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BlockYamlTest::typed).toList();
        }
        return (value instanceof Number ? "number " : value instanceof String ? "string " : "boolean ") + value;
    }

    private static final String[] PIECES = {
        "a",
        "Z",
        "y",
        "n",
        "e",
        "E",
        "x",
        "0",
        "1",
        "9",
        " ",
        ":",
        "-",
        ".",
        "/",
        "_",
        "#",
        "'",
        "\"",
        "?",
        ",",
        "[",
        "{",
        "}",
        "!",
        "&",
        "*",
        "|",
        ">",
        "%",
        "@",
        "`",
        "\\",
        "\t",
        "\n",
        "\u00e9",
        "+",
        "~",
        "=",
        "<",
        "true",
        "no",
        "null",
        "0x1F",
        "1.0",
        "2001-12-14",
        ".inf",
        "---",
        "...",
        "<<",
        "On",
        "local://",
        "10 min"
    };

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        int pieces = random.nextInt(10) < 8 ? 1 + random.nextInt(3) : random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            // Mostly safe pieces, so that many documents are printed directly.
            word.append(random.nextInt(4) > 0 ? PIECES[random.nextInt(10)] : PIECES[random.nextInt(PIECES.length)]);
        }
        if (random.nextInt(500) == 0) {
            word.append("k".repeat(130));
        }
        return word.toString();
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 7 : 9);
        return switch (kind) {
            case 0, 1, 2 -> word(random);
            case 3 -> random.nextBoolean();
            case 4 -> random.nextInt(3) == 0 ? (Object) (long) random.nextInt() : random.nextInt(100) - 10;
            case 5 ->
                new double[] {0.5, 1.0, -2.25, 1e10, 1.0e-5, -0.0, Double.NaN, Double.POSITIVE_INFINITY}
                        [random.nextInt(8)];
            case 6 -> random.nextInt(4) == 0 ? List.of() : Map.of();
            case 7 -> mapping(random, depth + 1);
            default -> sequence(random, depth + 1);
        };
    }

    private static Map<String, Object> mapping(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            map.put(random.nextInt(3) == 0 ? word(random) : "key" + i, value(random, depth));
        }
        return map;
    }

    private static List<Object> sequence(Random random, int depth) {
        List<Object> list = new ArrayList<>();
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            list.add(random.nextInt(10) == 0 ? sequence(random, depth + 1) : value(random, depth));
        }
        return list;
    }
}
