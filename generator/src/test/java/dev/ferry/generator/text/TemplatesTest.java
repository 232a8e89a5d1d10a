package dev.ferry.generator.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import freemarker.template.Template;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    /**
     * A cold conversion prepares these on a start-up thread that drops any failure (the converting thread meets it
     * again and reports it): a template renamed or broken would only make start-up slower, so it is checked here.
     */
    @Test
    void everyTemplateAConversionRendersIsFoundAndParses() throws IOException {
        for (String name : Templates.CONVERSION_TEMPLATES) {
            Template template = Templates.template(name);
            assertEquals(name, template.getName());
        }
    }
}
