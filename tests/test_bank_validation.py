"""Broken banks give one precise `file:line:col: message` line per mistake; good banks load."""

import subprocess
import sys

import pytest

from assistant.core.bank import AnswerType, Level, load_bank
from assistant.core.yamlsource import SourceErrors

EXPECTED_BROKEN = """\
tests/data/banks_broken/bad_type.yaml:13:15: question 'registratie.wie': unknown answer type 'txt' (expected one of: text, yes_no, choice, multi_choice, number, scale, counts, actions, factors)
tests/data/banks_broken/bad_yaml.yaml:3:1: invalid YAML: did not find expected ',' or ']'
tests/data/banks_broken/bomb.yaml:1:4: this anchored value (&name) is reused through an alias; aliases are not allowed, write the value out
tests/data/banks_broken/latin1.yaml:2:11: not valid UTF-8 text
tests/data/banks_broken/many.yaml:6:1: unknown key 'colour'
tests/data/banks_broken/many.yaml:12:15: question 'a.een': 'text' is empty
tests/data/banks_broken/many.yaml:17:16: question 'a.twee': unknown level 'diep' (expected one of: basis, verdiepend)
tests/data/banks_broken/many.yaml:19:18: question 'a.twee': options are only for choice and multi_choice questions, not 'yes_no'
tests/data/banks_broken/many.yaml:20:13: question 'a.een': duplicate question id (first used at line 11)
tests/data/banks_broken/many.yaml:24:9: question 'a.drie': missing key 'text'
tests/data/banks_broken/many.yaml:25:9: question 'a.drie': unknown key 'txet' (did you mean 'text'?)
tests/data/banks_broken/not_mapping.yaml:1:1: the document must be a mapping of keys to values (it is a list, not a mapping)
tests/data/banks_broken/tabs.yaml:3:1: tab character: use spaces in YAML files
"""


def dialoog(*args, cwd):
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=cwd, capture_output=True, text=True)


def test_validate_broken_folder_prints_exact_lines_and_exits_1(data_dir):
    result = dialoog("validate", "tests/data/banks_broken", cwd=data_dir.parent.parent)
    assert result.stdout == EXPECTED_BROKEN
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_validate_good_bank_exits_0(data_dir):
    result = dialoog("validate", "tests/data/banks_ok", cwd=data_dir.parent.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args, code",
    [(["validate", "no/such/file.yaml"], 2), (["validate", "--bogus"], 2), (["nonsense"], 2)],
)
def test_usage_errors_exit_2(tmp_path, args, code):
    result = dialoog(*args, cwd=tmp_path)
    assert result.returncode == code
    assert "Traceback" not in result.stderr


def test_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = dialoog("validate", "empty", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.strip() == "empty: folder has no .yaml files"


def test_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    result = dialoog("validate", "big.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("big.yaml:1:1: file is too large (52,428,800 bytes")


def test_binary_file_is_refused(tmp_path):
    (tmp_path / "bin.yaml").write_bytes(b"id: x\n\x00\x01\x02")
    result = dialoog("validate", "bin.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == "bin.yaml:2:1: binary data (NUL byte): not a YAML text file\n"


def test_python_tags_are_refused_not_executed(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / "evil.yaml").write_text(
        f"id: !!python/object/apply:os.system ['touch {marker}']\ntitle: x\n", encoding="utf-8"
    )
    result = dialoog("validate", "evil.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'" in result.stdout
    assert not marker.exists()


def test_example_bank_loads_into_the_model(data_dir):
    bank = load_bank(data_dir / "banks_ok" / "example.yaml")
    assert bank.id == "example"
    assert [s.id for _, s in bank.walk_sections()] == ["inzicht", "beleid", "beleid.algemeen"]
    assert {q.type for q in bank.questions()} == set(AnswerType)
    assert bank.counts() == {"sections": 3, "basis": 6, "verdiepend": 3}
    attesten = bank.question("inzicht.attesten")
    assert attesten.level is Level.BASIS
    assert attesten.probes == ("Waaruit blijkt dit?",)
    assert bank.question("beleid.venster").is_derived


def test_duplicate_keys_are_errors(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("id: b\ntitle: T\nid: c\n", encoding="utf-8")
    with pytest.raises(SourceErrors) as caught:
        load_bank(path, "d.yaml")
    assert [str(e) for e in caught.value.errors] == ["d.yaml:3:1: duplicate key 'id'"]


def test_sections_nest_one_level_only(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(
        "id: b\ntitle: T\naudience: school\nsource: S\nintro: I\nsections:\n"
        "  - id: s\n    title: S\n    sections:\n      - id: s.t\n        title: T\n        sections:\n"
        "          - id: s.t.u\n            title: U\n            questions:\n"
        "              - {id: q, text: Q, level: basis, type: text}\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceErrors) as caught:
        load_bank(path, "b.yaml")
    lines = [str(e) for e in caught.value.errors]
    assert "b.yaml:13:11: section 's.t': sections nest one level only" in lines
