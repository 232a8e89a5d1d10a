package dev.ferry.parser.el;

import dev.ferry.parser.el.ElPart.ElExpression;
import dev.ferry.parser.el.ElPart.ElText;
import java.util.List;

/** A text with embedded EL, such as {@code ${nameNode}/user/${wf:user()}/out}: parts in order. */
public record ElTemplate(List<ElPart> parts) {

    public ElTemplate {
        parts = List.copyOf(parts);
    }

    /** A template of plain text only. */
    public static ElTemplate text(String text) {
        return new ElTemplate(text.isEmpty() ? List.of() : List.of(new ElText(text)));
    }

    /** True when there is no expression at all. */
    public boolean isConstant() {
        return parts.stream().allMatch(ElText.class::isInstance);
    }

    public List<ElExpression> expressions() {
        return parts.stream()
                .filter(ElExpression.class::isInstance)
                .map(ElExpression.class::cast)
                .toList();
    }

    /** The original text back. */
    public String source() {
        StringBuilder out = new StringBuilder();
        for (ElPart part : parts) {
            out.append(part instanceof ElText t ? t.text() : ((ElExpression) part).source());
        }
        return out.toString();
    }
}
