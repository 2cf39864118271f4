"""Hostile and random inputs for the hardening suite: bytes, YAML, deep nesting, huge strings.

The strategies build documents three ways: raw bytes (anything a damaged or foreign file holds),
random YAML-able data (any shape), and a real document with one value swapped for a random one
(the near-misses an author or a broken disk produces, which reach far deeper into validation).

The normal test run keeps the number of examples small enough for the suite's time budget; for a
deeper search, set DIALOOG_FUZZ_EXAMPLES (for example 2000) and run tests/hardening alone.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]


def fuzz(examples: int) -> settings:
    """Settings for a property test: `examples` in the normal run, more when DIALOOG_FUZZ_EXAMPLES asks."""
    wanted = max(examples, int(os.environ.get("DIALOOG_FUZZ_EXAMPLES") or 0))
    return settings(max_examples=wanted, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LOCATED = re.compile(r"^.+:\d+:\d+: \S.*$")  # file:line:col: message, one line

# Scalars YAML can hold, with the awkward ones made likely: empty, blank, huge, control characters,
# Markdown and template syntax, tags spelled out as text, paths that climb out of a folder.
TRICKY_TEXT = st.sampled_from([
    "", " ", "\n", "~", "null", "yes", "no", "0x1F", "1e400", ".nan", "-.inf", "2025-03-14",
    "!!python/object/apply:os.system ['touch pwned']", "{{ 7 * 7 }}", "{% for x in range(9) %}x{% endfor %}",
    "../../etc/passwd", "/etc/passwd", "..", "a\x00b", "\x1b[31mred", "‮rtl", "x" * 3_000, "é" * 1_000,
    "# heading", "| a | b |", "<script>alert(1)</script>", "\ud7ff", "a\u2028b",
])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40), TRICKY_TEXT,
)
KEYS = st.one_of(st.text(max_size=12), st.sampled_from([
    "id", "title", "text", "type", "level", "sections", "questions", "options", "min", "max", "rows",
    "columns", "banks", "rules", "when", "answer", "equals", "mentions", "any", "all", "not", "suggest",
    "show", "skip", "signal", "because", "format", "meta", "events", "seq", "kind", "at", "value",
]))
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=20,
)


def dump(data: Any) -> str:
    """Data as YAML text (PyYAML's safe dumper: no tags that name Python objects)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _paths(node: Any, at: tuple = ()) -> list[tuple]:
    found = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*at, i))
    return found


def _replaced(node: Any, at: tuple, value: Any) -> Any:
    if not at:
        return value
    head, rest = at[0], at[1:]
    if isinstance(node, dict):
        return {k: (_replaced(v, rest, value) if k == head else v) for k, v in node.items()}
    return [(_replaced(v, rest, value) if i == head else v) for i, v in enumerate(node)]


def _deleted(node: Any, at: tuple) -> Any:
    head, rest = at[0], at[1:]
    if rest:
        if isinstance(node, dict):
            return {k: (_deleted(v, rest) if k == head else v) for k, v in node.items()}
        return [(_deleted(v, rest) if i == head else v) for i, v in enumerate(node)]
    if isinstance(node, dict):
        return {k: v for k, v in node.items() if k != head}
    return [v for i, v in enumerate(node) if i != head]


@st.composite
def mutated(draw: st.DrawFn, documents: list[Any]) -> Any:
    """One of `documents` with one to three values replaced by random data, or deleted."""
    doc = draw(st.sampled_from(documents))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        at = draw(st.sampled_from(paths))
        if at and draw(st.booleans()) and draw(st.booleans()):
            doc = _deleted(doc, at)
        else:
            doc = _replaced(doc, at, draw(DATA))
    return doc


def deep_yaml() -> dict[str, str]:
    """Documents nested far beyond any real one, each written the several ways YAML allows."""
    n = 40_000
    return {
        "flow sequences": "[" * n + "]" * n,
        "flow mappings": "{a: " * n + "1" + "}" * n,
        "compact block sequences": "- " * n + "x\n",
        "block mappings": "".join(" " * i + "k:\n" for i in range(700)) + " " * 700 + "k: 1\n",
        "under a real key": "id: x\nsections: " + "[" * n + "]" * n + "\n",
    }


def assert_located(errors: list[Any]) -> None:
    """Every error is one `file:line:col: message` line (what `dialoog validate` prints)."""
    assert errors, "an error without any message"
    for error in errors:
        text = str(error)
        assert "\n" not in text and LOCATED.match(text), f"not a located one-line error: {text!r}"
