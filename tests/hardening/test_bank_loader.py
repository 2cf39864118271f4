"""The bank loader: whatever a file holds, the result is a bank or located errors, never a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.core.bank import Bank, load_bank
from assistant.core.bankcache import load_bank_cached
from assistant.core.yamlsource import SourceErrors, load_located
from tests.hardening.inputs import DATA, LOCATED, ROOT, assert_located, deep_yaml, dump, fuzz, mutated

BANK_FILES = sorted((ROOT / "assistant" / "question_banks").glob("*.yaml"))
REAL_BANKS = [load_located(p).data for p in BANK_FILES[:3]]
FUZZ = fuzz(150)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("banks")


def _load(path: Path, raw: bytes, cache: Path | None = None) -> Bank | None:
    path.write_bytes(raw)
    try:
        bank = load_bank(path) if cache is None else load_bank_cached(path, cache_dir=cache)
    except SourceErrors as exc:
        assert_located(exc.errors)
        return None
    assert isinstance(bank, Bank)
    return bank


@FUZZ
@given(raw=st.binary(max_size=400))
def test_any_bytes_give_a_bank_or_located_errors(folder: Path, raw: bytes) -> None:
    _load(folder / "bytes.yaml", raw)


@FUZZ
@given(data=DATA)
def test_any_yaml_gives_a_bank_or_located_errors(folder: Path, data) -> None:
    _load(folder / "any.yaml", dump(data).encode("utf-8", "surrogatepass"))


@FUZZ
@given(data=mutated(REAL_BANKS))
def test_a_real_bank_with_random_values_gives_a_bank_or_located_errors(folder: Path, data) -> None:
    raw = dump(data).encode("utf-8", "surrogatepass")
    bank = _load(folder / "mutated.yaml", raw)
    cached = _load(folder / "mutated.yaml", raw, cache=folder / "cache")
    assert (bank is None) == (cached is None)  # the cache never makes a broken bank load
    if bank is not None:
        assert [q.id for q in bank.questions()] == [q.id for q in cached.questions()]


@pytest.mark.parametrize("name", list(deep_yaml()))
def test_deep_nesting_is_refused_with_its_place_and_the_process_survives(tmp_path: Path, name: str) -> None:
    # A subprocess: before the fix, libyaml overflowed the C stack here and the process died (SIGSEGV).
    path = tmp_path / "deep.yaml"
    path.write_text(deep_yaml()[name], encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "assistant", "validate", str(path)],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])
    lines = (result.stdout + result.stderr).strip().splitlines()
    # Our contract, whatever PyYAML's own depth limit and words: one located line, in our words.
    located = [line for line in lines if line.startswith("deep.yaml:")]
    assert len(located) == 1 and LOCATED.match(located[0]), lines
    assert located[0].endswith("nested too deeply (more than 64 levels)"), located
    assert "Traceback" not in result.stderr


def _bank_text(question: str, intro: str = "Inleiding.") -> str:
    return ("id: fuzz\ntitle: Fuzz\naudience: school\nsource: test\n"
            f"intro: {intro}\nsections:\n  - id: s\n    title: Sectie\n    questions:\n      - {question}\n")


def test_a_huge_text_within_the_size_limit_loads(tmp_path: Path) -> None:
    text = "lang " * 350_000  # 1.75 MB on one line
    path = tmp_path / "huge.yaml"
    path.write_text(_bank_text("{id: q, text: Vraag?, level: basis, type: text}", intro=text), encoding="utf-8")
    assert load_bank(path).intro == text.strip()


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text(_bank_text("{id: q, text: Vraag?, level: basis, type: text}", intro="x" * 2_100_000), encoding="utf-8")
    with pytest.raises(SourceErrors, match=r"huge.yaml:1:1: file is too large"):
        load_bank(path, "huge.yaml")


@pytest.mark.parametrize(("bounds", "message"), [
    ("min: .inf", "'min' must be a finite number"),
    ("max: .nan", "'max' must be a finite number"),
    ("max: 1e400", "'max' must be a finite number"),
    ("max: " + "9" * 400, "'max' is too large a number"),
    ("min: " + "9" * 400 + ", max: 1", "is larger than max"),
    ("min: 0, max: 1e9", "a scale runs over at most 100 points"),
    ("min: 0.5", "a scale's 'min' is a whole number"),
])
def test_a_scale_the_app_could_not_offer_is_a_located_error(tmp_path: Path, bounds: str, message: str) -> None:
    # Found by this suite: `.inf` passed and a 0..1e9 scale passed (the app lists every point of a
    # scale to pick from), and a huge whole number crashed the min > max message with OverflowError.
    path = tmp_path / "scale.yaml"
    path.write_text(_bank_text("{id: q, text: Score?, level: basis, type: scale, " + bounds + "}"), encoding="utf-8")
    with pytest.raises(SourceErrors) as caught:
        load_bank(path)
    assert_located(caught.value.errors)
    assert any(message in str(e) for e in caught.value.errors), caught.value.errors


def test_an_ordinary_scale_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "scale.yaml"
    path.write_text(_bank_text("{id: q, text: Score?, level: basis, type: scale, min: 1, max: 5}"), encoding="utf-8")
    assert load_bank(path).question("q").scale_range == (1, 5)


@pytest.mark.parametrize(("text", "expected"), [
    # Found by this suite: a list as a question's type raised TypeError (unhashable) in the checks.
    (_bank_text("{id: q, text: Vraag?, level: basis, type: [text]}"), "unknown answer type"),
    # A number as the tags raised TypeError (not iterable) in the checks.
    (_bank_text("{id: q, text: Vraag?, level: basis, type: text, tags: 5}"), "'tags' must be a list"),
    # A key with a line break in it made a two-line error.
    (_bank_text("{id: q, text: Vraag?, level: basis, type: text, \"a\\nb\": 1}"), "unknown key 'a\\nb'"),
    # A control character gave PyYAML's two-line message, placed at 1:1.
    ("id: x\ntitle: \x01\n", "bank.yaml:2:8: invalid YAML: unacceptable character #x0001"),
])
def test_odd_input_found_by_fuzzing_gives_one_located_line(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceErrors) as caught:
        load_bank(path, "bank.yaml")
    assert_located(caught.value.errors)
    assert any(expected in str(e) for e in caught.value.errors), [str(e) for e in caught.value.errors]
