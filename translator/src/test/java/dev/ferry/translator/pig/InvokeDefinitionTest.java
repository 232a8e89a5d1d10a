package dev.ferry.translator.pig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DEFINE of InvokeForString / Int / Long / Float / Double that Pig itself refuses when it compiles the script
 * (Invoker's constructor throws: no such method, a parameter type it does not know, a name without a class): a
 * PIG-E013 error at the DEFINE's function, saying what Pig's Invoker looked for.
 */
class InvokeDefinitionTest {

    private static final String LOAD = "A = load 'in' using PigStorage(',') as (a:int, b:chararray);\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DEFINE f InvokeForInt('java.lang.String.length', 'String'); X = foreach A generate f(b);             | 2:10 | java.lang.String has no public method length(String)
            DEFINE f InvokeForInt('java.lang.String.indexOf', 'String String', 'false'); X = foreach A generate f(b, b); | 2:10 | has no public method indexOf() (an instance method's parameters: the list without its first and, as Pig 0.18 reads it, its last type)
            DEFINE f InvokeForInt('java.lang.Integer.parseInt', 'char'); X = foreach A generate f(b);          | 2:10 | 'char' is not a parameter type of Pig's Invoker
            DEFINE f InvokeForInt('java.lang.Integer.parseInt', 'String  String'); X = foreach A generate f(b); | 2:10 | '' is not a parameter type of Pig's Invoker (String, int, long, float, double; split on single spaces)
            DEFINE f InvokeForDouble('abs', 'double'); X = foreach A generate f(a);                             | 2:10 | InvokeForDouble('abs', 'double') names no class and method
            """)
    void pigRefusesTheDefinition(String statements, String position, String message) {
        Diagnostic error = NotTranslatedYetTest.onlyError(LOAD + statements + "\nstore X into 'out';\n");
        assertEquals("PIG-E013 t.pig:" + position, error.code().id() + " " + error.span());
        assertTrue(error.message().contains(message), error.message());
    }
}
