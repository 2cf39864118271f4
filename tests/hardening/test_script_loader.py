"""The script loader: whatever a script file holds, the result is a script or located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.core import locations
from assistant.core.catalog import load_bank_folder
from assistant.core.script import Script, load_script
from assistant.core.scriptcache import load_script_cached
from assistant.core.yamlsource import SourceErrors, load_located
from tests.hardening.inputs import DATA, ROOT, assert_located, deep_yaml, dump, fuzz, mutated

SCRIPT_FILES = sorted((ROOT / "assistant" / "scripts").glob("*.yaml"))
REAL_SCRIPTS = [load_located(p).data for p in SCRIPT_FILES]
FUZZ = fuzz(150)

# A condition is where a script's rules go deepest: random conditions built from real operators.
ANY = st.deferred(lambda: DATA)  # deferred: a short repr, which hypothesis prints for nested strategies
QUESTIONS = st.sampled_from(["inzicht.overzicht-afwezigheden", "inzicht.twijfelachtige-attesten", "nope", "", 5])
LEAF = st.fixed_dictionaries(
    {"answer": st.one_of(QUESTIONS, st.lists(QUESTIONS, max_size=2))},
    optional={"equals": ANY, "gte": ANY, "mentions": ANY, "contains": ANY, "in": ANY, "row": ANY,
              "bands": ANY, "side": ANY, "min_score": ANY},
)
CONDITIONS = st.recursive(
    st.one_of(LEAF, st.fixed_dictionaries({"answered": QUESTIONS}), ANY),
    lambda inner: st.one_of(st.fixed_dictionaries({"any": st.lists(inner, max_size=3)}),
                            st.fixed_dictionaries({"all": st.lists(inner, max_size=3)}),
                            st.fixed_dictionaries({"not": inner})),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def banks():
    return load_bank_folder(locations.banks_dir())


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("scripts")


def _load(path: Path, text: str, banks, cache: Path | None = None) -> Script | None:
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        script = load_script(path, banks) if cache is None else load_script_cached(path, banks, cache_dir=cache)
    except SourceErrors as exc:
        assert_located(exc.errors)
        return None
    assert isinstance(script, Script)
    return script


@FUZZ
@given(raw=st.binary(max_size=300))
def test_any_bytes_give_a_script_or_located_errors(folder: Path, banks, raw: bytes) -> None:
    path = folder / "bytes.yaml"
    path.write_bytes(raw)
    try:
        load_script(path, banks)
    except SourceErrors as exc:
        assert_located(exc.errors)


@FUZZ
@given(data=DATA)
def test_any_yaml_gives_a_script_or_located_errors(folder: Path, banks, data) -> None:
    _load(folder / "any.yaml", dump(data), banks)


@FUZZ
@given(data=mutated(REAL_SCRIPTS))
def test_a_real_script_with_random_values_gives_a_script_or_located_errors(folder: Path, banks, data) -> None:
    text = dump(data)
    script = _load(folder / "mutated.yaml", text, banks)
    cached = _load(folder / "mutated.yaml", text, banks, cache=folder / "cache")
    assert (script is None) == (cached is None)
    if script is not None:
        assert script.rules == cached.rules


@FUZZ
@given(when=CONDITIONS, effect=st.one_of(st.just({"signal": "s", "because": "b"}), st.just({"show": ["inzicht"]}),
                                          st.fixed_dictionaries({"suggest": ANY, "because": st.just("b")})))
def test_any_condition_gives_a_rule_or_located_errors(folder: Path, banks, when, effect) -> None:
    script = {"id": "fuzz", "title": "Fuzz", "description": "d", "banks": ["school_dialogue"],
              "rules": [{"id": "r1", "when": when, **effect}]}
    _load(folder / "rule.yaml", dump(script), banks)


@pytest.mark.parametrize("name", ["flow sequences", "under a real key"])
def test_deep_nesting_in_a_script_is_a_located_error(tmp_path: Path, banks, name: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(deep_yaml()[name], encoding="utf-8")
    with pytest.raises(SourceErrors) as raised:
        load_script(path, banks)
    assert_located(raised.value.errors)
    assert [str(e).split(": ", 1)[1] for e in raised.value.errors] == ["nested too deeply (more than 64 levels)"]


def test_conditions_nested_to_the_limit_load_or_fail_cleanly(tmp_path: Path, banks) -> None:
    when: dict = {"answered": "inzicht.twijfelachtige-attesten"}
    for _ in range(30):  # 60 YAML levels: not, then all, then not ...
        when = {"not": {"all": [when]}}
    script = {"id": "deep", "title": "Diep", "description": "d", "banks": ["school_dialogue"],
              "rules": [{"id": "r1", "when": when, "signal": "s", "because": "b"}]}
    path = tmp_path / "deep.yaml"
    path.write_text(dump(script), encoding="utf-8")
    try:
        load_script(path, banks)
    except SourceErrors as exc:
        assert_located(exc.errors)
