package dev.ferry.translator.el;

import java.util.List;

/**
 * A string value rendered per run: literal text and values computed by the generated DAG, in order. A
 * template without {@link Value} parts is a constant.
 */
public record Template(List<Part> parts) {

    /** Adjacent texts are merged and empty ones dropped, so equal templates have equal parts. */
    public Template {
        List<Part> merged = new java.util.ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Text t) {
                if (t.text().isEmpty()) {
                    continue;
                }
                if (!merged.isEmpty() && merged.get(merged.size() - 1) instanceof Text last) {
                    merged.set(merged.size() - 1, new Text(last.text() + t.text()));
                    continue;
                }
            }
            merged.add(part);
        }
        parts = List.copyOf(merged);
    }

    /** A piece of a template. */
    public sealed interface Part permits Text, Value {}

    /** Literal text, kept as written. */
    public record Text(String text) implements Part {}

    /** A value printed into the text. */
    public record Value(RuntimeExpr expr) implements Part {}

    /** The constant text {@code text} (empty parts for ""). */
    public static Template text(String text) {
        return new Template(List.of(new Text(text)));
    }

    /** The value of {@code expr} alone. */
    public static Template of(RuntimeExpr expr) {
        return new Template(List.of(new Value(expr)));
    }

    /** True when the template holds no value computed per run. */
    public boolean isConstant() {
        return parts.stream().allMatch(p -> p instanceof Text);
    }
}
