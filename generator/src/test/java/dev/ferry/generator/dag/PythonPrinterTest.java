package dev.ferry.generator.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.translator.workflow.TaskNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Python trees → the text {@link PythonPrinter} prints after {@code x = } at the top level. Every right-hand
 * side was checked once to be what {@code ruff format} (0.17.5) leaves unchanged.
 */
class PythonPrinterTest {

    static Stream<Arguments> trees() {
        PyExpr daysInMonth = new PyExpr.Call("oozie.days_in_month", List.of(PyExpr.name("0")), List.of());
        return Stream.of(
                Arguments.of(new PyExpr.Call("oozie.fork", List.of(PyExpr.str("f")), List.of()), "oozie.fork(\"f\")"),
                Arguments.of(
                        new PyExpr.Call(
                                "oozie.current",
                                List.of(new PyExpr.Arithmetic(
                                        new PyExpr.Arithmetic(daysInMonth, PyExpr.Operator.TIMES, PyExpr.name("24")),
                                        PyExpr.Operator.MINUS,
                                        PyExpr.name("1"))),
                                List.of()),
                        "oozie.current(oozie.days_in_month(0) * 24 - 1)"),
                Arguments.of(
                        new PyExpr.Call(
                                "oozie.kill",
                                List.of(PyExpr.str("k")),
                                List.of(
                                        DagRenderer.keyword("message", "a message"),
                                        PyExpr.keyword("retry_max", PyExpr.name("3")))),
                        """
                        oozie.kill(
                            "k",
                            message="a message",
                            retry_max=3,
                        )"""),
                Arguments.of(
                        new PyExpr.Call(
                                "oozie.email",
                                List.of(PyExpr.str("mail")),
                                List.of(
                                        DagRenderer.keyword(
                                                "body",
                                                "a body long enough that it does not fit on the line after its keyword at all.."))),
                        """
                        oozie.email(
                            "mail",
                            body=(
                                "a body long enough that it does not fit on the line after its keyword at all.."
                            ),
                        )"""),
                Arguments.of(PyExpr.strings("a", "b"), "(\"a\", \"b\")"),
                Arguments.of(
                        PyExpr.strings(
                                "a rather long first element of the tuple",
                                "and a second one that does not fit either"),
                        """
                        (
                            "a rather long first element of the tuple",
                            "and a second one that does not fit either",
                        )"""),
                Arguments.of(new PyExpr.ListOf(List.of(PyExpr.name("end"), PyExpr.name("fail")), false), "[end, fail]"),
                Arguments.of(PyExpr.strings(List.of("only")), """
                        [
                            "only",
                        ]"""),
                Arguments.of(PyExpr.strings(List.of()), "[]"),
                Arguments.of(PyExpr.dict(Map.of()), "{}"),
                Arguments.of(PyExpr.dict(Map.of("k", "v")), """
                        {
                            "k": "v",
                        }"""),
                Arguments.of(PyExpr.list(List.of(PyExpr.strings("delete", "/tmp/x"))), """
                        [
                            ("delete", "/tmp/x"),
                        ]"""));
    }

    @ParameterizedTest
    @MethodSource("trees")
    void printsAsRuffFormatLeavesIt(PyExpr tree, String expected) {
        assertEquals(expected, PythonPrinter.print(tree, 0, "x = ".length()));
    }

    @Test
    void everyTaskKindHasOneCall() {
        Set<Class<?>> kinds =
                Arrays.stream(TaskNode.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(kinds, Set.copyOf(DagRenderer.kindsWithCalls()));
    }
}
