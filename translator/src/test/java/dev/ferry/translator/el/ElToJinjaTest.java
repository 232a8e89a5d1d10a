package dev.ferry.translator.el;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElTemplate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Oozie EL → the exact Jinja text of an Airflow templated field: one row per case, {@code EL => Jinja}. */
class ElToJinjaTest {

    static Stream<Arguments> templates() {
        return rows("""
                plain/path                                           => plain/path
                ${nameNode}                                          => {{ wf.conf('nameNode') }}
                ${nameNode}/user/${wf:user()}/${examplesRoot}/out    => {{ wf.conf('nameNode') }}/user/{{ wf.user() }}/{{ wf.conf('examplesRoot') }}/out
                ${user.name}                                         => {{ wf.conf('user.name') }}
                ${oozie.wf.application.path}                         => {{ wf.conf('oozie.wf.application.path') }}
                ${$odd}                                              => {{ wf.conf('$odd') }}
                ${class}                                             => {{ wf.conf('class') }}
                ${wf:conf('mapred.job.queue.name')}                  => {{ wf.conf('mapred.job.queue.name') }}
                ${wf:id()} ${wf:name()} ${wf:appPath()}              => {{ wf.id() }} {{ wf.name() }} {{ wf.app_path() }}
                ${wf:errorMessage(wf:lastErrorNode())}               => {{ wf.error_message(wf.last_error_node()) }}
                ${wf:errorCode('pig-node')}                          => {{ wf.error_code('pig-node') }}
                ${wf:actionData('shell-node')['my_output']}          => {{ wf.action_data('shell-node')['my_output'] }}
                ${wf:actionData('n').key}                            => {{ wf.action_data('n')['key'] }}
                ${coord:formatTime(coord:nominalTime(), 'yyyyMMdd')} => {{ coord.format_time(coord.nominal_time(), 'yyyyMMdd') }}
                ${coord:dateOffset(coord:nominalTime(), -1, 'DAY')}  => {{ coord.date_offset(coord.nominal_time(), -1, 'DAY') }}
                ${coord:days(1)} ${coord:hours(2)} ${coord:minutes(3)} ${coord:months(4)} => {{ coord.days(1) }} {{ coord.hours(2) }} {{ coord.minutes(3) }} {{ coord.months(4) }}
                ${concat(concat(nameNode, '/user/'), wf:user())}     => {{ fn.concat(fn.concat(wf.conf('nameNode'), '/user/'), wf.user()) }}
                ${replaceAll(x, '[0-9]', '#')}                       => {{ fn.replace_all(wf.conf('x'), '[0-9]', '#') }}
                ${appendAll('a,b', '/x', ',')}                       => {{ fn.append_all('a,b', '/x', ',') }}
                ${trim(urlEncode(x))}                                => {{ fn.trim(fn.url_encode(wf.conf('x'))) }}
                ${timestamp()} ${toJsonStr(wf:actionData('a'))}      => {{ fn.timestamp() }} {{ fn.to_json_str(wf.action_data('a')) }}
                ${firstNotNull(a, 'dflt')}                           => {{ fn.first_not_null(wf.conf('a'), 'dflt') }}
                ${a eq b} ${a == b} ${a ne b} ${a != b}              => {{ wf.conf('a') == wf.conf('b') }} {{ wf.conf('a') == wf.conf('b') }} {{ wf.conf('a') != wf.conf('b') }} {{ wf.conf('a') != wf.conf('b') }}
                ${a lt 1 and b ge 2 or c le 3 && d gt 4}             => {{ (wf.conf('a') | float) < 1 and (wf.conf('b') | float) >= 2 or (wf.conf('c') | float) <= 3 and (wf.conf('d') | float) > 4 }}
                ${(a || b) && c}                                     => {{ (wf.conf('a') or wf.conf('b')) and wf.conf('c') }}
                ${!a} ${not (a and b)}                               => {{ not wf.conf('a') }} {{ not (wf.conf('a') and wf.conf('b')) }}
                ${!a == b}                                           => {{ (not wf.conf('a')) == wf.conf('b') }}
                ${(a == b) == c}                                     => {{ (wf.conf('a') == wf.conf('b')) == wf.conf('c') }}
                ${empty x} ${!empty wf:conf('y')}                    => {{ empty(wf.conf('x')) }} {{ not empty(wf.conf('y')) }}
                ${a div 2} ${a mod 2} ${a / 2 % 3}                   => {{ wf.conf('a') / 2 }} {{ wf.conf('a') % 2 }} {{ wf.conf('a') / 2 % 3 }}
                ${a - (b - c)} ${(a - b) - c} ${a * (b + c)}         => {{ wf.conf('a') - (wf.conf('b') - wf.conf('c')) }} {{ wf.conf('a') - wf.conf('b') - wf.conf('c') }} {{ wf.conf('a') * (wf.conf('b') + wf.conf('c')) }}
                ${-a} ${-(-a)} ${-(a + 1)}                           => {{ -wf.conf('a') }} {{ -(-wf.conf('a')) }} {{ -(wf.conf('a') + 1) }}
                ${a ? 'x' : 'y'}                                     => {{ ('x' if wf.conf('a') else 'y') }}
                ${a ? b : c ? d : e}                                 => {{ (wf.conf('b') if wf.conf('a') else (wf.conf('d') if wf.conf('c') else wf.conf('e'))) }}
                ${(a ? 1 : 2) + 3}                                   => {{ (1 if wf.conf('a') else 2) + 3 }}
                ${true} ${false} ${null}                             => {{ true }} {{ false }} {{ none }}
                ${010} ${1.5e3} ${.5} ${2.}                          => {{ 10 }} {{ 1500.0 }} {{ 0.5 }} {{ 2.0 }}
                ${'it\\'s'} ${"say \\"hi\\""} ${'back\\\\slash'}     => {{ 'it\\'s' }} {{ 'say "hi"' }} {{ 'back\\\\slash' }}
                ${'tab	in'}                                         => {{ 'tab\\tin' }}
                ${'}}'}                                              => {{ '}}' }}
                ${KB * 4}                                            => {{ 1024 * 4 }}
                ${fs:fileSize(p) gt 2 * GB} ${fs:isDir(p)}           => {{ (fs.file_size(wf.conf('p')) | float) > 2 * 1073741824 }} {{ fs.is_dir(wf.conf('p')) }}
                ${1 lt 2} ${a == b} ${'true' eq 'false'}             => {{ 1 < 2 }} {{ wf.conf('a') == wf.conf('b') }} {{ 'true' == 'false' }}
                ${x eq true} ${x + 1 == y}                           => {{ (wf.conf('x') | string | lower) == 'true' }} {{ wf.conf('x') + 1 == (wf.conf('y') | float) }}
                literal {{ braces }} {% and %} {# too #}             => literal {{ '{' }}{ braces }} {{ '{' }}% and %} {{ '{' }}# too #}
                $5 and $${x}                                         => $5 and ${{ wf.conf('x') }}
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void rendersJinja(String el, String jinja) {
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(jinja, ElToJinja.render(parse(el), diagnostics));
        assertEquals(List.of(), formatted(diagnostics));
    }

    /** Decision cases: one expression that renders 'True' or 'False'. */
    static Stream<Arguments> predicates() {
        return rows("""
                ${wf:actionData('shell-node')['my_output'] eq 'Hello Oozie'} => {{ wf.action_data('shell-node')['my_output'] == 'Hello Oozie' }}
                ${a gt 0 and not b}                                    => {{ (wf.conf('a') | float) > 0 and not wf.conf('b') }}
                ${empty x}                                             => {{ empty(wf.conf('x')) }}
                ${fs:exists(concat(nameNode, '/out')) == "true"}       => {{ (fs.exists(fn.concat(wf.conf('nameNode'), '/out')) | string | lower) == 'true' }}
                ${wf:conf('flag') ne false}                            => {{ (wf.conf('flag') | string | lower) != 'false' }}
                ${wf:actionData('count')['rows'] gt 10 * KB}           => {{ (wf.action_data('count')['rows'] | float) > 10 * 1024 }}
                ${-1 lt wf:actionData('a')['n'] + 0}                   => {{ -1 < wf.action_data('a')['n'] + 0 }}
                ${true}                                                => {{ true }}
                ${wf:conf('run.it')}                                   => {{ (wf.conf('run.it') | string | lower) == 'true' }}
                ${a ? b : c}                                           => {{ ((wf.conf('b') if wf.conf('a') else wf.conf('c')) | string | lower) == 'true' }}
                ${a}${b}                                               => {{ ((wf.conf('a') ~ wf.conf('b')) | string | lower) == 'true' }}
                TRUE                                                   => {{ ('TRUE' | string | lower) == 'true' }}
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predicates")
    void rendersPredicates(String el, String jinja) {
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(jinja, ElToJinja.predicate(parse(el), diagnostics));
        assertEquals(List.of(), formatted(diagnostics));
    }

    @Test
    void unknownFunctionBecomesATodoStringAndAWarning() {
        Diagnostics diagnostics = new Diagnostics();
        String jinja = ElToJinja.render(parse("out=${coord:absoluteRange(concat('in', 'put'))}/${wf:user()}"), diagnostics);
        assertEquals("out={{ 'TODO(OOZ-W004): ${coord:absoluteRange(concat(\\'in\\', \\'put\\'))}' }}/{{ wf.user() }}", jinja);
        assertEquals(List.of("wf.xml:7:11: warning OOZ-W004: EL function 'coord:absoluteRange' has no Airflow equivalent yet"),
                formatted(diagnostics));
    }

    @Test
    void unknownFunctionInADecisionIsKeptToo() {
        Diagnostics diagnostics = new Diagnostics();
        String jinja = ElToJinja.predicate(parse(
                "${hadoop:counters('mr-node')[RECORDS][MAP_IN] gt 0}"), diagnostics);
        assertEquals("{{ 'TODO(OOZ-W004): ${hadoop:counters(\\'mr-node\\')[RECORDS][MAP_IN] gt 0}' }}", jinja);
        assertEquals(1, diagnostics.size());
    }

    @Test
    void wrongArgumentCountIsAWarningNotACrash() {
        Diagnostics diagnostics = new Diagnostics();
        assertEquals("{{ 'TODO(OOZ-W004): ${wf:user(1)}' }}", ElToJinja.render(parse("${wf:user(1)}"), diagnostics));
        assertEquals(List.of("wf.xml:7:7: warning OOZ-W004: EL function 'wf:user' takes 0 argument(s), found 1"),
                formatted(diagnostics));
    }

    @Test
    void expressionGivesPythonOrNothing() {
        assertEquals("wf.user()", ElToJinja.expression(parse("${wf:user()}").expressions().get(0).expr()).orElseThrow());
        assertTrue(ElToJinja.expression(parse("${coord:current(0)}").expressions().get(0).expr()).isEmpty());
    }

    @Test
    void everyTableRowNamesARuntimeHelper() {
        for (ElFunctionTable.ElFunction f : ElFunctionTable.functions()) {
            assertTrue(f.python().matches("(wf|coord|fs|fn)\\.[a-z_]+"), f.toString());
            assertEquals(f, ElFunctionTable.function(f.elName()).orElseThrow());
        }
    }

    private static ElTemplate parse(String el) {
        Diagnostics diagnostics = new Diagnostics();
        ElTemplate template = ElParser.parse(el, SourceSpan.of("wf.xml", 7, 5), diagnostics).orElseThrow();
        assertEquals(List.of(), formatted(diagnostics));
        return template;
    }

    private static List<String> formatted(Diagnostics diagnostics) {
        return diagnostics.sorted().stream().map(Diagnostic::format).map(s -> s.lines().findFirst().orElse("")).toList();
    }

    /** Rows of {@code left => right}; text blocks keep the cases readable side by side. */
    static Stream<Arguments> rows(String table) {
        return table.lines().filter(l -> !l.isBlank()).map(line -> {
            int arrow = line.indexOf(" => ");
            return Arguments.of(line.substring(0, arrow).strip(), line.substring(arrow + 4).strip());
        });
    }
}
