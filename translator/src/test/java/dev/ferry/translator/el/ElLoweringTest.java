package dev.ferry.translator.el;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.translator.el.RuntimeExpr.Binary;
import dev.ferry.translator.el.RuntimeExpr.Coercing;
import dev.ferry.translator.el.RuntimeExpr.Coercion;
import dev.ferry.translator.el.RuntimeExpr.LongLiteral;
import dev.ferry.translator.el.RuntimeExpr.Operator;
import dev.ferry.translator.el.RuntimeExpr.Property;
import dev.ferry.translator.el.RuntimeExpr.StringLiteral;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EL → the typed runtime-call tree the generator prints: the translator's decisions (EL's coercions or the target's
 * operator, constants, property references) as data. The exact Jinja of each case is in the generator's
 * ElToJinjaTest.
 */
class ElLoweringTest {

    private static final RuntimeExpr A = new Property("a");

    @Test
    void aPropertyPlusANumberCoercesAsElDoesAndPrintsAsElPrints() {
        // a Long or a Double, known at run time only: printed through EL's text rules
        assertEquals(
                value(new Coercion(Coercing.TEXT, List.of(new Coercion(Coercing.ADD, List.of(A, number(1)))))),
                template("${a + 1}"));
    }

    @Test
    void twoNumbersUseTheTargetsOperator() {
        assertEquals(value(new Binary(Operator.ADD, number(1), number(2))), template("${1 + 2}"));
    }

    @Test
    void constantsAreLiterals() {
        assertEquals(value(new Binary(Operator.MULTIPLY, number(1024), number(4))), template("${KB * 4}"));
        assertEquals(
                value(new Coercion(
                        Coercing.TEXT, List.of(new RuntimeExpr.DoubleLiteral(new java.math.BigDecimal("1.5e3"))))),
                template("${1.5e3}"));
    }

    @Test
    void textAndValuesAlternate() {
        RuntimeExpr user =
                new RuntimeExpr.FunctionCall(ElFunctionTable.function("wf:user").orElseThrow(), List.of());
        assertEquals(
                new Template(List.of(new Template.Text("/user/"), new Template.Value(user), new Template.Text("/out"))),
                template("/user/${wf:user()}/out"));
    }

    @Test
    void aDecisionOnAStringReadsItsText() {
        assertEquals(value(new RuntimeExpr.ReadsTrue(A)), lower("${a}", true));
        // two Strings compare alike in EL and Python, unless one may be null and the other ''
        assertEquals(value(new Binary(Operator.EQ, A, new StringLiteral("x"))), lower("${a == 'x'}", true));
        assertEquals(value(new Coercion(Coercing.EQ, List.of(A, new StringLiteral("")))), lower("${a == ''}", true));
    }

    @Test
    void anUnknownFunctionIsKeptAsATodoString() {
        assertEquals(
                value(new StringLiteral("TODO(OOZ-W004): ${coord:absoluteRange(1)}")),
                template("${coord:absoluteRange(1)}"));
    }

    private static LongLiteral number(long n) {
        return new LongLiteral(BigInteger.valueOf(n));
    }

    private static Template value(RuntimeExpr expr) {
        return Template.of(expr);
    }

    private static Template template(String el) {
        return lower(el, false);
    }

    private static Template lower(String el, boolean predicate) {
        Diagnostics diagnostics = new Diagnostics();
        var parsed =
                ElParser.parse(el, SourceSpan.of("wf.xml", 1, 1), diagnostics).orElseThrow();
        return predicate ? ElLowering.predicate(parsed, diagnostics) : ElLowering.template(parsed, diagnostics);
    }
}
