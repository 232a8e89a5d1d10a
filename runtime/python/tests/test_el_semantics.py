"""Oozie EL semantics at run time, each expected value derived from Oozie's or the JDK's source.

Sources: JSP 2.0 specification section JSP.2.3 (operators) and JSP.2.8 (coercions), as Apache
commons-el 1.0 implements them (what Oozie's ELEvaluator runs); ELConstantsFunctions,
CoordELFunctions, DateUtils, FsELFunctions, HadoopELFunctions of Oozie 5.2; java.lang.String,
java.util.regex.Matcher, java.net.URLEncoder, java.util.Properties, json-simple 1.1, JDOM 1.1.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone
from types import SimpleNamespace

import jinja2
import pytest

from ferry_runtime.el import functions
from ferry_runtime.el.coord import CoordFunctions, days_in_month, hours_in_day, parse_oozie_time
from ferry_runtime.el.fn import BasicFunctions
from ferry_runtime.el.fs import FileSystemFunctions
from ferry_runtime.el.hadoop import HadoopFunctions, hadoop_configuration
from ferry_runtime.el.java_regex import java_split
from ferry_runtime.el.operators import ElOperators
from ferry_runtime.el.values import NULL, ElMap, is_null, java_double, text

el = ElOperators()
fn = BasicFunctions()
coord = CoordFunctions()
TS = "2024-05-01T06:00Z"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Double.toString: plain decimal in [1e-3, 1e7), else computerized scientific notation
        (2.0, "2.0"),
        (2.5, "2.5"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1234567.0, "1234567.0"),
        (1e7, "1.0E7"),
        (123456789.0, "1.23456789E8"),
        (1e-4, "1.0E-4"),
        (-1.5e-5, "-1.5E-5"),
        (0.001, "0.001"),
        (-0.0, "-0.0"),
        (math.inf, "Infinity"),
        (math.nan, "NaN"),
    ],
)
def test_java_double(value, expected):
    assert java_double(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # JSP.2.8.2 coerce A to String: null -> "", else A.toString()
        (None, ""),
        (NULL, ""),
        (True, "true"),
        (False, "false"),
        (5, "5"),
        (2.0, "2.0"),
        ({"a": "1", "b": "2"}, "{a=1, b=2}"),  # AbstractMap.toString
        ("x", "x"),
    ],
)
def test_text(value, expected):
    assert text(value) == expected


@pytest.mark.parametrize(
    ("op", "left", "right", "expected"),
    [
        # JSP.2.3.5.1 A + B: both null -> 0; a Double or a String with . e E -> Double; else Long
        ("add", None, None, 0),
        ("add", "5", 1, 6),
        ("add", "1.5", 1, 2.5),
        ("add", "1e1", 1, 11.0),
        ("add", "", 1, 1),  # "" coerces to 0 (JSP.2.8.3)
        ("add", NULL, 2, 2),
        ("add", 2**63 - 1, 1, -(2**63)),  # Long overflows silently
        ("sub", "10", "4", 6),
        ("mul", "3", 2.5, 7.5),
        # JSP.2.3.5.2 A / B: always Double
        ("div", 10, 4, 2.5),
        ("div", "10", "5", 2.0),
        ("div", 1, 0, math.inf),
        ("div", -1, 0, -math.inf),
        ("div", None, None, 0),
        # JSP.2.3.5.3 A % B: Java remainder (sign of the dividend)
        ("mod", 7, 3, 1),
        ("mod", -7, 3, -1),
        ("mod", 7, -3, 1),
        ("mod", 7.5, 2, 1.5),
        ("mod", "-7.5", 2, -1.5),
        ("mod", None, None, 0),
    ],
)
def test_arithmetic(op, left, right, expected):
    assert getattr(el, op)(left, right) == expected
    assert type(getattr(el, op)(left, right)) is type(expected)


def test_arithmetic_errors_like_el():
    with pytest.raises(ValueError, match="cannot coerce the String 'abc'"):
        el.add("abc", 1)  # Long.valueOf("abc") fails in commons-el too
    with pytest.raises(TypeError, match="Boolean"):
        el.add(True, 1)
    with pytest.raises(ZeroDivisionError):
        el.mod(7, 0)  # Long remainder by zero: ArithmeticException
    assert math.isnan(el.div(0, 0))
    assert math.isnan(el.mod(7.0, 0))


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, 0), ("5", -5), ("1.5", -1.5), (3, -3), (2.5, -2.5)],  # JSP.2.3.5.4 unary minus
)
def test_negate(value, expected):
    assert el.neg(value) == expected


@pytest.mark.parametrize(
    ("op", "left", "right", "expected"),
    [
        # JSP.2.3.5.7 A == B: null only equals null; a Double side -> Double, a Long side ->
        # Long, a Boolean side -> Boolean, a String side -> String
        ("eq", NULL, None, True),
        ("eq", NULL, "", False),  # wf:conf of an unset property is null, not ''
        ("eq", "", None, False),
        ("eq", "5", 5, True),
        ("eq", "05", 5, True),
        ("eq", "5.0", 5.0, True),
        ("eq", 5, 5.0, True),
        ("eq", "TRUE", True, True),  # Boolean.valueOf is case-blind
        ("eq", "TRUE", "true", False),  # two Strings: String.equals
        ("eq", True, "true", True),
        ("ne", "a", "b", True),
        ("ne", NULL, None, False),
        # JSP.2.3.5.6 A < B: null is never < or >; Long/Double numerically, Strings by text
        ("lt", "10", "9", True),
        ("lt", "10", 9, False),
        ("lt", 1, 2.5, True),
        ("lt", None, 1, False),
        ("gt", None, 1, False),
        ("le", None, None, True),  # A == B (same object) before the null rule
        ("ge", NULL, 0, False),
        ("ge", "b", "a", True),
    ],
)
def test_comparisons(op, left, right, expected):
    assert getattr(el, op)(left, right) is expected


def test_comparison_errors_like_el():
    with pytest.raises(ValueError, match=r"cannot coerce the String '5\.5'"):
        el.eq("5.5", 5)  # a Long side: Long.valueOf("5.5") fails
    with pytest.raises(ValueError, match=r"cannot coerce the String 'abc'"):
        el.lt("abc", 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    # JSP.2.8.5 coerce A to Boolean: null and "" false, a String is Boolean.valueOf
    [
        (None, False),
        (NULL, False),
        ("", False),
        ("true", True),
        ("TRUE", True),
        ("yes", False),
        (True, True),
    ],
)
def test_bool(value, expected):
    assert el.bool(value) is expected


def test_bool_of_a_number_is_an_error():
    with pytest.raises(TypeError):
        el.bool(1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, True),
        (NULL, True),
        ("", True),
        ({}, True),
        ([], True),
        (ElMap(), True),
        ("a", False),
        (0, False),
    ],
)
def test_empty(value, expected):
    assert el.empty(value) is expected


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        # ELConstantsFunctions.firstNotNull(Object, Object)
        (lambda: fn.first_not_null(NULL, "d"), "d"),
        (lambda: fn.first_not_null("", "d"), ""),
        (lambda: fn.first_not_null(None, None), NULL),
        # concat: String parameters, so EL hands over "" for null, "true" for true
        (lambda: fn.concat(None, True), "true"),
        (lambda: fn.concat("a", 2.0), "a2.0"),
        # replaceAll = String.replaceAll: Java regex, Matcher replacement syntax
        (lambda: fn.replace_all("2024-05-01", r"(\d+)-(\d+)-(\d+)", "$3/$2/$1"), "01/05/2024"),
        (lambda: fn.replace_all("ab", "(?<first>a)", "${first}!"), "a!b"),
        (lambda: fn.replace_all("a.b", r"\.", r"\$"), "a$b"),
        (lambda: fn.replace_all("abc", "(a)(b)?", "[$2]"), "[b]c"),
        (lambda: fn.replace_all("ac", "(a)(b)?", "[$2]"), "[]c"),  # unmatched group adds nothing
        (lambda: fn.replace_all("ab", "(a)", "$12"), "a2b"),  # $1 then '2': only 1 group exists
        (lambda: fn.replace_all("a+b", r"\Q+\E", "-"), "a-b"),
        (lambda: fn.replace_all("ab12", r"\p{Alpha}", "x"), "xx12"),
        (lambda: fn.replace_all("ab12", r"[\p{Digit}a]", "_"), "_b__"),
        (lambda: fn.replace_all("a\\b", r"\\", "/"), "a/b"),
        (lambda: fn.replace_all(None, "x", "y"), ""),
        # appendAll: the javadoc example, then String.split's regex and trailing-empty rules
        (lambda: fn.append_all("/a/b/,/c/b/,/c/d/", "ADD", ","), "/a/b/ADD,/c/b/ADD,/c/d/ADD"),
        (lambda: fn.append_all(",a,b", "X", ","), "X,aX,bX"),
        (lambda: fn.append_all("a,b,,", "X", ","), "aX,bX"),
        (lambda: fn.append_all("a1b22c", "X", "[0-9]+"), "aX[0-9]+bX[0-9]+cX"),
        (lambda: fn.append_all("", "X", ","), "X"),
        (lambda: fn.append_all("a,b", None, ","), "a,b"),
        # trim = StringUtils.trimToEmpty = String.trim (chars <= ' ', not NBSP)
        (lambda: fn.trim("  x \t\n"), "x"),
        (lambda: fn.trim("\u00a0x "), "\u00a0x"),
        (lambda: fn.trim(None), ""),
        # urlEncode = URLEncoder.encode(s, "UTF-8")
        (lambda: fn.url_encode("a b&c~*é/._-"), "a+b%26c%7E*%C3%A9%2F._-"),
        (lambda: fn.url_encode(None), ""),
        # toJsonStr = JSONValue.toJSONString: '/' escaped, control chars as \\uXXXX
        (lambda: fn.to_json_str({"b": "1", "a": "x/y"}), '{"a":"x\\/y","b":"1"}'),
        (lambda: fn.to_json_str({"q": 'say "hi"\n\x01'}), '{"q":"say \\"hi\\"\\n\\u0001"}'),
        (lambda: fn.to_json_str({}), "{}"),
    ],
)
def test_basic_functions(call, expected):
    assert call() == expected


def test_java_split_matches_string_split():
    # "boo:and:foo".split(...) examples of the String.split javadoc
    assert java_split("boo:and:foo", ":") == ["boo", "and", "foo"]
    assert java_split("boo:and:foo", "o") == ["b", "", ":and:f"]
    assert java_split("abc", "") == ["a", "b", "c"]  # Java 8: no leading empty string
    assert java_split("", ",") == [""]


def test_replacement_errors_like_matcher():
    with pytest.raises(ValueError, match="Illegal group reference"):
        fn.replace_all("a", "a", "$x")
    with pytest.raises(ValueError, match="character to be escaped is missing"):
        fn.replace_all("a", "a", "x\\")
    with pytest.raises(IndexError, match="No group 2"):
        fn.replace_all("a", "(a)", "$2")


def test_to_properties_str_is_properties_store():
    # PropertiesUtils.propertiesToString = Properties.store(writer, ""): "#", "#<date>", entries
    # with saveConvert escapes (key: every space; value: a leading space; both: = : # ! \\)
    value = fn.to_properties_str({"b": "1", "a key": " v=1:#!\\", "c": "x\ty"})
    lines = value.split("\n")
    assert lines[0] == "#"
    assert lines[1].startswith("#")
    assert lines[1].endswith(str(datetime.now(timezone.utc).year))
    assert lines[2:] == ["a\\ key=\\ v\\=1\\:\\#\\!\\\\", "b=1", "c=x\\ty", ""]


def test_to_configuration_str_is_jdom_pretty_print():
    # XmlUtils.prettyPrint(Configuration): JDOM Format.getPrettyFormat() (2-space indent, text
    # trimmed, empty elements as <x />); its CRLF comes back as LF once Oozie re-parses the XML
    assert fn.to_configuration_str({"b": " 1 ", "a": "x<&>y", "e": ""}) == (
        "<configuration>\n"
        "  <property>\n    <name>a</name>\n    <value>x&lt;&amp;&gt;y</value>\n  </property>\n"
        "  <property>\n    <name>b</name>\n    <value>1</value>\n  </property>\n"
        "  <property>\n    <name>e</name>\n    <value />\n  </property>\n"
        "</configuration>"
    )
    assert fn.to_configuration_str({}) == "<configuration />"


@pytest.mark.parametrize(
    ("millis", "expected"),
    # CoordELFunctions.ph2_coord_epochTime: DateUtils.formatDateEpoch(d, Boolean.valueOf(millis))
    [
        ("true", "1714543200000"),
        (True, "1714543200000"),
        ("TRUE", "1714543200000"),
        ("false", "1714543200"),
    ],
)
def test_epoch_time(millis, expected):
    assert coord.epoch_time(TS, millis) == expected


def test_times_must_be_in_oozie_format():
    # DateUtils.parseDateOozieTZ: trimmed, non-lenient "yyyy-MM-dd'T'HH:mm'Z'", nothing after it
    assert parse_oozie_time(" 2024-05-01T06:00Z ") == datetime(
        2024, 5, 1, 6, 0, tzinfo=timezone.utc
    )
    for bad in ("2024-05-01T06:00:00Z", "2024-05-01T06:00+02:00", "2024-13-01T06:00Z", ""):
        with pytest.raises(ValueError, match=r"Could not parse|month must be"):
            coord.format_time(bad, "yyyy")


@pytest.mark.parametrize(
    ("day", "tz", "hours", "days"),
    [
        # DateUtils.hoursInDay (23 on a spring-forward day, 25 on fall-back), getActualMaximum
        ("2024-03-10T12:00Z", "America/Los_Angeles", 23, 31),
        ("2024-11-03T12:00Z", "America/Los_Angeles", 25, 30),
        ("2024-02-10T12:00Z", "UTC", 24, 29),
        ("2023-02-10T12:00Z", "Europe/Berlin", 24, 28),
    ],
)
def test_hours_in_day_and_days_in_month(day, tz, hours, days):
    moment = parse_oozie_time(day)
    assert (hours_in_day(moment, tz), days_in_month(moment, tz)) == (hours, days)


def test_fs_functions_follow_fs_el_functions(tmp_path):
    # FsELFunctions: exists globs; fileSize/blockSize -1 when missing, FileStatus values (0)
    # for a directory; dirSize -1 unless a directory, files directly inside only
    fs = FileSystemFunctions()
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a.txt").write_text("12345")
    (tmp_path / "d" / "b.txt").write_text("123")
    (tmp_path / "d" / "sub" / "deep.txt").write_text("1234567")
    root = f"file://{tmp_path}"
    assert fs.exists(f"{root}/d/a.txt")
    assert not fs.exists(f"{root}/nope")
    assert fs.exists(f"{root}/d/*.txt")
    assert not fs.exists(f"{root}/d/*.csv")
    assert fs.exists(f"{root}/d/{{x,a}}.txt")
    assert not fs.exists(f"{root}/d/{{x,y}}.txt")
    assert fs.is_dir(f"{root}/d")
    assert not fs.is_dir(f"{root}/d/a.txt")
    assert not fs.is_dir(f"{root}/no")
    assert (
        fs.file_size(f"{root}/d/a.txt"),
        fs.file_size(f"{root}/d"),
        fs.file_size(f"{root}/no"),
    ) == (5, 0, -1)
    assert (
        fs.dir_size(f"{root}/d"),
        fs.dir_size(f"{root}/d/a.txt"),
        fs.dir_size(f"{root}/no"),
    ) == (8, -1, -1)
    # LocalFileSystem's block size is fs.local.block.size, 32 MiB
    assert (
        fs.block_size(f"{root}/d/a.txt"),
        fs.block_size(f"{root}/d"),
        fs.block_size(f"{root}/no"),
    ) == (
        32 << 20,
        0,
        -1,
    )


def test_hadoop_conf_reads_the_client_configuration(tmp_path, monkeypatch):
    # HadoopELFunctions.hadoop_conf: the cluster's value, '' when unset; later files override
    # earlier ones unless <final>
    (tmp_path / "core-site.xml").write_text(
        "<configuration><property><name>fs.defaultFS</name><value> hdfs://nn:8020 </value>"
        "<final>true</final></property><property><name>x</name><value>core</value></property>"
        "</configuration>"
    )
    (tmp_path / "yarn-site.xml").write_text(
        "<configuration><property><name>fs.defaultFS</name><value>hdfs://other</value></property>"
        "<property><name>x</name><value>yarn</value></property></configuration>"
    )
    monkeypatch.setenv("HADOOP_CONF_DIR", str(tmp_path))
    assert hadoop_configuration() == {"fs.defaultFS": "hdfs://nn:8020", "x": "yarn"}
    hadoop = HadoopFunctions()
    assert (hadoop.conf("nn:8020", "fs.defaultFS"), hadoop.conf("nn:8020", "unset")) == (
        "hdfs://nn:8020",
        "",
    )


def test_hadoop_counters_of_a_flink_action_are_an_empty_map(monkeypatch):
    from ferry_runtime.el import hadoop as hadoop_module

    context = {"task": SimpleNamespace(upstream_list=[]), "ti": None}
    monkeypatch.setattr(hadoop_module, "current_context", lambda: context)
    counters = HadoopFunctions().counters("mr-node")
    group = counters["org.apache.hadoop.mapred.Task$Counter"]
    assert counters == {}
    assert group == {}
    assert is_null(group["MAP_INPUT_RECORDS"])
    assert el.gt(group["MAP_INPUT_RECORDS"], 0) is False


def _render(template: str, **context: object) -> str:
    """A translated template rendered the way Airflow renders it (StrictUndefined)."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    namespace = {
        "el": el,
        "fn": fn,
        "coord": coord,
        "empty": el.empty,
        "wf": SimpleNamespace(**context),
    }
    return env.from_string(template).render(**namespace)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        # the Jinja ElToJinjaTest expects for these EL, and what Oozie prints for them
        ("{{ el.text(1 < 2) }}", "true"),  # ${1 lt 2}
        ("{{ el.text(10 / 4) }} {{ el.text(10 / 5) }}", "2.5 2.0"),  # ${10 / 4} ${10 div 5}
        ("{{ el.text(el.mod(-7, 3)) }} {{ 7 % 3 }}", "-1 1"),  # ${-7 % 3} ${7 mod 3}
        ("{{ el.text(none) }}|{{ el.text(true) }}", "|true"),  # ${null}|${true}
        ("{{ el.text(1500.0) }}", "1500.0"),  # ${1.5e3}
        ("{{ el.text(el.add(wf.conf('a'), 1)) }}", "6"),  # ${a + 1} with a=5
        ("{{ ('x' if el.bool(wf.conf('f')) else 'y') }}", "y"),  # ${f ? 'x' : 'y'} with f=false
        ("{{ el.text(not el.bool(wf.conf('f'))) }}", "true"),  # ${!f}
        ("{{ el.text(el.eq(wf.conf('missing'), none)) }}", "true"),  # ${wf:conf('missing') eq null}
        ("[{{ wf.conf('missing') }}]", "[]"),  # null prints as ''
        ("{{ el.text(fn.first_not_null(wf.conf('missing'), 'dflt')) }}", "dflt"),
        ("{{ wf.action_data('n')['k'] }}|{{ wf.action_data('n')['none'] }}", "v|"),
    ],
)
def test_translated_templates_render_what_oozie_prints(template, expected):
    values = {"a": "5", "f": "false"}
    rendered = _render(
        template,
        conf=lambda name: values.get(name, NULL),
        action_data=lambda node: ElMap({"k": "v"}),
    )
    assert rendered == expected


def test_macros_hold_every_namespace_the_translator_uses():
    macros = functions.macros()
    assert {"wf", "coord", "fn", "fs", "hadoop", "el", "empty"} <= set(macros)
    for name in (
        "add",
        "sub",
        "mul",
        "div",
        "mod",
        "neg",
        "eq",
        "ne",
        "lt",
        "gt",
        "le",
        "ge",
        "bool",
        "text",
    ):
        assert callable(getattr(macros["el"], name)), name


def test_every_row_of_the_table_takes_its_arity():
    """functions.tsv, which the translator reads too: each helper takes its row's arity."""
    import inspect

    macros = functions.macros()
    rows = [row for row in functions.EL_FUNCTIONS if row.oozie != "empty"]
    assert len(rows) > 40
    problems = []
    for row in rows:
        namespace, _, attribute = row.jinja.rpartition(".")
        helper = getattr(macros[namespace], attribute)
        try:
            inspect.signature(helper).bind(*([None] * row.arity))
        except TypeError as error:
            problems.append(f"{row.oozie} ({row.arity} arguments): {error}")
    assert problems == []
