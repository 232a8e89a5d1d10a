package dev.ferry.translator.el;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text operations on templates split and join the literal text only; a value stays whole, in its piece. */
class TemplateTextTest {

    private static final Template DAY = Template.of(new RuntimeExpr.Property("day"));

    @Test
    void optionsSplitOnWhitespaceAndQuotesWithValuesKeptInTheirOption() {
        Template opts = TemplateText.concat("-Xmx1g -Dday=", DAY, " -Dmsg=\"a b\"");
        assertEquals(
                List.of(Template.text("-Xmx1g"), TemplateText.concat("-Dday=", DAY), Template.text("-Dmsg=a b")),
                TemplateText.splitOptions(opts));
    }

    @Test
    void aValueAloneIsOneOption() {
        assertEquals(List.of(DAY, Template.text("x")), TemplateText.splitOptions(TemplateText.concat(DAY, " x")));
    }

    @Test
    void splitFirstAndAfterLastLookAtTheTextOnly() {
        Template mapping = TemplateText.concat("begin=", DAY, "=x");
        assertEquals(
                Optional.of(List.of(Template.text("begin"), TemplateText.concat(DAY, "=x"))),
                TemplateText.splitFirst(mapping, '='));
        assertEquals(
                TemplateText.concat("lib-", DAY, ".jar"),
                TemplateText.afterLast(TemplateText.concat("/apps/", "lib-", DAY, ".jar"), '/'));
        assertEquals(DAY, TemplateText.afterLast(TemplateText.concat("/apps/", DAY), '/'));
    }

    @Test
    void adjacentTextsMergeSoEqualTemplatesAreEqual() {
        assertEquals(Template.text("ab"), TemplateText.concat("a", "", "b"));
        assertEquals(
                Optional.of("a,b"),
                TemplateText.constant(TemplateText.join(",", List.of(Template.text("a"), Template.text("b")))));
        assertEquals(Optional.empty(), TemplateText.constant(DAY));
    }
}
