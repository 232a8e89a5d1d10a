package dev.ferry.generator.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.diagnostics.Diagnostic;
import dev.ferry.diagnostics.Diagnostics;
import dev.ferry.diagnostics.SourceSpan;
import dev.ferry.parser.el.ElParser;
import dev.ferry.parser.el.ElTemplate;
import dev.ferry.translator.el.ElFunctionTable;
import dev.ferry.translator.el.ElLowering;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Oozie EL → the exact Jinja text of an Airflow templated field, through both stages: the translator's lowering
 * ({@link ElLowering}) and the generator's printing ({@link JinjaPrinter}). One row per case, {@code EL => Jinja}.
 */
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
                ${wf:actionData('shell-node')['my_output']}          => {{ wf.action_data('shell-node')['my_output'] }}
                ${wf:actionData('n').key}                            => {{ wf.action_data('n')['key'] }}
                ${'it\\'s'} ${"say \\"hi\\""} ${'back\\\\slash'}     => {{ 'it\\'s' }} {{ 'say "hi"' }} {{ 'back\\\\slash' }}
                ${'tab	in'}                                         => {{ 'tab\\tin' }}
                ${'}}'}                                              => {{ '}}' }}
                literal {{ braces }} {% and %} {# too #}             => literal {{ '{' }}{ braces }} {{ '{' }}% and %} {{ '{' }}# too #}
                {${x}} {{${x} a{${x}                               => {{ '{' }}{{ wf.conf('x') }}} {{ '{' }}{{ '{' }}{{ wf.conf('x') }} a{{ '{' }}{{ wf.conf('x') }}
                $5 and $${x}                                         => $5 and ${{ wf.conf('x') }}
                """);
    }

    /** Every function of the table (Oozie 5.2's catalog minus the dataset ones): EL call → helper call. */
    static Stream<Arguments> functions() {
        return rows("""
                ${wf:id()} ${wf:name()} ${wf:appPath()}              => {{ wf.id() }} {{ wf.name() }} {{ wf.app_path() }}
                ${wf:conf('mapred.job.queue.name')}                  => {{ wf.conf('mapred.job.queue.name') }}
                ${wf:user()} ${wf:group()}                           => {{ wf.user() }} {{ wf.group() }}
                ${wf:run()}                                          => {{ wf.run() }}
                ${wf:errorMessage(wf:lastErrorNode())}               => {{ wf.error_message(wf.last_error_node()) }}
                ${wf:errorCode('pig-node')}                          => {{ wf.error_code('pig-node') }}
                ${wf:transition('decide')}                           => {{ wf.transition('decide') }}
                ${wf:actionData('a')}                                => {{ el.text(wf.action_data('a')) }}
                ${wf:actionExternalId('mr')} ${wf:actionTrackerUri('mr')} ${wf:actionExternalStatus('mr')} => {{ wf.action_external_id('mr') }} {{ wf.action_tracker_uri('mr') }} {{ wf.action_external_status('mr') }}
                ${hadoop:conf('nn:8020', 'fs.defaultFS')}            => {{ hadoop.conf('nn:8020', 'fs.defaultFS') }}
                ${fs:exists(p)} ${fs:isDir(p)}                       => {{ el.text(fs.exists(wf.conf('p'))) }} {{ el.text(fs.is_dir(wf.conf('p'))) }}
                ${fs:fileSize(p)} ${fs:dirSize(p)} ${fs:blockSize(p)} => {{ fs.file_size(wf.conf('p')) }} {{ fs.dir_size(wf.conf('p')) }} {{ fs.block_size(wf.conf('p')) }}
                ${coord:nominalTime()} ${coord:actualTime()}         => {{ coord.nominal_time() }} {{ coord.actual_time() }}
                ${coord:formatTime(coord:nominalTime(), 'yyyyMMdd')} => {{ coord.format_time(coord.nominal_time(), 'yyyyMMdd') }}
                ${coord:epochTime(coord:nominalTime(), true)}        => {{ coord.epoch_time(coord.nominal_time(), true) }}
                ${coord:dateOffset(coord:nominalTime(), -1, 'DAY')}  => {{ coord.date_offset(coord.nominal_time(), -1, 'DAY') }}
                ${coord:dateTzOffset(coord:nominalTime(), 'America/New_York')} => {{ coord.date_tz_offset(coord.nominal_time(), 'America/New_York') }}
                ${coord:name()} ${coord:actionId()}                  => {{ coord.name() }} {{ coord.action_id() }}
                ${coord:conf('queue')} ${coord:user()}               => {{ coord.conf('queue') }} {{ coord.user() }}
                ${coord:days(1)} ${coord:hours(2)} ${coord:minutes(3)} ${coord:months(4)} => {{ coord.days(1) }} {{ coord.hours(2) }} {{ coord.minutes(3) }} {{ coord.months(4) }}
                ${coord:endOfDays(1)} ${coord:endOfWeeks(1)} ${coord:endOfMonths(1)} => {{ coord.end_of_days(1) }} {{ coord.end_of_weeks(1) }} {{ coord.end_of_months(1) }}
                ${concat(concat(nameNode, '/user/'), wf:user())}     => {{ fn.concat(fn.concat(wf.conf('nameNode'), '/user/'), wf.user()) }}
                ${replaceAll(x, '[0-9]', '#')}                       => {{ fn.replace_all(wf.conf('x'), '[0-9]', '#') }}
                ${appendAll('a,b', '/x', ',')}                       => {{ fn.append_all('a,b', '/x', ',') }}
                ${trim(urlEncode(x))}                                => {{ fn.trim(fn.url_encode(wf.conf('x'))) }}
                ${timestamp()}                                       => {{ fn.timestamp() }}
                ${toJsonStr(wf:actionData('a'))} ${toPropertiesStr(wf:actionData('a'))} ${toConfigurationStr(wf:actionData('a'))} => {{ fn.to_json_str(wf.action_data('a')) }} {{ fn.to_properties_str(wf.action_data('a')) }} {{ fn.to_configuration_str(wf.action_data('a')) }}
                ${firstNotNull(wf:conf('a'), 'dflt')}                => {{ el.text(fn.first_not_null(wf.conf('a'), 'dflt')) }}
                ${KB} ${MB} ${GB} ${TB} ${PB}                        => {{ 1024 }} {{ 1048576 }} {{ 1073741824 }} {{ 1099511627776 }} {{ 1125899906842624 }}
                ${MINUTES} ${HOURS} ${DAYS}                          => {{ 1 }} {{ 60 }} {{ 1440 }}
                ${RECORDS}/${MAP_IN}/${MAP_OUT}/${REDUCE_IN}/${REDUCE_OUT}/${GROUPS} => {{ 'org.apache.hadoop.mapred.Task$Counter' }}/{{ 'MAP_INPUT_RECORDS' }}/{{ 'MAP_OUTPUT_RECORDS' }}/{{ 'REDUCE_INPUT_RECORDS' }}/{{ 'REDUCE_OUTPUT_RECORDS' }}/{{ 'REDUCE_INPUT_GROUPS' }}
                """);
    }

    /**
     * Operators against JSP 2.0 EL (JSP.2.3): Python's operator where the operand types make it mean the same,
     * el.* (EL's coercions) otherwise; ${...} prints through el.text unless the value is a String or a Long.
     * An el.add/el.neg result is a number, so what takes it next can be Python's operator again.
     */
    static Stream<Arguments> operators() {
        return rows("""
                ${1 + 2} ${7 - 2 * 3} ${(7 - 2) * 3}                 => {{ 1 + 2 }} {{ 7 - 2 * 3 }} {{ (7 - 2) * 3 }}
                ${1.5 + 1} ${2 * 0.5}                                => {{ el.text(1.5 + 1) }} {{ el.text(2 * 0.5) }}
                ${a + 1} ${a - b} ${a * 2}                           => {{ el.text(el.add(wf.conf('a'), 1)) }} {{ el.text(el.sub(wf.conf('a'), wf.conf('b'))) }} {{ el.text(el.mul(wf.conf('a'), 2)) }}
                ${a - (b - c)} ${(a - b) - c}                        => {{ el.text(el.sub(wf.conf('a'), el.sub(wf.conf('b'), wf.conf('c')))) }} {{ el.text(el.sub(el.sub(wf.conf('a'), wf.conf('b')), wf.conf('c'))) }}
                ${10 / 4} ${10 div 5} ${KB / 2}                      => {{ el.text(10 / 4) }} {{ el.text(10 / 5) }} {{ el.text(1024 / 2) }}
                ${1 / 0} ${a div 2} ${2 / a}                         => {{ el.text(el.div(1, 0)) }} {{ el.text(el.div(wf.conf('a'), 2)) }} {{ el.text(el.div(2, wf.conf('a'))) }}
                ${7 % 3} ${7 mod 3} ${-7 % 3} ${7 % -3} ${a mod 2}   => {{ 7 % 3 }} {{ 7 % 3 }} {{ el.text(el.mod(-7, 3)) }} {{ el.text(el.mod(7, -3)) }} {{ el.text(el.mod(wf.conf('a'), 2)) }}
                ${7.5 % 2} ${7 % 0}                                  => {{ el.text(el.mod(7.5, 2)) }} {{ el.text(el.mod(7, 0)) }}
                ${-a} ${-(-a)} ${-(a + 1)} ${-5} ${-(2 - 3)}         => {{ el.text(el.neg(wf.conf('a'))) }} {{ el.text(-el.neg(wf.conf('a'))) }} {{ el.text(-el.add(wf.conf('a'), 1)) }} {{ -5 }} {{ -(2 - 3) }}
                ${a eq b} ${a == b} ${a ne b} ${a != b}              => {{ el.text(wf.conf('a') == wf.conf('b')) }} {{ el.text(wf.conf('a') == wf.conf('b')) }} {{ el.text(wf.conf('a') != wf.conf('b')) }} {{ el.text(wf.conf('a') != wf.conf('b')) }}
                ${a eq 5} ${a lt 10} ${a gt 1.5} ${5 == '5'}         => {{ el.text(el.eq(wf.conf('a'), 5)) }} {{ el.text(el.lt(wf.conf('a'), 10)) }} {{ el.text(el.gt(wf.conf('a'), 1.5)) }} {{ el.text(el.eq(5, '5')) }}
                ${a lt b} ${'10' lt '9'} ${1 lt 2.5}                 => {{ el.text(el.lt(wf.conf('a'), wf.conf('b'))) }} {{ el.text('10' < '9') }} {{ el.text(1 < 2.5) }}
                ${a eq ''} ${'' ne wf:conf('x')}                   => {{ el.text(el.eq(wf.conf('a'), '')) }} {{ el.text(el.ne('', wf.conf('x'))) }}
                ${a eq true} ${x eq 'true'} ${fs:exists(p) eq 'true'} => {{ el.text(el.eq(wf.conf('a'), true)) }} {{ el.text(wf.conf('x') == 'true') }} {{ el.text(el.eq(fs.exists(wf.conf('p')), 'true')) }}
                ${a eq null} ${null == null} ${wf:lastErrorNode() ne null} => {{ el.text(el.eq(wf.conf('a'), none)) }} {{ el.text(el.eq(none, none)) }} {{ el.text(el.ne(wf.last_error_node(), none)) }}
                ${fs:exists(p) == true} ${fs:fileSize(p) gt 2 * GB}   => {{ el.text(fs.exists(wf.conf('p')) == true) }} {{ el.text(fs.file_size(wf.conf('p')) > 2 * 1073741824) }}
                ${(a == b) == c} ${!a == b}                          => {{ el.text(el.eq(wf.conf('a') == wf.conf('b'), wf.conf('c'))) }} {{ el.text(el.eq(not el.bool(wf.conf('a')), wf.conf('b'))) }}
                ${1 lt 2 lt 3}                                       => {{ el.text(el.lt(1 < 2, 3)) }}
                ${a lt 1 and b ge 2 or c le 3 && d gt 4}             => {{ el.text(el.lt(wf.conf('a'), 1) and el.ge(wf.conf('b'), 2) or el.le(wf.conf('c'), 3) and el.gt(wf.conf('d'), 4)) }}
                ${(a || b) && c} ${!a} ${not (a and b)}              => {{ el.text((el.bool(wf.conf('a')) or el.bool(wf.conf('b'))) and el.bool(wf.conf('c'))) }} {{ el.text(not el.bool(wf.conf('a'))) }} {{ el.text(not (el.bool(wf.conf('a')) and el.bool(wf.conf('b')))) }}
                ${fs:exists(p) and not fs:isDir(p)}                  => {{ el.text(fs.exists(wf.conf('p')) and not fs.is_dir(wf.conf('p'))) }}
                ${empty x} ${!empty wf:conf('y')} ${not empty x}     => {{ el.text(empty(wf.conf('x'))) }} {{ el.text(not empty(wf.conf('y'))) }} {{ el.text(not empty(wf.conf('x'))) }}
                ${a ? 'x' : 'y'} ${fs:exists(p) ? 1 : 2}             => {{ ('x' if el.bool(wf.conf('a')) else 'y') }} {{ (1 if fs.exists(wf.conf('p')) else 2) }}
                ${a ? b : c ? d : e}                                 => {{ (wf.conf('b') if el.bool(wf.conf('a')) else (wf.conf('d') if el.bool(wf.conf('c')) else wf.conf('e'))) }}
                ${(a ? 1 : 2) + 3} ${a ? 1 : 'x'}                    => {{ (1 if el.bool(wf.conf('a')) else 2) + 3 }} {{ el.text((1 if el.bool(wf.conf('a')) else 'x')) }}
                ${true} ${false} ${null}                             => {{ el.text(true) }} {{ el.text(false) }} {{ el.text(none) }}
                ${010} ${1.5e3} ${.5} ${2.}                          => {{ 10 }} {{ el.text(1500.0) }} {{ el.text(0.5) }} {{ el.text(2.0) }}
                ${KB * 4}                                            => {{ 1024 * 4 }}
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"templates", "functions", "operators"})
    void rendersJinja(String el, String jinja) {
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(jinja, render(parse(el), diagnostics));
        assertEquals(List.of(), formatted(diagnostics));
    }

    /** Decision cases: one expression that renders 'True' or 'False'. */
    static Stream<Arguments> predicates() {
        return rows("""
                ${wf:actionData('shell-node')['my_output'] eq 'Hello Oozie'} => {{ wf.action_data('shell-node')['my_output'] == 'Hello Oozie' }}
                ${a gt 0 and not b}                                    => {{ el.gt(wf.conf('a'), 0) and not el.bool(wf.conf('b')) }}
                ${empty x}                                             => {{ empty(wf.conf('x')) }}
                ${fs:exists(concat(nameNode, '/out')) == "true"}       => {{ el.eq(fs.exists(fn.concat(wf.conf('nameNode'), '/out')), 'true') }}
                ${fs:exists(concat(nameNode, '/out'))}                 => {{ fs.exists(fn.concat(wf.conf('nameNode'), '/out')) }}
                ${wf:conf('flag') ne false}                            => {{ el.ne(wf.conf('flag'), false) }}
                ${wf:actionData('count')['rows'] gt 10 * KB}           => {{ el.gt(wf.action_data('count')['rows'], 10 * 1024) }}
                ${-1 lt wf:actionData('a')['n'] + 0}                   => {{ -1 < el.add(wf.action_data('a')['n'], 0) }}
                ${wf:errorCode('mr') eq 'JA018'}                       => {{ wf.error_code('mr') == 'JA018' }}
                ${true}                                                => {{ true }}
                ${wf:conf('run.it')}                                   => {{ (wf.conf('run.it') | string | lower) == 'true' }}
                ${a ? b : c}                                           => {{ ((wf.conf('b') if el.bool(wf.conf('a')) else wf.conf('c')) | string | lower) == 'true' }}
                ${a}${b}                                               => {{ ((wf.conf('a') ~ wf.conf('b')) | string | lower) == 'true' }}
                ${a}${fs:exists(b)}                                    => {{ ((wf.conf('a') ~ el.text(fs.exists(wf.conf('b')))) | string | lower) == 'true' }}
                TRUE                                                   => {{ ('TRUE' | string | lower) == 'true' }}
                """);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predicates")
    void rendersPredicates(String el, String jinja) {
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(jinja, predicate(parse(el), diagnostics));
        assertEquals(List.of(), formatted(diagnostics));
    }

    @Test
    void unknownFunctionBecomesATodoStringAndAWarning() {
        Diagnostics diagnostics = new Diagnostics();
        String jinja = render(parse("out=${coord:absoluteRange(concat('in', 'put'))}/${wf:user()}"), diagnostics);
        assertEquals(
                "out={{ 'TODO(OOZ-W004): ${coord:absoluteRange(concat(\\'in\\', \\'put\\'))}' }}/{{ wf.user() }}",
                jinja);
        assertEquals(
                List.of(
                        "wf.xml:7:11: warning OOZ-W004: EL function 'coord:absoluteRange' has no Airflow equivalent yet"),
                formatted(diagnostics));
    }

    @Test
    void unknownFunctionInADecisionIsKeptToo() {
        Diagnostics diagnostics = new Diagnostics();
        String jinja = predicate(parse("${wf:callback('ok') eq 'x' and x}"), diagnostics);
        assertEquals("{{ 'TODO(OOZ-W004): ${wf:callback(\\'ok\\') eq \\'x\\' and x}' }}", jinja);
        assertEquals(
                List.of("wf.xml:7:7: warning OOZ-W004: EL function 'wf:callback' is not translated: Oozie's "
                        + "callback URL (CallbackService) has no Airflow counterpart: a task reports its state itself"),
                formatted(diagnostics));
    }

    @Test
    void hcatExistsAsksTheMetastoreAtRunTime() {
        Diagnostics diagnostics = new Diagnostics();
        String jinja = predicate(parse("${hcat:exists('hcat://ms:9083/db/t/dt=1') and x}"), diagnostics);
        assertEquals("{{ hcat.exists('hcat://ms:9083/db/t/dt=1') and el.bool(wf.conf('x')) }}", jinja);
        assertEquals(List.of(), formatted(diagnostics));
    }

    @Test
    void hadoopCountersTranslateToAnEmptyMapWithAWarningWhereTheyAreUsed() {
        Diagnostics diagnostics = new Diagnostics();
        String jinja = predicate(parse("${hadoop:counters('mr-node')[RECORDS][MAP_IN] gt 0}"), diagnostics);
        assertEquals(
                "{{ el.gt(hadoop.counters('mr-node')['org.apache.hadoop.mapred.Task$Counter']"
                        + "['MAP_INPUT_RECORDS'], 0) }}",
                jinja);
        assertEquals(
                List.of("wf.xml:7:7: warning OOZ-W008: EL function 'hadoop:counters' is translated, but a Flink "
                        + "job has no Hadoop counters: hadoop:counters gives an empty map (every counter null) unless the "
                        + "action pushes XCom 'ferry_hadoop_counters'"),
                formatted(diagnostics));
    }

    @Test
    void aCaveatIsReportedOncePerCall() {
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(
                "{{ (el.text(hadoop.counters('mr')['g']['c']) | string | lower) == 'true' }}",
                predicate(parse("${hadoop:counters('mr')['g']['c']}"), diagnostics));
        assertEquals(1, diagnostics.size());
    }

    @Test
    void unsupportedFunctionsSayWhy() {
        for (String el : List.of("${wf:callback('status')}", "${bundle:conf('x')}")) {
            Diagnostics diagnostics = new Diagnostics();
            String jinja = render(parse(el), diagnostics);
            assertTrue(jinja.startsWith("{{ 'TODO(OOZ-W004): "), jinja);
            assertTrue(
                    formatted(diagnostics).get(0).contains("is not translated: "),
                    formatted(diagnostics).toString());
        }
    }

    @Test
    void wrongArgumentCountIsAWarningNotACrash() {
        Diagnostics diagnostics = new Diagnostics();
        assertEquals("{{ 'TODO(OOZ-W004): ${wf:user(1)}' }}", render(parse("${wf:user(1)}"), diagnostics));
        assertEquals(
                List.of("wf.xml:7:7: warning OOZ-W004: EL function 'wf:user' takes 0 argument(s), found 1"),
                formatted(diagnostics));
    }

    @Test
    void expressionGivesPythonOrNothing() {
        assertEquals(
                "wf.user()",
                JinjaPrinter.expression(ElLowering.expression(
                                parse("${wf:user()}").expressions().get(0).expr())
                        .orElseThrow()));
        assertTrue(ElLowering.expression(
                        parse("${coord:current(0)}").expressions().get(0).expr())
                .isEmpty());
    }

    @Test
    void everyTableRowNamesARuntimeHelper() {
        for (ElFunctionTable.ElFunction f : ElFunctionTable.functions()) {
            assertTrue(f.python().matches("(wf|coord|fs|fn|hadoop|hcat)\\.[a-z_]+"), f.toString());
            assertTrue(ElFunctionTable.unsupported(f.elName()).isEmpty(), f.toString());
            assertEquals(f, ElFunctionTable.function(f.elName()).orElseThrow());
        }
    }

    static String render(ElTemplate template, Diagnostics diagnostics) {
        return JinjaPrinter.print(ElLowering.template(template, diagnostics));
    }

    static String predicate(ElTemplate template, Diagnostics diagnostics) {
        return JinjaPrinter.print(ElLowering.predicate(template, diagnostics));
    }

    private static ElTemplate parse(String el) {
        Diagnostics diagnostics = new Diagnostics();
        ElTemplate template =
                ElParser.parse(el, SourceSpan.of("wf.xml", 7, 5), diagnostics).orElseThrow();
        assertEquals(List.of(), formatted(diagnostics));
        return template;
    }

    private static List<String> formatted(Diagnostics diagnostics) {
        return diagnostics.sorted().stream()
                .map(Diagnostic::format)
                .map(s -> s.lines().findFirst().orElse(""))
                .toList();
    }

    /** Rows of {@code left => right}; text blocks keep the cases readable side by side. */
    static Stream<Arguments> rows(String table) {
        return table.lines().filter(l -> !l.isBlank()).map(line -> {
            int arrow = line.indexOf(" => ");
            return Arguments.of(
                    line.substring(0, arrow).strip(), line.substring(arrow + 4).strip());
        });
    }
}
