"""Oozie's basic EL functions (org.apache.oozie.util.ELConstantsFunctions), Java semantics.

EL coerces every argument of a `String` parameter to a String before the call (null to '',
true to 'true', 5 to '5'), so each helper does the same with `text()`.

What Oozie writes into the workflow XML it parses again, so the XML escaping toJsonStr,
toPropertiesStr and toConfigurationStr apply (XmlUtils.escapeCharsForXML) cancels out and the
action sees the plain text; these helpers return that plain text. Map order: Oozie iterates a
java.util.Properties (hash order, effectively arbitrary); Ferry sorts the keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

from ferry_runtime.el.java_regex import java_pattern, java_replacement, java_split
from ferry_runtime.el.java_time import format_java
from ferry_runtime.el.operators import ElOperators
from ferry_runtime.el.values import NULL, is_null, text

OOZIE_TIME_PATTERN = "yyyy-MM-dd'T'HH:mm'Z'"  # DateUtils.ISO8601_UTC_MASK
URL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-*_")


def _java_trim(value: str) -> str:
    """String.trim(): strips every char <= ' ' (not Unicode spaces)."""
    start, end = 0, len(value)
    while start < end and value[start] <= " ":
        start += 1
    while end > start and value[end - 1] <= " ":
        end -= 1
    return value[start:end]


def _json_string(value: str) -> str:
    """org.json.simple.JSONValue.escape, quoted."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char in '"\\/':
            out.append("\\" + char)
        elif char in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        elif code <= 0x1F or 0x7F <= code <= 0x9F or 0x2000 <= code <= 0x20FF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _json(value: Any) -> str:
    """JSONValue.toJSONString for the values an EL map holds."""
    if is_null(value):
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return text(value)
    if isinstance(value, Mapping):
        members = (f"{_json_string(str(k))}:{_json(value[k])}" for k in sorted(value))
        return "{" + ",".join(members) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_json(v) for v in value) + "]"
    return _json_string(text(value))


def _properties_escape(value: str, *, is_key: bool) -> str:
    """java.util.Properties.saveConvert, as store(Writer) calls it (no \\uXXXX escapes)."""
    out = []
    for index, char in enumerate(value):
        if char == " ":
            out.append("\\ " if index == 0 or is_key else " ")
        elif char in "\t\n\r\f":
            out.append({"\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f"}[char])
        elif char in "=:#!\\":
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _xml_text(value: str) -> str:
    """JDOM 1.x XMLOutputter with Format.getPrettyFormat(): trimmed text, & < > and CR escaped."""
    trimmed = value.strip(" \t\n\r")
    escaped = trimmed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\r", "&#xD;")


def _xml_element(name: str, value: str, indent: str) -> str:
    content = _xml_text(value)
    return f"{indent}<{name} />" if not content else f"{indent}<{name}>{content}</{name}>"


def _java_date_now() -> str:
    """java.util.Date.toString() on a UTC JVM: 'Tue Dec 01 19:49:07 UTC 2026'."""
    return format_java(datetime.now(timezone.utc), "EEE MMM dd HH:mm:ss 'UTC' yyyy")


class BasicFunctions:
    """`fn` in templates: fn.concat(a, b), fn.replace_all(s, regex, replacement), ..."""

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self._clock = clock or (lambda: datetime.now(timezone.utc))

    def first_not_null(self, first: Any, second: Any) -> Any:
        """firstNotNull(Object, Object): the first that is not null, else null."""
        if not is_null(first):
            return first
        return second if not is_null(second) else NULL

    def concat(self, first: Any, second: Any) -> str:
        return text(first) + text(second)

    def replace_all(self, src: Any, regex: Any, replacement: Any) -> str:
        """String.replaceAll: a Java regex and Java's replacement syntax ($1, ${name}, \\$)."""
        pattern = re.compile(java_pattern(text(regex)))
        return pattern.sub(java_replacement(text(replacement), pattern), text(src))

    def append_all(self, src: Any, append: Any, delimiter: Any) -> str:
        """ELConstantsFunctions.appendAll: `delimiter` is a regex for the split (String.split),
        the literal text between the parts."""
        source, suffix, separator = text(src), text(append), text(delimiter)
        parts = java_split(source, separator)
        result = separator.join(part + suffix for part in parts)
        # Oozie: "Java 8 skips a leading match if it's empty"; re-adds `append` in that case
        if source.startswith(separator) and parts and parts[0] != "":
            result = suffix + result
        return result

    def trim(self, value: Any) -> str:
        """StringUtils.trimToEmpty: String.trim(), null as ''."""
        return _java_trim(text(value))

    def url_encode(self, value: Any) -> str:
        """java.net.URLEncoder.encode(value, "UTF-8"): space as '+', %XX in upper case."""
        out = []
        for char in text(value):
            if char in URL_SAFE:
                out.append(char)
            elif char == " ":
                out.append("+")
            else:
                encoded = char.encode("utf-8", errors="surrogatepass")
                out.extend(f"%{byte:02X}" for byte in encoded)
        return "".join(out)

    def timestamp(self) -> str:
        """DateUtils.formatDateOozieTZ(new Date()): now in UTC, to the minute."""
        return format_java(self._clock().astimezone(timezone.utc), OOZIE_TIME_PATTERN)

    def to_json_str(self, value: Mapping[str, Any]) -> str:
        """JSONValue.toJSONString(map): {"k":"v"}, '/' escaped as '\\/' as json-simple does."""
        return _json(dict(value))

    def to_properties_str(self, value: Mapping[str, Any]) -> str:
        """Properties.store(writer, ""): a blank comment line, the date line, then key=value."""
        lines = ["#", "#" + _java_date_now()]
        for key in sorted(value):
            name = _properties_escape(str(key), is_key=True)
            lines.append(f"{name}={_properties_escape(text(value[key]), is_key=False)}")
        return "".join(line + "\n" for line in lines)

    def to_configuration_str(self, value: Mapping[str, Any]) -> str:
        """XmlUtils.prettyPrint(Configuration): JDOM's pretty format (line ends as parsed XML
        gives them back: LF)."""
        if not value:
            return "<configuration />"
        lines = ["<configuration>"]
        for key in sorted(value):
            lines += [
                "  <property>",
                _xml_element("name", str(key), "    "),
                _xml_element("value", text(value[key]), "    "),
                "  </property>",
            ]
        lines.append("</configuration>")
        return "\n".join(lines)


_OPERATORS = ElOperators()


def empty(value: Any) -> bool:
    """EL `empty`: true for null, '' and empty collections."""
    return _OPERATORS.empty(value)
