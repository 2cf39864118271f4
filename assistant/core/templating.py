"""The one Jinja2 environment that renders Dialoog's Markdown: sandboxed, strict, compiled once.

Templates are files that people edit (assistant/templates/*.md.j2); the data they are given is
never a template. Every `{{ value }}` passes through `finalize`, which escapes plain text for
Markdown, so a template that forgets a filter still cannot let an answer change the structure.
Templates that need another form use the filters `cell` (table cells) and `block` (multi-line
text), and `row` (a whole table row), which return text already marked as Markdown. The output of a macro is Markdown the template
itself made, so it is printed with the filter `markup`; that filter is for macro calls only.
"""

from __future__ import annotations

import functools
import operator
import re
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from assistant.core import locations
from assistant.core.mdtext import Md, block, cell, inline, prose, row
from assistant.core.safetext import visible

LANGUAGES = ("nl", "en")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


class TemplateProblem(Exception):
    """A template file is missing or broken; the message names the file and line."""


def _finalize(value: Any) -> Any:
    if isinstance(value, Md):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return inline(value)


def _heading(level: int) -> Md:
    return Md("#" * max(1, min(int(level), 6)))


def _pad(number: int) -> Md:
    """The indentation that keeps text inside list item `number` (0: a bullet item)."""
    return Md(" " * (len(str(number)) + 2 if number else 2))


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with its attribute check remembered per (type, name).

    Jinja's check looks only at the object's type and the attribute's name (a leading underscore,
    the internals of functions, frames and code, the mutating methods of lists, dicts and sets), so
    remembering its answer changes nothing but the time: a summary reads some 2,000 attributes.
    """

    _MAX_REMEMBERED = 10_000

    def __init__(self, **options: Any):
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def getattr(self, obj: Any, attribute: str) -> Any:
        """A field of a dataclass instance is plain data that the sandbox's checks would allow anyway
        (no leading underscore, not a function's or frame's internals, not a mutating method): read it
        directly, which halves the cost of a summary's thousands of attribute reads."""
        fields = _dataclass_fields(type(obj))
        if attribute in fields:
            return fields[attribute](obj)
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        known = self._safe.get(key)
        if known is None:
            known = super().is_safe_attribute(obj, attr, value)
            if len(self._safe) < self._MAX_REMEMBERED:
                self._safe[key] = known
        return known


@functools.cache
def _dataclass_fields(kind: type) -> dict[str, Any]:
    """Public field name -> getter, for dataclasses; empty for every other type."""
    fields = getattr(kind, "__dataclass_fields__", None) or {}
    return {name: operator.attrgetter(name) for name in fields if not name.startswith("_")}


@functools.cache
def environment(folder: Path | None = None) -> ImmutableSandboxedEnvironment:
    """The shared environment for `folder` (default: the bundled templates), created on first use."""
    env = _Sandbox(
        loader=FileSystemLoader(str(folder or locations.templates_dir())),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # compiled once per process: no stat() of the files on every render
    )
    env.filters.update(cell=cell, row=row, block=block, prose=prose, inline=inline, markup=Md)
    env.globals.update(heading=_heading, pad=_pad)
    return env


def render(name: str, lang: str, context: dict[str, Any], folder: Path | None = None) -> str:
    """Render template `name` with the fixed texts of `lang`; blank-line runs are tidied afterwards,
    which is safe because escaped user text never contains a blank line of its own making."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}' (expected one of: {', '.join(LANGUAGES)})")
    from jinja2 import TemplateError, TemplateSyntaxError

    env = environment(folder)
    try:
        template = env.get_template(name)
        text = template.render(context, texts=f"texts.{lang}.md.j2")
    except TemplateSyntaxError as exc:
        raise TemplateProblem(f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}") from None
    except TemplateError as exc:
        raise TemplateProblem(f"template {name}: {exc}") from None
    text = _TRAILING_SPACE.sub("\n", text)
    # Data is escaped as it goes in; a template is a file people edit too: nothing it holds acts on a terminal.
    return visible(_BLANK_RUNS.sub("\n\n", text).strip()) + "\n"
