"""Coordinator 0.5 input-logic, case by case from Apache Oozie's own tests.

Cases are ported from core/src/test/java/org/apache/oozie/coord/input/logic/
TestCoordinatorInputLogic.java (what the action's `inputLogicData = coord:dataIn('test')` holds
and whether it stays WAITING) and TestInputLogicParser.java (how min/wait propagate). As there:
datasets a..f are hourly from 2014-10-07T00:00Z at file://.../input-data/<x>/YYYY/MM/DD/HH with
_SUCCESS flags; the action's nominal time is 2014-10-08T00:00Z; data-ins A..F are either
<instance>current(0)</instance> (coord-inputlogic.xml) or current(-5)..current(0)
(getInputEventForRange: 6 instances, 10/08 00:00 down to 10/07 19:00).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ferry_runtime.el.datasets import Coordinator, DataIn, Dataset, current, instance_times
from ferry_runtime.el.input_logic import (
    Availability,
    Check,
    Join,
    LogicNode,
    Outcome,
    check_inputs,
    expression,
    input_and,
    input_combine,
    input_data_in,
    input_or,
    named_expression,
    ready_expression,
    unresolved,
    waited,
)

ROOT = "file:///t/input-data"
NOMINAL = datetime(2014, 10, 8, tzinfo=timezone.utc)
A, B, C, D, E, F = (input_data_in(x) for x in "ABCDEF")


def coordinator(*logic: LogicNode, ranged: bool = False) -> Coordinator:
    datasets = [
        Dataset(
            x,
            60,
            "minute",
            "2014-10-07T00:00Z",
            "UTC",
            f"{ROOT}/{x}/${{YEAR}}/${{MONTH}}/${{DAY}}/${{HOUR}}",
        )
        for x in "abcdef"
    ]
    inputs = [
        DataIn(x.upper(), x, start=current(-5), end=current(0))
        if ranged
        else DataIn(x.upper(), x, (current(0),))
        for x in "abcdef"
    ]
    return Coordinator(datasets=datasets, inputs=inputs, logic=logic)


def path(dataset: str, hour: str) -> str:
    """`10/08/00` style (day/hour) -> the instance URI."""
    day, h = hour.split("/")
    return f"{ROOT}/{dataset}/2014/10/{day}/{h}"


def run(coord: Coordinator, present: set[str], minutes_waited: float = 0) -> Outcome:
    def instances(name: str) -> list[tuple[str, str]] | None:
        event = coord.data_in(name)
        dataset = coord.by_name[event.dataset]
        times = instance_times(dataset, event, NOMINAL)
        assert times is not None
        return [(dataset.uri(t), dataset.done_path(dataset.uri(t))) for t in times]

    done = {p + "/_SUCCESS" for p in present}
    availability = Availability(instances, lambda p: p in done)
    return check_inputs(coord.logic, availability, timedelta(minutes=minutes_waited), ["test"])


def data_in(outcome: Outcome) -> set[str]:
    assert outcome.ready, outcome
    return set(outcome.resolved["test"])


# --- TestInputLogicParser: the expression and how min/wait reach each input ---------------------


def test_parser_and_or_nesting_is_left_to_right():
    # testAndOr: ((A || B) && (C || D)); testAllAnd: A && B && ... left-associative.
    tree = ready_expression([input_and(input_or(A, B), input_or(C, D))])
    assert tree == Join(
        "and",
        Join("or", Check(("A",), False, -1, -1), Check(("B",), False, -1, -1)),
        Join("or", Check(("C",), False, -1, -1), Check(("D",), False, -1, -1)),
    )
    chain = ready_expression([input_and(A, B, C)])
    assert chain == Join(
        "and",
        Join("and", *(Check((x,), False, -1, -1) for x in "AB")),
        Check(("C",), False, -1, -1),
    )


def test_parser_min_on_an_operator_reaches_every_data_in():
    # testOrWithMinAtOr: <or min="10"> -> input("A").min(10) || input("B").min(10).
    assert ready_expression([input_or(A, B, min=10)]) == Join(
        "or", Check(("A",), False, 10, -1), Check(("B",), False, 10, -1)
    )
    # testOrWithMin: a data-in's own min stays its own.
    assert ready_expression([input_or(input_data_in("A", min=3), B)]) == Join(
        "or", Check(("A",), False, 3, -1), Check(("B",), False, -1, -1)
    )


def test_parser_min_and_wait_on_a_named_operator():
    # testMinWait: <and name="test" min="3" wait="10"> -> both inputs min(3).inputWait(10), also
    # through parseWithName; testCombine: combine("A","B").min(10).
    logic = [input_and(A, B, name="test", min=3, wait=10)]
    expected = Join("and", Check(("A",), False, 3, 10), Check(("B",), False, 3, 10))
    assert ready_expression(logic) == expected
    assert named_expression(logic, "test") == expected
    assert named_expression([input_combine(A, B, name="test", min=10)], "test") == Check(
        ("A", "B"), True, 10, -1
    )


def test_parser_wait_reaches_only_the_operators_own_data_ins():
    # getWait returns an element's own wait: a grandparent's wait is lost, min is not.
    tree = expression(input_or(input_and(A, B), C, min=2, wait=10), 2, 10)
    assert tree == Join(
        "or",
        Join("and", Check(("A",), False, 2, -1), Check(("B",), False, 2, -1)),
        Check(("C",), False, 2, 10),
    )


def test_parser_named_nested_element_restarts_from_its_own_attributes():
    # testWithNameNested: parseWithName finds the nested <or name="test"> and parses it alone.
    logic = [input_and(input_or(A, B), input_or(C, D, name="test"), min=4)]
    assert named_expression(logic, "test") == Join(
        "or", Check(("C",), False, -1, -1), Check(("D",), False, -1, -1)
    )


# --- TestCoordinatorInputLogic: readiness and coord:dataIn('test') ------------------------------


def test_simple_or_takes_the_first_available():
    # testSimpleOr: only a's instance exists -> dataIn is that one path.
    outcome = run(coordinator(input_or(A, B, name="test")), {path("a", "08/00")})
    assert data_in(outcome) == {path("a", "08/00")}


def test_or_of_and_and_or_falls_through_to_the_one_present():
    # testSimpleOr1: (C && D) || (A || B) with only b present -> b.
    logic = input_or(input_and(C, D), input_or(A, B), name="test")
    assert not run(coordinator(logic), set()).ready  # WAITING while nothing is there
    assert data_in(run(coordinator(logic), {path("b", "08/00")})) == {path("b", "08/00")}


def test_and_needs_both():
    # testAnd.
    logic = input_and(A, B, name="test")
    assert not run(coordinator(logic), {path("a", "08/00")}).ready
    outcome = run(coordinator(logic), {path("a", "08/00"), path("b", "08/00")})
    # Oozie's && appends the left operand's instances after the right one's.
    assert outcome.resolved["test"] == [path("b", "08/00"), path("a", "08/00")]


def test_nested_conditions():
    present = {path(x, "08/00") for x in "ab"}
    # testNestedCondition: ((A||B) && (C||D)) || (A && B) with a, b -> the second branch, 2 paths.
    logic = input_or(input_and(input_or(A, B), input_or(C, D)), input_and(A, B), name="test")
    assert data_in(run(coordinator(logic), present)) == present
    # testNestedCondition1: ((A&&B) || (C&&D)) && (E&&F) with a, b, e, f -> 4 paths.
    four = present | {path(x, "08/00") for x in "ef"}
    logic = input_and(input_or(input_and(A, B), input_and(C, D)), input_and(E, F), name="test")
    assert data_in(run(coordinator(logic), four)) == four
    # testNestedCondition2: (A&&B&&C&&D) || (E&&F) with a, b, c, e, f -> e and f only.
    logic = input_or(input_and(A, B, C, D), input_and(E, F), name="test")
    five = {path(x, "08/00") for x in "abcef"}
    assert data_in(run(coordinator(logic), five)) == {path(x, "08/00") for x in "ef"}
    # testNestedCondition3: (A&&B) && (C&&D) && (E&&F) with all six -> 6 paths.
    logic = input_and(input_and(A, B), input_and(C, D), input_and(E, F), name="test")
    six = {path(x, "08/00") for x in "abcdef"}
    assert data_in(run(coordinator(logic), six)) == six


def test_or_with_min_takes_the_data_in_that_reaches_it():
    # testOrWithMin: A has 2 of 6, B 3 of 6, both min 3 -> B's three.
    logic = input_or(input_data_in("A", min=3), input_data_in("B", min=3), name="test")
    present = {path("a", "08/00"), path("a", "07/23")} | {
        path("b", f"07/{h}") for h in ("21", "20", "19")
    }
    assert data_in(run(coordinator(logic, ranged=True), present)) == {
        path("b", f"07/{h}") for h in ("21", "20", "19")
    }


def test_and_with_min_zero_needs_nothing_of_that_data_in():
    # testAndWithMin: A min 2 (has 2), B min 3 (has 3), C min 0 (has none) -> 5 paths.
    logic = input_and(
        input_data_in("A", min=2), input_data_in("B", min=3), input_data_in("C", min=0), name="test"
    )
    present = {path("a", "08/00"), path("a", "07/23")} | {
        path("b", f"07/{h}") for h in ("21", "20", "19")
    }
    assert data_in(run(coordinator(logic, ranged=True), present)) == present


def test_single_data_in_with_min_accepts_a_gap():
    # testSingeSetWithMin: 08/00, 07/23 and 07/19 (a gap) of A, min 3 -> those three.
    present = {path("a", "08/00"), path("a", "07/23"), path("a", "07/19")}
    logic = input_or(input_data_in("A", min=3), name="test")
    assert data_in(run(coordinator(logic, ranged=True), present)) == present
    assert not run(coordinator(logic, ranged=True), present - {path("a", "07/19")}).ready


def test_combine_fills_the_gaps_of_the_first_from_the_second():
    # testCombine: a has 00, 23, 22, b has 21, 20, 19 -> all 6 instances, interleaved.
    present = {path("a", h) for h in ("08/00", "07/23", "07/22")}
    present |= {path("b", f"07/{h}") for h in ("21", "20", "19")}
    outcome = run(coordinator(input_combine(A, B, name="test"), ranged=True), present)
    assert outcome.resolved["test"] == [
        path("a", "08/00"),
        path("a", "07/23"),
        path("a", "07/22"),
        path("b", "07/21"),
        path("b", "07/20"),
        path("b", "07/19"),
    ]
    # testCombineNegative: 07/22 in neither and 07/19 missing -> stays WAITING.
    present -= {path("a", "07/22"), path("b", "07/19")}
    assert not run(coordinator(input_combine(A, B, name="test"), ranged=True), present).ready


def test_combine_with_min():
    # testCombineWithMin: min 4, 5 of 6 present across a and b -> ready with those 5.
    present = {path("a", h) for h in ("08/00", "07/23", "07/22")} | {
        path("b", "07/21"),
        path("b", "07/20"),
    }
    logic = input_combine(A, B, name="test", min=4)
    assert data_in(run(coordinator(logic, ranged=True), present)) == present


def test_min_with_wait_holds_until_the_wait_has_elapsed():
    # testMinWait: combine min 4 wait 1, b has 5 of 6: WAITING at first, ready after 1 minute.
    present = {path("b", h) for h in ("08/00", "07/23", "07/22", "07/21", "07/20")}
    logic = input_combine(A, B, name="test", min=4, wait=1)
    assert not run(coordinator(logic, ranged=True), present, minutes_waited=0.99).ready
    assert data_in(run(coordinator(logic, ranged=True), present, minutes_waited=1)) == present


def test_wait_without_min_still_needs_every_instance():
    # testWait: combine wait 1, no min: 5 of 6 after the wait is not enough; the 6th makes it.
    present = {path("b", h) for h in ("08/00", "07/23", "07/22", "07/21", "07/20")}
    logic = input_combine(A, B, name="test", wait=1)
    assert not run(coordinator(logic, ranged=True), present, minutes_waited=5).ready
    present.add(path("b", "07/19"))
    assert len(data_in(run(coordinator(logic, ranged=True), present, minutes_waited=1))) == 6


def test_wait_on_the_first_or_operand_holds_the_second_back():
    # testWaitFail: <or min=4 wait=180> of A and B, b has 5 of 6: A waits its 180 minutes first.
    present = {path("b", h) for h in ("08/00", "07/23", "07/22", "07/21", "07/20")}
    logic = input_or(A, B, name="test", min=4, wait=180)
    assert not run(coordinator(logic, ranged=True), present, minutes_waited=179).ready
    # After the wait A (none present) is false, so B with 5 >= 4 decides.
    assert data_in(run(coordinator(logic, ranged=True), present, minutes_waited=180)) == present


def test_timed_waiting_left_of_and_lets_the_right_decide():
    # OozieJexlInterpreter: isTrue() holds for TIMED_WAITING, so `A.wait(10) && B` is ready with
    # B alone; coord:dataIn re-evaluates without waits: A (1 of 1 missing) is false, unresolved.
    logic = input_and(input_data_in("A", wait=10), B, name="test")
    outcome = run(coordinator(logic), {path("b", "08/00")})
    assert outcome.ready
    assert outcome.resolved["test"] == [unresolved("test")]


def test_only_the_first_top_level_element_decides():
    # InputLogicParser writes top-level elements one after another; JEXL keeps the first.
    coord = coordinator(input_or(A, name="test"), input_and(B, C, name="other"))
    assert data_in(run(coord, {path("a", "08/00")})) == {path("a", "08/00")}


def test_data_in_names_are_not_input_logic_names():
    coord = coordinator(input_or(A, B, name="test"))
    assert coord.logic_names() == ["test"]
    assert coord.sensor_units() == ["test"]
    assert coordinator().sensor_units() == list("ABCDEF")
    # A name that is no Airflow task id still resolves in coord:dataIn; the sensor is input-logic.
    spaced = coordinator(input_or(A, B, name="A or B"))
    assert spaced.sensor_units() == ["input-logic"]
    assert spaced.sensor_for("A or B") == "input-logic"
    with pytest.raises(KeyError, match="no <data-in> named 'X'"):
        coordinator(input_or(input_data_in("X"), A))


def test_combine_needs_ranges_of_the_same_length():
    # TestCoordinatorInputLogic.testValidateRange: current(-5..0) combined with current(-4..0).
    coord = coordinator(input_combine(A, B, name="test"), ranged=True)
    shorter = DataIn("B", "b", start=current(-4), end=current(0))
    coord = Coordinator(
        datasets=coord.datasets, inputs=[coord.inputs[0], shorter], logic=coord.logic
    )
    with pytest.raises(ValueError, match="needs the same range"):
        run(coord, set())


def test_wait_counts_from_the_later_of_nominal_and_creation_time():
    # CoordInputLogicEvaluatorPhaseOne.isInputWaitElapsed: max(nominal, created).
    now = datetime(2014, 10, 8, 1, 0, tzinfo=timezone.utc)
    assert waited(now, NOMINAL, NOMINAL - timedelta(hours=2)) == timedelta(hours=1)
    assert waited(now, NOMINAL, now - timedelta(minutes=5)) == timedelta(minutes=5)
