package dev.ferry.translator.workflow;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.translator.el.ElLowering;
import dev.ferry.translator.el.Template;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Expected template values written as the Oozie EL they lower from: {@code el("${nameNode}/out")}. */
final class Lowered {

    private Lowered() {}

    static Template el(String text) {
        Diagnostics diagnostics = new Diagnostics();
        return ElLowering.template(
                ElParser.parse(text, SourceSpan.file("expected"), diagnostics).orElseThrow(), diagnostics);
    }

    static List<Template> els(String... texts) {
        return Arrays.stream(texts).map(Lowered::el).toList();
    }

    /** Strings lowered from EL, templates kept. */
    static List<Template> args(Object... items) {
        return Arrays.stream(items)
                .map(i -> i instanceof Template t ? t : el((String) i))
                .toList();
    }

    static SortedMap<String, Template> els(Map<String, String> texts) {
        SortedMap<String, Template> out = new TreeMap<>();
        texts.forEach((k, v) -> out.put(k, el(v)));
        return out;
    }
}
