package dev.ferry.parser.el;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElExpr.FunctionCall;
import dev.ferry.parser.el.ElExpr.Identifier;
import dev.ferry.parser.el.ElPart.ElExpression;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Oozie EL text → AST, printed compactly by {@link ElTreeFormat}: one row per case, {@code text => tree}. */
class ElParserTest {

    private static final SourceSpan WHERE = SourceSpan.of("wf.xml", 10, 5);

    static Stream<Arguments> trees() {
        return rows("""
                plain text                                        => "plain text"
                ${nameNode}                                       => ${nameNode}
                ${nameNode}/user/${wf:user()}/out                 => ${nameNode} ~ "/user/" ~ ${wf:user()} ~ "/out"
                ${user.name}                                      => ${user.name}
                ${oozie.wf.application.path}                      => ${oozie.wf.application.path}
                ${mapred.job.queue.name}                          => ${mapred.job.queue.name}
                ${wf:conf('x')}                                   => ${wf:conf('x')}
                ${wf:conf("it's")}                                => ${wf:conf('it\\'s')}
                ${'a\\'b' eq "c\\"d"}                             => ${(== 'a\\'b' 'c"d')}
                ${'back\\\\slash'}                                => ${'back\\\\slash'}
                ${coord:formatTime(coord:nominalTime(), 'yyyyMMdd')} => ${coord:formatTime(coord:nominalTime(), 'yyyyMMdd')}
                ${concat(concat(nameNode, '/user/'), wf:user())}  => ${concat(concat(nameNode, '/user/'), wf:user())}
                ${1 + 2 * 3}                                      => ${(+ 1 (* 2 3))}
                ${(1 + 2) * 3}                                    => ${(* (+ 1 2) 3)}
                ${10 div 4 mod 3}                                 => ${(% (/ 10 4) 3)}
                ${7 / 2 % 2 - 1}                                  => ${(- (% (/ 7 2) 2) 1)}
                ${1.5e3 + .5 + 2.}                                => ${(+ (+ 1.5e3 .5) 2.)}
                ${a == b && c != d || e}                          => ${(|| (&& (== a b) (!= c d)) e)}
                ${a eq b and c ne d or e}                         => ${(|| (&& (== a b) (!= c d)) e)}
                ${a lt b and a le b and a gt b and a ge b}        => ${(&& (&& (&& (< a b) (<= a b)) (> a b)) (>= a b))}
                ${a < b || a <= b || a > b || a >= b}             => ${(|| (|| (|| (< a b) (<= a b)) (> a b)) (>= a b))}
                ${!a && not b}                                    => ${(&& (! a) (! b))}
                ${not a == b}                                     => ${(== (! a) b)}
                ${empty x}                                        => ${(empty x)}
                ${!empty wf:conf('x')}                            => ${(! (empty wf:conf('x')))}
                ${-a * -2}                                        => ${(* (- a) (- 2))}
                ${a ? 'x' : 'y'}                                  => ${(? a 'x' 'y')}
                ${a ? b : c ? d : e}                              => ${(? a b (? c d e))}
                ${a or b ? 1 : 2}                                 => ${(? (|| a b) 1 2)}
                ${true and false or null}                         => ${(|| (&& true false) null)}
                ${wf:actionData('shell-node')['my_output']}       => ${wf:actionData('shell-node')['my_output']}
                ${hadoop:counters("mr-node")[RECORDS][MAP_IN]}    => ${hadoop:counters('mr-node')[RECORDS][MAP_IN]}
                ${wf:actionData('n').key}                         => ${wf:actionData('n')['key']}
                ${m[k].x}                                         => ${m[k]['x']}
                ${ nameNode }                                     => ${nameNode}
                ${x}${y}                                          => ${x} ~ ${y}
                $5 and $$ stay text                               => "$5 and $$ stay text"
                $${x}                                             => "$" ~ ${x}
                \\${x}                                            => "\\\\" ~ ${x}
                ${'${'}literal                                    => ${'${'} ~ "literal"
                ${'}'} and ${"}"}                                 => ${'}'} ~ " and " ~ ${'}'}
                { not an expression }                             => "{ not an expression }"
                ${fn:f()}                                         => ${fn:f()}
                ${a.empty.b}                                      => ${a.empty.b}
                ${$x_1}                                           => ${$x_1}
                ${a?b:c}                                          => ${(? a b c)}
                ${wf : conf ('x')}                                => ${wf:conf('x')}
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void parsesToTree(String text, String tree) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<ElTemplate> template = ElParser.parse(text, WHERE, diagnostics);
        assertEquals(List.of(), formatted(diagnostics));
        assertEquals(tree, ElTreeFormat.format(template.orElseThrow()));
        assertEquals(text, template.get().source(), "source() gives the original text back");
    }

    /** Syntax errors: OOZ-E007 at the offending token, counted from where the text starts (wf.xml:10:5). */
    static Stream<Arguments> errors() {
        return rows("""
                ${a +}                       => wf.xml:10:10: error OOZ-E007
                ${}                          => wf.xml:10:7: error OOZ-E007
                ab ${wf:conf('x'}            => wf.xml:10:21: error OOZ-E007
                ${a b}                       => wf.xml:10:9: error OOZ-E007
                ${'it\\'s' ~ x}              => wf.xml:10:15: error OOZ-E007
                ${"bad \\q"}                 => wf.xml:10:7: error OOZ-E007
                x ${unclosed                 => wf.xml:10:7: error OOZ-E007
                ${'unclosed string}          => wf.xml:10:5: error OOZ-E007
                ${a} ${b c} ${d +}           => wf.xml:10:14: error OOZ-E007 | wf.xml:10:22: error OOZ-E007
                // as in commons-el, "b : c(" reads as the function b:c, so this conditional is an error in Oozie too
                ${a ? b : c(1)}              => wf.xml:10:19: error OOZ-E007
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsSyntaxErrorsAtTheirPosition(String text, String expected) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<ElTemplate> template = ElParser.parse(text, WHERE, diagnostics);
        assertTrue(template.isEmpty());
        List<String> heads = diagnostics.sorted().stream()
                .map(d ->
                        d.span() + ": " + d.severity().label() + " " + d.code().id())
                .toList();
        assertEquals(Arrays.asList(expected.split(" \\| ")), heads);
    }

    @Test
    void syntaxErrorInsideAMultiLinePredicateIsPlacedOnItsLine() {
        String predicate = """
                ${wf:conf('a') eq 'x'
                    and and wf:conf('b')}""";
        Diagnostics diagnostics = new Diagnostics();
        ElParser.parse(predicate, SourceSpan.of("wf.xml", 40, 17), diagnostics);
        assertEquals(
                List.of("wf.xml:41:9: error OOZ-E007: EL syntax error in '${wf:conf('a') eq 'x' and and "
                        + "wf:conf('b')}': extraneous input 'and' expecting {'true', 'false', 'null', 'not', 'empty', '!', "
                        + "'-', '(', DECIMAL, INTEGER, STRING, QUALIFIED_NAME, IDENT}"),
                formatted(diagnostics));
    }

    @Test
    void everyNodeCarriesItsSpan() {
        ElTemplate template = ElParser.parse("in=${nameNode}/x/${wf:conf(\n'k')}", WHERE, new Diagnostics())
                .orElseThrow();
        List<ElExpression> expressions = template.expressions();
        assertEquals(SourceSpan.of("wf.xml", 10, 8), expressions.get(0).span());
        assertEquals(SourceSpan.of("wf.xml", 10, 10), expressions.get(0).expr().span());
        assertEquals("${nameNode}", expressions.get(0).source());
        FunctionCall call = (FunctionCall) expressions.get(1).expr();
        assertEquals(SourceSpan.of("wf.xml", 10, 24), call.span());
        assertEquals(SourceSpan.of("wf.xml", 11, 1), call.arguments().get(0).span());
        assertEquals("wf:conf", call.qualifiedName());
        assertEquals(
                new Identifier("nameNode", SourceSpan.of("wf.xml", 10, 10)),
                expressions.get(0).expr());
    }

    @Test
    void constantTemplates() {
        assertTrue(ElParser.parse("just/a/path", WHERE, new Diagnostics())
                .orElseThrow()
                .isConstant());
        assertTrue(ElParser.parse("", WHERE, new Diagnostics())
                .orElseThrow()
                .parts()
                .isEmpty());
        assertEquals(
                ElTemplate.text("x"),
                ElParser.parse("x", WHERE, new Diagnostics()).orElseThrow());
    }

    private static List<String> formatted(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().map(Diagnostic::format).toList();
    }

    /** Rows of {@code left => right} ("//" lines are comments); text blocks keep cases readable side by side. */
    static Stream<Arguments> rows(String table) {
        return table.lines()
                .filter(l -> !l.isBlank() && !l.strip().startsWith("//"))
                .map(line -> {
                    int arrow = line.lastIndexOf(" => ");
                    return Arguments.of(
                            line.substring(0, arrow).strip(),
                            line.substring(arrow + 4).strip());
                });
    }
}
