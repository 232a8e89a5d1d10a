"""Coordinator 0.5 `<input-logic>` at run time: Oozie's evaluator, step for step.

Oozie (core/.../coord/input/logic) turns the XML into a JEXL expression (InputLogicParser) and
evaluates it on every input check (CoordInputLogicEvaluatorPhaseOne through OozieJexlInterpreter);
coord:dataIn of an operator's name evaluates that element again over what was found
(CoordInputLogicEvaluatorPhaseThree). This module does the same, against the done-flags one sensor
poke probes. What Oozie does, read from its source:

* The expression. `<and>`/`<or>` join their children with `&&`/`||`, left to right (JEXL's binary
  nodes, left-associative); a `<data-in dataset="X"/>` is `input("X")` where X names a `<data-in>`
  of `<input-events>` (not a dataset); `<combine>` is one `combine("X", "Y", ...)` over its
  data-ins. Only the first top-level element of `<input-logic>` is evaluated (the parser writes the
  top-level elements one after the other with no operator; JEXL's createExpression keeps the first).
* min and wait propagate as InputLogicParser writes them: a data-in takes its own `min`, else the
  nearest ancestor's (inside the element being evaluated); its own `wait`, else its parent
  operator's own `wait` (getWait returns the element's own attribute, so a grandparent's wait does
  not reach it); a `<combine>` takes its own `wait` only. Absent = -1.
* Results: TRUE, FALSE, unset (false) or TIMED_WAITING; `isTrue()` holds for TRUE *and*
  TIMED_WAITING. `a || b` returns a when a.isTrue() (b is not probed: short circuit), else b.
  `a && b` returns a when not a.isTrue(), else b, with a's instances appended after b's (so
  `and(A, B, C)` lists C's, then B's, then A's). The action is ready when the result is true and
  not TIMED_WAITING. A TIMED_WAITING left operand of `&&` therefore lets the right one decide.
* input(X, min, wait): the instances in order; each available one is kept; at the first missing
  one the scan stops when min < 0 (so the rest is not probed). Then getEvalResult: not all found
  and wait > 0 and the wait has not elapsed -> TIMED_WAITING; all found, or min > 0 and at least
  min available -> TRUE with the available ones; min == 0 -> TRUE (with no instances unless all
  were found); else false.
* combine(X, Y, ...): instance i of X, or when missing instance i of every later data-in that has
  it (each one that has it is added, as Oozie's loop does); a miss in all stops the scan when
  min < 0; all found = as many instances as X has. Then getEvalResult as above. The data-ins must
  have ranges of the same length and no latest/future (CoordInputLogicEvaluatorPhaseValidate).
* wait elapsed: isInputWaitElapsed -- whole minutes since max(nominal time, the action's creation
  time) >= wait. It is measured from there, not from when min was met: once the wait is over, the
  action starts as soon as min instances are there (the spec's "additional time after min" is
  what this gives when min is met early). Here the creation time is the sensor's first poke (the
  run reaches its sensor when Oozie would have materialized the action, within max_active_runs).
* coord:dataIn(name): a `<data-in>` name gives all its instance URIs (`.datain.X` is set, so the
  input logic is not consulted). Any other name is the first element with that `name` attribute;
  it is evaluated alone (min/wait from that element down, not from its ancestors) with waits
  counted as elapsed and availability as found: input(X, min) is TRUE with the available
  instances when min > -1 and at least min are available (min == 0 always), or when all are; the
  `&&`/`||` rules above then give the URIs, comma-separated. When that evaluation is not true
  Oozie leaves the text `${coord:dataIn('name')}` in the value: so does this module.
* timeout: the coordinator's <timeout> ends the wait (TIMEDOUT, the workflow never runs) whatever
  the input logic says; the sensor's timeout does that here and the run fails at the sensor.

Where this differs: Oozie remembers which instances it found on earlier checks; the sensor probes
again on every poke (a done-flag that disappears counts as missing), and coord:dataIn probes a
data-in the ready check did not reach instead of counting it empty. latest()/future() data-ins are
resolved as without input-logic (every instance must resolve); Oozie's phase two also applies min to
a partly resolved latest range.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Final

OPERATORS: Final = ("and", "or", "combine")
UNSET: Final = -1  # Oozie's value of an absent min or wait


@dataclass(frozen=True)
class LogicNode:
    """One element of `<input-logic>`: an operator with children, or a `<data-in>` reference.

    `data_in` is the referenced `<data-in>` name (the XML's `dataset` attribute); min and wait are
    the element's own attributes (None when absent): propagation happens when it is evaluated.
    """

    kind: str  # and, or, combine, data-in
    children: tuple[LogicNode, ...] = ()
    data_in: str | None = None
    name: str | None = None
    min: int | None = None
    wait: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in (*OPERATORS, "data-in"):
            raise ValueError(f"input-logic: unknown element <{self.kind}>")
        if (self.kind == "data-in") != (self.data_in is not None):
            raise ValueError("input-logic: a <data-in> names a data-in; an operator names none")
        if self.kind == "combine" and (
            len(self.children) < 2 or any(c.kind != "data-in" for c in self.children)
        ):
            raise ValueError("input-logic: <combine> joins two or more <data-in> elements")

    def walk(self) -> list[LogicNode]:
        """This element and every element below it, in document order."""
        return [self, *(n for child in self.children for n in child.walk())]


def input_and(
    *children: LogicNode, name: str | None = None, min: int | None = None, wait: int | None = None
) -> LogicNode:
    return LogicNode("and", tuple(children), name=name, min=min, wait=wait)


def input_or(
    *children: LogicNode, name: str | None = None, min: int | None = None, wait: int | None = None
) -> LogicNode:
    return LogicNode("or", tuple(children), name=name, min=min, wait=wait)


def input_combine(
    *children: LogicNode, name: str | None = None, min: int | None = None, wait: int | None = None
) -> LogicNode:
    return LogicNode("combine", tuple(children), name=name, min=min, wait=wait)


def input_data_in(
    data_in: str, *, name: str | None = None, min: int | None = None, wait: int | None = None
) -> LogicNode:
    return LogicNode("data-in", data_in=data_in, name=name, min=min, wait=wait)


# --- the expression InputLogicParser writes -------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """input(X).min(m).inputWait(w) or combine(X, Y...).min(m).inputWait(w)."""

    data_ins: tuple[str, ...]
    combine: bool
    min: int
    wait: int


@dataclass(frozen=True)
class Join:
    """`left && right` or `left || right`."""

    operator: str  # and, or
    left: Expression
    right: Expression


Expression = Check | Join


def _own(value: int | None, inherited: int | None) -> int | None:
    return value if value is not None else inherited


def expression(element: LogicNode, min: int | None = None, wait: int | None = None) -> Expression:
    """InputLogicParser.parse(element, opt, min, wait), with `min`/`wait` as its caller passes."""
    if element.kind == "data-in":
        assert element.data_in is not None
        own_min, own_wait = _own(element.min, min), _own(element.wait, wait)
        return Check((element.data_in,), False, _n(own_min), _n(own_wait))
    if element.kind == "combine":
        names = tuple(c.data_in for c in element.children if c.data_in is not None)
        return Check(names, True, _n(_own(element.min, min)), _n(element.wait))
    own_min = _own(element.min, min)
    # getWait(element, wait): empty when nothing came in, else the element's own attribute.
    own_wait = None if wait is None else element.wait
    parts = [
        expression(child, _own(child.min, own_min), _own(child.wait, own_wait))
        for child in element.children
    ]
    if not parts:
        raise ValueError(f"input-logic: <{element.kind}> has no children")
    joined = parts[0]
    for part in parts[1:]:
        joined = Join(element.kind, joined, part)
    return joined


def _n(value: int | None) -> int:
    return UNSET if value is None else value


def ready_expression(top_level: Sequence[LogicNode]) -> Expression | None:
    """What the input check evaluates: the first top-level element (None: no logic, ready)."""
    if not top_level:
        return None
    first = top_level[0]
    return expression(first, first.min, first.wait)


def named_expression(top_level: Sequence[LogicNode], name: str) -> Expression | None:
    """InputLogicParser.parseWithName: the first element called `name`, with its own min/wait."""
    for element in (n for top in top_level for n in top.walk()):
        if element.name == name:
            return expression(element, element.min, element.wait)
    return None


# --- evaluation ---------------------------------------------------------------------------------


class Status(Enum):
    TRUE = "true"
    FALSE = "false"
    TIMED_WAITING = "timed-waiting"


@dataclass
class Result:
    """CoordInputLogicEvaluatorResult: a status (None = unset) and the instances it lists."""

    status: Status | None = None
    uris: list[str] | None = None

    @property
    def is_true(self) -> bool:
        return self.status in (Status.TRUE, Status.TIMED_WAITING)

    def append(self, uris: list[str] | None) -> None:
        if uris:
            self.uris = [*(self.uris or []), *uris]


@dataclass
class Availability:
    """The instances of each data-in (URI, done-flag path), and a cached done-flag probe."""

    instances: Callable[[str], list[tuple[str, str]] | None]  # None: latest/future unresolved
    exists: Callable[[str], bool]
    probed: dict[str, bool] = field(default_factory=dict)
    resolved: dict[str, list[tuple[str, str]] | None] = field(default_factory=dict)

    def available(self, done_path: str) -> bool:
        if done_path not in self.probed:
            self.probed[done_path] = self.exists(done_path)
        return self.probed[done_path]

    def of(self, data_in: str) -> list[tuple[str, str]] | None:
        """The data-in's instances, resolved once per check (latest/future probe as they go)."""
        if data_in not in self.resolved:
            self.resolved[data_in] = self.instances(data_in)
        return self.resolved[data_in]


@dataclass
class Evaluator:
    """Evaluates an expression: `resolving` is phase three (coord:dataIn), waits count as elapsed.

    `waited` is how long the action has waited: now - max(nominal time, creation time).
    """

    availability: Availability
    waited: timedelta = timedelta(0)
    resolving: bool = False

    def evaluate(self, node: Expression) -> Result:
        if isinstance(node, Join):
            left = self.evaluate(node.left)
            if node.operator == "or":
                return left if left.is_true else self.evaluate(node.right)
            if not left.is_true:
                return left
            right = self.evaluate(node.right)
            if right.is_true:
                right.append(left.uris)
            return right
        return self._combine(node) if node.combine else self._input(node)

    def _input(self, check: Check) -> Result:
        instances = self.availability.of(check.data_ins[0])
        if instances is None:  # latest/future not resolvable yet: nothing available
            return self._result(False, check, [])
        if self.resolving:  # PhaseOne.getEvalResult(dependencies, dataSet, min)
            found = [uri for uri, done in instances if self.availability.available(done)]
            result = Result()
            if not found:
                result.status = Status.TRUE if check.min == 0 else Status.FALSE
            if (check.min > UNSET and len(found) >= check.min) or len(found) == len(instances):
                result = Result(Status.TRUE, found)
            return result
        available: list[tuple[str, str]] = []
        all_found = True
        for uri, done in instances:
            if self.availability.available(done):
                available.append((uri, done))
            else:
                all_found = False
                if check.min < 0:
                    break  # Oozie stops looking when no min is given
        return self._result(all_found, check, available)

    def _combine(self, check: Check) -> Result:
        sets = [self.availability.of(name) for name in check.data_ins]
        if any(s is None for s in sets):
            raise ValueError("input-logic: combine is not supported for latest/future")
        first, *others = [s or [] for s in sets]
        if any(len(other) != len(first) for other in others):
            raise ValueError(
                f"input-logic: combine of {', '.join(check.data_ins)} needs the same range"
                f" (instances: {', '.join(str(len(s or [])) for s in sets)})"
            )
        found: list[tuple[str, str]] = []
        for i, (uri, done) in enumerate(first):
            hit = False
            if self.availability.available(done):
                found.append((uri, done))
                hit = True
            else:
                for other in others:  # every later data-in that has instance i adds it
                    if self.availability.available(other[i][1]):
                        found.append(other[i])
                        hit = True
            if check.min < 0 and not hit and not self.resolving:
                break
        return self._result(len(found) == len(first), check, found)

    def _result(self, all_found: bool, check: Check, found: list[tuple[str, str]]) -> Result:
        """getEvalResult(found, min, wait, availableList)."""
        if not all_found and check.wait > 0 and not self._wait_elapsed(check.wait):
            return Result(Status.TIMED_WAITING)
        result = Result()
        if all_found or (check.min > 0 and len(found) >= check.min):
            result = Result(Status.TRUE, [uri for uri, _ in found])
        if check.min == 0:
            result.status = Status.TRUE
        return result

    def _wait_elapsed(self, minutes: int) -> bool:
        if self.resolving or minutes == UNSET:
            return True
        return minutes <= int(self.waited.total_seconds() // 60)


@dataclass(frozen=True)
class Outcome:
    """One input check: ready or not, the result, and coord:dataIn of each name when ready."""

    ready: bool
    result: Result | None
    resolved: dict[str, list[str]]


def check_inputs(
    top_level: Sequence[LogicNode],
    availability: Availability,
    waited: timedelta,
    names: Sequence[str],
) -> Outcome:
    """CoordInputLogicEvaluatorUtil.checkPullMissingDependencies, then getInputDependencies of
    every name when the action is ready (what coord:dataIn(name) gives its workflow)."""
    check = ready_expression(top_level)
    result = Evaluator(availability, waited).evaluate(check) if check is not None else None
    if result is not None and (not result.is_true or result.status is Status.TIMED_WAITING):
        return Outcome(False, result, {})
    resolver = Evaluator(availability, resolving=True)
    resolved: dict[str, list[str]] = {}
    for name in names:
        expression = named_expression(top_level, name)
        value = resolver.evaluate(expression) if expression is not None else None
        true = value is not None and value.is_true
        resolved[name] = (value.uris or []) if value is not None and true else [unresolved(name)]
    return Outcome(True, result, resolved)


def waited(now: datetime, nominal: datetime, created: datetime) -> timedelta:
    """How long an action has waited, as Oozie counts it: from max(nominal, creation)."""
    return now - max(nominal, created)


def unresolved(name: str) -> str:
    """What Oozie leaves in a value whose coord:dataIn(name) does not resolve."""
    return "${coord:dataIn('" + name + "')}"
