"""Oozie's basic EL functions (`concat`, `replaceAll`, ...) with their Java semantics."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote_plus
from xml.sax.saxutils import escape


def _java_replacement(replacement: str) -> str:
    r"""Java's Matcher replacement syntax ($1, \$) as Python's (\g<1>, $)."""
    out = []
    i = 0
    while i < len(replacement):
        char = replacement[i]
        if char == "\\" and i + 1 < len(replacement):
            out.append(replacement[i + 1].replace("\\", "\\\\"))
            i += 2
        elif char == "$":
            match = re.match(r"\$(\d+|\{(\w+)\})", replacement[i:])
            if match is None:
                raise ValueError(f"illegal group reference in replacement {replacement!r}")
            out.append(f"\\g<{match.group(2) or match.group(1)}>")
            i += match.end()
        else:
            out.append("\\\\" if char == "\\" else char)
            i += 1
    return "".join(out)


class BasicFunctions:
    """`fn` in templates: fn.concat(a, b), fn.replace_all(s, regex, replacement), ..."""

    def first_not_null(self, first: Any, second: Any) -> Any:
        return first if first is not None else second

    def concat(self, first: Any, second: Any) -> str:
        """Null-safe: a null argument counts as ''."""
        return f"{'' if first is None else first}{'' if second is None else second}"

    def replace_all(self, src: str | None, regex: str | None, replacement: str | None) -> str:
        if src is None:
            return ""
        if regex is None:
            return src
        return re.sub(regex, _java_replacement(replacement or ""), src)

    def append_all(self, src: str | None, append: str | None, delimiter: str | None) -> str:
        """Append `append` to each `delimiter`-separated part of `src`."""
        if src is None:
            return ""
        if not delimiter:
            return src + (append or "")
        return delimiter.join(part + (append or "") for part in src.split(delimiter))

    def trim(self, value: str | None) -> str:
        return "" if value is None else value.strip()

    def url_encode(self, value: str | None) -> str:
        """java.net.URLEncoder.encode(value, "UTF-8")."""
        if value is None:
            return ""
        return quote_plus(value, safe="*").replace("~", "%7E")

    def timestamp(self) -> str:
        """Now in UTC, W3C format to the millisecond: 2024-05-01T06:00:00.000Z."""
        now = datetime.now(timezone.utc)
        return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"

    def to_json_str(self, value: Mapping[str, Any]) -> str:
        return json.dumps(value, separators=(",", ":"), sort_keys=True)

    def to_properties_str(self, value: Mapping[str, Any]) -> str:
        return "".join(f"{key}={value[key]}\n" for key in sorted(value))

    def to_configuration_str(self, value: Mapping[str, Any]) -> str:
        properties = "".join(
            f"<property><name>{escape(str(key))}</name><value>{escape(str(value[key]))}</value>"
            "</property>"
            for key in sorted(value)
        )
        return f"<configuration>{properties}</configuration>"


def empty(value: Any) -> bool:
    """EL `empty`: true for null, '' and empty collections."""
    if value is None:
        return True
    if isinstance(value, str | Mapping | list | tuple | set):
        return len(value) == 0
    return False
