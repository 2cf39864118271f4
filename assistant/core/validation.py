"""Turning pydantic's validation errors into `file:line:col: message` lines an author can act on."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable
from typing import Any

from assistant.core.yamlsource import Located, SourceError, SourceErrors, YamlPath

# What an item of each list is called in a message ("question 'x': ...").
ITEM_NAMES = {
    "sections": "section",
    "questions": "question",
    "rules": "rule",
    "events": "event",
}


def context_label(located: Located, at: YamlPath) -> str:
    """Name the innermost identified thing (question, section, rule) that contains `at`."""
    node: Any = located.data
    label = ""
    for i, step in enumerate(at):
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        parent = at[i - 1] if i > 0 else None
        if isinstance(step, int) and isinstance(parent, str) and parent in ITEM_NAMES:
            ident = node.get("id") if isinstance(node, dict) else None
            name = ITEM_NAMES[parent]
            label = f"{name} '{ident}'" if isinstance(ident, str) and ident else f"{name} #{step + 1}"
    return label


# pydantic names some errors differently for dataclasses than for models.
_KIND_ALIASES = {"unexpected_keyword_argument": "extra_forbidden", "missing_argument": "missing"}


def _type_name(value: Any) -> str:
    return {
        type(None): "nothing", bool: "yes/no", int: "a number", float: "a number", str: "text",
        list: "a list", dict: "a mapping",
    }.get(type(value), type(value).__name__)


def _message(error: dict[str, Any], allowed_keys: Iterable[str] = ()) -> str:
    kind = _KIND_ALIASES.get(error["type"], error["type"])
    loc = error["loc"]
    field = str(loc[-1]) if loc else "document"
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"missing key '{field}'"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(field, list(allowed_keys), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown key '{field}'{hint}"
    if kind in {"literal_error", "enum"}:
        expected = ctx.get("expected", "")
        expected = expected.replace("'", "").replace(" or ", ", ")
        what = {"type": "answer type"}.get(field, field)
        return f"unknown {what} '{value}' (expected one of: {expected})"
    if kind == "string_too_short":
        return f"'{field}' is empty"
    if kind == "string_pattern_mismatch":
        return f"'{field}' value '{value}' is not a valid id (use lower-case letters, digits, '.', '-' and '_')"
    if kind in {"string_type", "str_type"}:
        return f"'{field}' must be text, not {_type_name(value)}"
    if kind in {"list_type", "tuple_type"}:
        return f"'{field}' must be a list, not {_type_name(value)}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"'{field}' must be a mapping, not {_type_name(value)}"
    if kind == "finite_number":
        return f"'{field}' must be a finite number"
    if kind in {"float_type", "float_parsing"} and isinstance(value, int) and not isinstance(value, bool):
        return f"'{field}' is too large a number"
    if kind in {"int_type", "int_parsing", "float_type", "float_parsing", "int_from_float"}:
        return f"'{field}' must be a number, not {_type_name(value)}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"'{field}' must be true or false"
    if kind in {"value_error", "assertion_error"}:
        message = str(ctx.get("error", error.get("msg", "")))
        return message.removeprefix("Value error, ")
    return f"'{field}': {error.get('msg', kind)}"


def _allowed_keys(model: Any, loc: tuple) -> list[str]:
    """The field names of the model that owns `loc`'s last key, for 'did you mean' hints."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int) or current is None:
            continue
        hints = _field_types(current)
        if step not in hints:
            current = None
            break
        current = _inner_model(hints[step])
    if current is None:
        return []
    return list(_field_types(current))


def _field_types(model: Any) -> dict[str, Any]:
    """Field name -> annotation, for pydantic models and dataclasses alike."""
    import typing

    if hasattr(model, "model_fields"):
        return {name: info.annotation for name, info in model.model_fields.items()}
    if dataclasses.is_dataclass(model):
        hints = typing.get_type_hints(model)
        return {f.name: hints.get(f.name) for f in dataclasses.fields(model) if f.init}
    return {}


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and (hasattr(annotation, "model_fields") or dataclasses.is_dataclass(annotation)):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def located_errors(located: Located, exc: Any, model: Any) -> list[SourceError]:
    """Every pydantic error of `exc` as a located, prefixed message."""
    errors: list[SourceError] = []
    raw = exc.errors(include_url=False)
    inner = [tuple(e["loc"]) for e in raw]
    for error in raw:
        loc = tuple(error["loc"])
        # pydantic also calls a list "too short" when its only items failed: the item errors say it.
        if error["type"] == "too_short" and any(len(o) > len(loc) and o[: len(loc)] == loc for o in inner):
            continue
        kind = _KIND_ALIASES.get(error["type"], error["type"])
        is_key = kind == "extra_forbidden"
        at = loc if kind != "missing" else loc[:-1]
        message = _message(error, _allowed_keys(model, loc) if is_key else ())
        label = context_label(located, at)
        errors.append(located.error(at, f"{label}: {message}" if label else message, key=is_key))
    errors.sort(key=lambda e: (e.line, e.col))
    return errors


def validate_located(located: Located, model: Any) -> Any:
    """Build `model` (a pydantic model or a dataclass) from located data, or raise SourceErrors.

    pydantic is imported here, not at module level: only validation needs it, and the app's
    start-up path reads banks from the validated cache instead.
    """
    from pydantic import ValidationError

    if not isinstance(located.data, dict):
        what = "empty" if located.data is None else f"{_type_name(located.data)}, not a mapping"
        raise SourceErrors([located.error((), f"the document must be a mapping of keys to values (it is {what})")])
    try:
        return _adapter(model).validate_python(located.data)
    except ValidationError as exc:
        raise SourceErrors(located_errors(located, exc, model)) from None


_ADAPTERS: dict[Any, Any] = {}


def _adapter(model: Any) -> Any:
    from pydantic import TypeAdapter

    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]
