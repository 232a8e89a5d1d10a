package dev.ferry.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client side (PigOracle, PigOracleException, PigOutput) goes onto Flink modules' classpaths,
 * so it must reference nothing outside the JDK — checked on the compiled class files.
 */
class ClientIsolationTest {

    static final Set<String> CLIENT = Set.of("PigOracle", "PigOracleException", "PigOutput");

    @Test
    void clientClassesReferenceOnlyTheJdk() throws IOException {
        Path pkg = Path.of("target", "classes", "dev", "ferry", "oracle");
        List<Path> classFiles = new ArrayList<>();
        try (Stream<Path> s = Files.list(pkg)) {
            s.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".class") && CLIENT.contains(n.replaceAll("(\\$.*)?\\.class$", ""));
                    })
                    .forEach(classFiles::add);
        }
        assertTrue(classFiles.size() >= CLIENT.size(), "compiled client classes not found in " + pkg);
        Set<String> offending = new TreeSet<>();
        for (Path f : classFiles) {
            for (String ref : classRefs(f)) {
                String cls = ref.replaceAll("^\\[+L|;$", "");
                if (cls.startsWith("[") || cls.startsWith("java/")) {
                    continue;
                }
                String simple = cls.startsWith("dev/ferry/oracle/")
                        ? cls.substring("dev/ferry/oracle/".length()).replaceAll("\\$.*", "")
                        : null;
                if (simple == null || !CLIENT.contains(simple)) {
                    offending.add(f.getFileName() + " -> " + cls);
                }
            }
        }
        assertEquals(Set.of(), offending);
    }

    @Test
    void paramsSurviveThePropertiesFileRoundTripInOrder(@TempDir Path dir) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("z_first", "1");
        params.put("a second", " leading space, trailing space ");
        params.put("eq", "a=b:c#d!e\\f");
        params.put("nl", "line1\nline2\ttab\r");
        params.put("uni", "\u00e9\u4e2d\ud83d\ude00");
        params.put("empty", "");
        params.put("z_first", "overridden keeps first position");
        Path file = dir.resolve("p.properties");
        PigOracle.writeParams(file, params);

        List<String> expected = new ArrayList<>();
        params.forEach((k, v) -> expected.add(k + "=" + v));
        assertEquals(expected, PigOracleServer.readParams(file));
    }

    @Test
    void errorMessagesRoundTripThroughTheOneLineEscape() {
        String msg = "ERROR 1200: <file a.pig, line 2>\tbad \\ thing\r\nnext line";
        String wire = PigOracleServer.escape(msg);
        assertTrue(wire.indexOf('\n') < 0 && wire.indexOf('\t') < 0 && wire.indexOf('\r') < 0, wire);
        assertEquals(msg, PigOracle.unescape(wire));
    }

    /** Names of all CONSTANT_Class entries (plus descriptor class names) of a class file. */
    static Set<String> classRefs(Path classFile) throws IOException {
        Set<String> out = new TreeSet<>();
        try (InputStream in = Files.newInputStream(classFile);
                DataInputStream d = new DataInputStream(in)) {
            d.readInt();
            d.readUnsignedShort();
            d.readUnsignedShort();
            int count = d.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classNameIdx = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = d.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = d.readUTF();
                    case 7 -> classNameIdx.add(d.readUnsignedShort());
                    case 8, 16, 19, 20 -> d.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> d.readInt();
                    case 5, 6 -> {
                        d.readLong();
                        i++;
                    }
                    case 15 -> {
                        d.readUnsignedByte();
                        d.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
            for (int idx : classNameIdx) {
                out.add(utf8[idx]);
            }
            // descriptors/signatures mention types too (e.g. fields, method parameters)
            for (String s : utf8) {
                if (s == null) {
                    continue;
                }
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("L([\\w/$]+)[;<]").matcher(s);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
