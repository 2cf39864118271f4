"""Reading YAML files while remembering where every value came from.

Banks, scripts and transcripts are written by people. When one is wrong, the author needs the
file, line and column of the mistake, so we compose the YAML node tree (safe loader only; the C
loader where libyaml is present) and build plain Python data from it ourselves, recording the
position of each value. Aliases are refused: no document of ours needs them, and refusing them
is the simplest complete defence against alias bombs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

MAX_BYTES = 2_000_000
MAX_DEPTH = 64
MAX_NODES = 500_000

_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}

YamlPath = tuple[str | int, ...]
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class SourceError:
    """One problem in one file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        # Messages quote what the author wrote; a line break or control character in a key or value
        # is shown escaped, so that each error stays one line.
        message = _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], self.message)
        return f"{self.path}:{self.line}:{self.col}: {message}"


class SourceErrors(Exception):
    """Raised with every problem found in a file (at least one)."""

    def __init__(self, errors: list[SourceError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def merge_errors(first: list[SourceError], second: list[SourceError]) -> list[SourceError]:
    """Both lists in file order, each message once (two checks may see the same mistake)."""
    seen: set[str] = set()
    merged = []
    for error in sorted(first + second, key=lambda e: (e.line, e.col)):
        if str(error) not in seen:
            seen.add(str(error))
            merged.append(error)
    return merged


@dataclass
class Located:
    """Plain data from a YAML file plus where each value and key stands in it."""

    path: str
    data: Any
    values: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, at: YamlPath, *, key: bool = False) -> tuple[int, int]:
        """The position of the value (or key) at `at`, or of its nearest known ancestor."""
        table = self.keys if key else self.values
        probe = tuple(at)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def error(self, at: YamlPath, message: str, *, key: bool = False) -> SourceError:
        line, col = self.where(at, key=key)
        return SourceError(self.path, line, col, message)


def _offset_to_line_col(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def read_text(path: Path, display: str, max_bytes: int = MAX_BYTES) -> str:
    """Read a UTF-8 text file of sane size, or raise SourceErrors saying why not."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SourceErrors([SourceError(display, 1, 1, "file not found")]) from None
    except OSError as exc:
        raise SourceErrors([SourceError(display, 1, 1, f"cannot read file: {exc.strerror}")]) from None
    if path.is_dir():
        raise SourceErrors([SourceError(display, 1, 1, "is a folder, not a file")])
    if size > max_bytes:
        raise SourceErrors(
            [SourceError(display, 1, 1, f"file is too large ({size:,} bytes; the limit is {max_bytes:,})")]
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceErrors([SourceError(display, 1, 1, f"cannot read file: {exc.strerror}")]) from None
    if b"\x00" in raw:
        line, col = _offset_to_line_col(raw, raw.index(b"\x00"))
        raise SourceErrors([SourceError(display, line, col, "binary data (NUL byte): not a YAML text file")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _offset_to_line_col(raw, exc.start)
        raise SourceErrors([SourceError(display, line, col, "not valid UTF-8 text")]) from None
    return text.removeprefix("\ufeff")


def _check_tabs(text: str, display: str) -> None:
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        col = line.find("\t")
        if col >= 0:
            errors.append(SourceError(display, number, col + 1, "tab character: use spaces in YAML files"))
    if errors:
        raise SourceErrors(errors)


def _loader_class() -> Any:
    """PyYAML's safe loader: the C one (libyaml, several times faster) where it was built in."""
    import yaml  # imported on first parse: the app's start-up reads banks from the cache instead

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# libyaml composes nested collections by recursing in C, past Python's recursion guard: some 30,000
# nested brackets (a 60 KB file) overflow the C stack and kill the process without a word. Each level
# of nesting needs a bracket or a step of indentation, so a document whose lines are short and whose
# brackets are few cannot be that deep; any other document is measured on the parser's flat stream
# of events before it is composed.
_SHALLOW_BOUND = 1_000


def _nesting_bound(text: str) -> int:
    """An upper bound of the document's nesting depth, cheap to compute."""
    longest = max(map(len, text.splitlines()), default=0)
    return 2 * longest + 2 * (text.count("[") + text.count("{")) + 2


_TOO_DEEP = f"nested too deeply (more than {MAX_DEPTH} levels)"
_FLOW_SYNTAX = re.compile(r"""[\[\]{}\n]|'(?:[^']|'')*'?|"(?:[^"\\]|\\.)*"?|(?:(?<=\s)|^)#[^\n]*""", re.MULTILINE)


def _deep_flow_place(text: str) -> tuple[int, int] | None:
    """Line and column of the first flow bracket that opens more than MAX_DEPTH levels deep, if any.

    Counted on the text itself (quoted scalars and comments skipped), because PyYAML 6.0.4 and newer
    stop deep flow nesting in their scanner, ahead of the events we count, with words of their own.
    """
    depth, line, line_start = 0, 1, 0
    for match in _FLOW_SYNTAX.finditer(text):
        token = match.group()
        if token == "\n":
            line, line_start = line + 1, match.end()
        elif token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line, match.start() - line_start + 1
        elif token in "]}":
            depth = max(depth - 1, 0)
        elif "\n" in token:  # a quoted scalar or comment over several lines
            line, line_start = line + token.count("\n"), match.start() + token.rfind("\n") + 1
    return None


def _refuse_deep(text: str, display: str, loader_class: Any) -> None:
    """SourceErrors at the first collection nested more than MAX_DEPTH levels deep."""
    import yaml

    opening = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    closing = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    loader = loader_class(text)
    try:
        depth = 0
        while (event := loader.get_event()) is not None and not isinstance(event, yaml.StreamEndEvent):
            if isinstance(event, opening):
                depth += 1
                if depth > MAX_DEPTH + 1:  # the root is level 0 for the builder
                    mark = event.start_mark
                    raise SourceErrors([SourceError(display, mark.line + 1, mark.column + 1, _TOO_DEEP)])
            elif isinstance(event, closing):
                depth -= 1
    except (yaml.YAMLError, RecursionError):
        # Whatever PyYAML's own limit and wording, deep nesting is said our way, at its place.
        place = _deep_flow_place(text)
        if place is None:
            raise
        raise SourceErrors([SourceError(display, *place, _TOO_DEEP)]) from None
    finally:
        loader.dispose()


def parse_located(text: str, display: str) -> Located:
    """Parse one YAML document into plain data with positions; raise SourceErrors on any problem."""
    import yaml

    _check_tabs(text, display)
    _Loader = _loader_class()
    try:
        if _nesting_bound(text) > _SHALLOW_BOUND:
            _refuse_deep(text, display, _Loader)
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise SourceErrors([SourceError(display, line, col, f"invalid YAML: {problem}")]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids; its str() spans two lines
        line, col = text.count("\n", 0, exc.position) + 1, exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise SourceErrors([SourceError(display, line, col, f"invalid YAML: unacceptable character #x{char:04x}: {exc.reason}")]) from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise SourceErrors([SourceError(display, 1, 1, f"invalid YAML: {message}")]) from None
    except RecursionError:
        raise SourceErrors([SourceError(display, 1, 1, "invalid YAML: nested too deeply")]) from None
    located = Located(display, None)
    if root is None:
        located.data = None
        return located
    builder = _Builder(located, _Loader)
    located.data = builder.build(root, (), 0)
    if builder.errors:
        raise SourceErrors(builder.errors)
    return located


def load_located(path: Path, display: str | None = None, max_bytes: int = MAX_BYTES) -> Located:
    """Read and parse a YAML file; every failure is a SourceErrors with locations."""
    shown = display if display is not None else str(path)
    return parse_located(read_text(path, shown, max_bytes), shown)


class _Builder:
    """Turns a composed node tree into dicts, lists and scalars, recording positions."""

    def __init__(self, located: Located, loader: Any):
        self.located = located
        self.errors: list[SourceError] = []
        self.seen: set[int] = set()
        self.alias_reported = False
        self.count = 0
        self.constructor = loader("")  # only its safe scalar constructors are used

    def _err(self, node: Any, message: str) -> None:
        self.errors.append(
            SourceError(self.located.path, node.start_mark.line + 1, node.start_mark.column + 1, message)
        )

    def build(self, node: Any, at: YamlPath, depth: int) -> Any:
        import yaml

        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:
                self._err(node, f"document too large (more than {MAX_NODES:,} values)")
            return None
        if depth > MAX_DEPTH:
            self._err(node, f"nested too deeply (more than {MAX_DEPTH} levels)")
            return None
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if id(node) in self.seen:
                if not self.alias_reported:  # one line says it; a bomb would repeat it endlessly
                    self._err(node, "this anchored value (&name) is reused through an alias; aliases are not allowed, write the value out")
                    self.alias_reported = True
                return None
            self.seen.add(id(node))
        self.located.values[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
            self._err(node, f"unsupported tag '{node.tag}'")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*at, i), depth + 1) for i, child in enumerate(node.value)]
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._err(key_node, "a key must be a plain value, not a list or mapping")
                continue
            if key_node.tag.endswith(":merge"):
                self._err(key_node, "merge keys (<<) are not allowed; write the values out")
                continue
            key = self._scalar(key_node)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                self._err(key_node, f"unsupported key {key!r}")
                continue
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                self._err(key_node, f"duplicate key '{key}'")
                continue
            self.located.keys[(*at, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*at, key), depth + 1)
        return result

    def _scalar(self, node: Any) -> Any:
        import yaml

        if node.tag.startswith("tag:yaml.org,2002:") and node.tag.rsplit(":", 1)[-1] in {
            "str", "int", "float", "bool", "null",
        }:
            try:
                return self.constructor.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError, OverflowError):
                return node.value
        if node.tag.startswith("tag:yaml.org,2002:") and node.tag.endswith(("timestamp", "binary")):
            return node.value  # dates stay text: no document of ours needs them typed
        self._err(node, f"unsupported tag '{node.tag}'")
        return None
