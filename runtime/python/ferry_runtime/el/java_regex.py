"""java.util.regex as Python's `re`: the pattern syntax that differs, Matcher's replacement
strings and String.split (as replaceAll and appendAll use them).

Covered: named groups `(?<name>...)` and `\\k<name>`, `\\Q...\\E` quoting, `\\z`/`\\Z`, `\\h`,
the POSIX and java.lang.Character classes `\\p{Alpha}`, `\\p{javaLowerCase}`... Java-only
constructs outside this list (class intersection `[a-z&&[^e]]`) raise an error instead of
silently matching something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

POSIX_CLASSES: Final[dict[str, str]] = {
    "Lower": "a-z",
    "Upper": "A-Z",
    "ASCII": "\\x00-\\x7f",
    "Alpha": "a-zA-Z",
    "Digit": "0-9",
    "Alnum": "a-zA-Z0-9",
    "Punct": "!-/:-@\\[-`{-~",
    "Graph": "!-~",
    "Print": " -~",
    "Blank": " \\t",
    "Cntrl": "\\x00-\\x1f\\x7f",
    "XDigit": "0-9a-fA-F",
    "Space": " \\t\\n\\x0b\\f\\r",
    "javaLowerCase": "a-z",
    "javaUpperCase": "A-Z",
    "javaWhitespace": " \\t\\n\\x0b\\f\\r\\x1c-\\x1f",
    "N": "0-9",
    "Nd": "0-9",
}


# Java escapes Python spells differently (\h: horizontal whitespace).
ESCAPES: Final[dict[str, str]] = {
    "z": "\\Z",
    "Z": "(?=\\n?\\Z)",
    "h": "[ \\t\\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]",
}
LETTERS: Final = "\\W\\d_"  # [^\W\d_] is a Unicode letter in Python


def _character_class(name: str, negated: bool, in_class: bool, regex: str) -> str:
    """\\p{name} / \\P{name} as a Python class, or its ranges inside an enclosing [...]."""
    if name in ("L", "IsL", "IsAlphabetic", "IsLetter"):
        if in_class:
            raise ValueError(f"Java regex \\p{{{name}}} inside [...] is not supported: {regex!r}")
        return f"[{'' if negated else '^'}{LETTERS}]"
    ranges = POSIX_CLASSES.get(name.removeprefix("Is"))
    if ranges is None or (negated and in_class):
        raise ValueError(f"Java regex class \\p{{{name}}} is not supported here: {regex!r}")
    if in_class:
        return ranges
    return f"[{'^' if negated else ''}{ranges}]"


def java_pattern(regex: str) -> str:
    """A Java regex in Python `re` syntax."""
    out: list[str] = []
    i = 0
    in_class = 0
    while i < len(regex):
        char = regex[i]
        if char == "\\" and i + 1 < len(regex):
            nxt = regex[i + 1]
            if nxt == "Q":
                end = regex.find("\\E", i + 2)
                quoted = regex[i + 2 :] if end < 0 else regex[i + 2 : end]
                out.append(re.escape(quoted))
                i = len(regex) if end < 0 else end + 2
                continue
            if nxt in "pP" and regex.startswith("{", i + 2):
                close = regex.index("}", i + 3)
                name = regex[i + 3 : close]
                out.append(_character_class(name, nxt == "P", bool(in_class), regex))
                i = close + 1
                continue
            if nxt == "k" and regex.startswith("<", i + 2):
                close = regex.index(">", i + 3)
                out.append(f"(?P={regex[i + 3 : close]})")
                i = close + 1
                continue
            replacement = ESCAPES.get(nxt)
            out.append(replacement if replacement is not None else regex[i : i + 2])
            i += 2
            continue
        if char == "[":
            in_class += 1
        elif char == "]" and in_class:
            in_class -= 1
        elif char == "&" and in_class and regex.startswith("&&", i):
            raise ValueError(f"Java regex class intersection (&&) is not supported: {regex!r}")
        named_group = regex.startswith("(?<", i) and regex[i + 3 : i + 4].isalpha()
        if not in_class and named_group:
            out.append("(?P<")
            i += 3
            continue
        out.append(char)
        i += 1
    return "".join(out)


def java_replacement(replacement: str, pattern: re.Pattern[str]) -> Callable[[re.Match[str]], str]:
    """Matcher.appendReplacement's rules: `$n` (as many digits as make a valid group), `${name}`,
    `\\x` for a literal x; an unmatched group adds nothing. Errors as Java's."""
    pieces: list[str | int] = []
    literal: list[str] = []
    i = 0
    while i < len(replacement):
        char = replacement[i]
        if char == "\\":
            if i + 1 >= len(replacement):
                raise ValueError("character to be escaped is missing")
            literal.append(replacement[i + 1])
            i += 2
        elif char == "$":
            if i + 1 >= len(replacement):
                raise ValueError("Illegal group reference: group index is missing")
            if replacement[i + 1] == "{":
                close = replacement.find("}", i + 2)
                if close < 0:
                    raise ValueError("named capturing group is missing trailing '}'")
                name = replacement[i + 2 : close]
                if name not in pattern.groupindex:
                    raise ValueError(f"No group with name {{{name}}}")
                group: int = pattern.groupindex[name]
                i = close + 1
            elif replacement[i + 1].isdigit():
                group = int(replacement[i + 1])
                i += 2
                while i < len(replacement) and replacement[i].isdigit():
                    longer = group * 10 + int(replacement[i])
                    if longer > pattern.groups:
                        break
                    group = longer
                    i += 1
                if group > pattern.groups:
                    raise IndexError(f"No group {group}")
            else:
                raise ValueError("Illegal group reference")
            pieces.append("".join(literal))
            literal = []
            pieces.append(group)
        else:
            literal.append(char)
            i += 1
    pieces.append("".join(literal))

    def expand(match: re.Match[str]) -> str:
        return "".join(p if isinstance(p, str) else (match.group(p) or "") for p in pieces)

    return expand


def java_split(value: str, regex: str) -> list[str]:
    """String.split(regex) (limit 0, Java 8+): trailing empty strings dropped, no leading empty
    string for a zero-width match at the start, the whole input when nothing matches."""
    pattern = re.compile(java_pattern(regex))
    parts: list[str] = []
    index = 0
    matched = False
    for match in pattern.finditer(value):
        if match.end() == 0 and match.start() == 0:
            continue  # zero-width match at the beginning: no leading empty substring
        matched = True
        parts.append(value[index : match.start()])
        index = match.end()
    if not matched:
        return [value]
    parts.append(value[index:])
    while parts and parts[-1] == "":
        parts.pop()
    return parts
