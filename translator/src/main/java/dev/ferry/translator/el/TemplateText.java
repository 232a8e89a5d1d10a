package dev.ferry.translator.el;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Work on templates by their literal text, as Oozie works on the text after EL evaluation: concatenating,
 * joining, splitting at a character or into options. Values computed per run are never split: a value belongs
 * to the piece of text it is written in.
 */
public final class TemplateText {

    private TemplateText() {}

    /** The pieces in order: a {@link String} is literal text, a {@link Template} its parts; null pieces are skipped. */
    public static Template concat(Object... pieces) {
        List<Template.Part> parts = new ArrayList<>();
        for (Object piece : pieces) {
            if (piece instanceof String text) {
                parts.add(new Template.Text(text));
            } else if (piece instanceof Template template) {
                parts.addAll(template.parts());
            } else if (piece != null) {
                throw new IllegalArgumentException("not text or a template: " + piece);
            }
        }
        return new Template(parts);
    }

    /** The templates joined with {@code separator}. */
    public static Template join(String separator, List<Template> templates) {
        List<Object> pieces = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            if (i > 0) {
                pieces.add(separator);
            }
            pieces.add(templates.get(i));
        }
        return concat(pieces.toArray());
    }

    /** The text of a constant template; empty when a part is computed per run. */
    public static Optional<String> constant(Template template) {
        if (!template.isConstant()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        template.parts().forEach(p -> out.append(((Template.Text) p).text()));
        return Optional.of(out.toString());
    }

    /** True when the template is the constant {@code text}. */
    public static boolean isText(Template template, String text) {
        return constant(template).filter(text::equals).isPresent();
    }

    /** True when the template's literal text starts with {@code prefix}. */
    public static boolean startsWith(Template template, String prefix) {
        return !template.parts().isEmpty()
                && template.parts().get(0) instanceof Template.Text t
                && t.text().startsWith(prefix);
    }

    /** Before and after the first {@code separator} in the literal text; empty when there is none. */
    public static Optional<List<Template>> splitFirst(Template template, char separator) {
        List<Template.Part> parts = template.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Template.Text t && t.text().indexOf(separator) >= 0) {
                int at = t.text().indexOf(separator);
                Template before =
                        concat(new Template(parts.subList(0, i)), t.text().substring(0, at));
                Template after = concat(t.text().substring(at + 1), new Template(parts.subList(i + 1, parts.size())));
                return Optional.of(List.of(before, after));
            }
        }
        return Optional.empty();
    }

    /** What follows the last {@code separator} in the literal text; the whole template when there is none. */
    public static Template afterLast(Template template, char separator) {
        List<Template.Part> parts = template.parts();
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (parts.get(i) instanceof Template.Text t && t.text().lastIndexOf(separator) >= 0) {
                String rest = t.text().substring(t.text().lastIndexOf(separator) + 1);
                return concat(rest, new Template(parts.subList(i + 1, parts.size())));
            }
        }
        return template;
    }

    /** Without the last character of the literal text when the template ends with {@code suffix}. */
    public static Template withoutSuffix(Template template, char suffix) {
        List<Template.Part> parts = template.parts();
        if (!parts.isEmpty()
                && parts.get(parts.size() - 1) instanceof Template.Text t
                && t.text().endsWith(String.valueOf(suffix))) {
            return concat(
                    new Template(parts.subList(0, parts.size() - 1)),
                    t.text().substring(0, t.text().length() - 1));
        }
        return template;
    }

    /**
     * Options as a JVM or a shell would split them: on whitespace of the literal text, double or single quotes
     * grouping; a value computed per run stays in the option it is written in.
     */
    public static List<Template> splitOptions(Template template) {
        List<Template> options = new ArrayList<>();
        if (template == null) {
            return options;
        }
        List<Object> current = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Value) {
                current.add(text.toString());
                text.setLength(0);
                current.add(new Template(List.of(part)));
                inToken = true;
                continue;
            }
            String s = ((Template.Text) part).text();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        text.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    inToken = true;
                } else if (Character.isWhitespace(c)) {
                    if (inToken) {
                        current.add(text.toString());
                        options.add(concat(current.toArray()));
                        current.clear();
                        text.setLength(0);
                        inToken = false;
                    }
                } else {
                    text.append(c);
                    inToken = true;
                }
            }
        }
        if (inToken) {
            current.add(text.toString());
            options.add(concat(current.toArray()));
        }
        return options;
    }
}
