"""Broken scripts give one precise `file:line:col: message` per mistake; good scripts load, from cache too."""

import os
import shutil
import subprocess
import sys

import pytest

from assistant.core.catalog import is_script, load_script_folder
from assistant.core.script import load_script
from assistant.core.scriptcache import load_script_cached
from assistant.core.yamlsource import SourceErrors, parse_located
from engine_helpers import DATA, engine_banks

EXPECTED_BROKEN = """\
tests/data/scripts_broken/many.yaml:4:22: unknown bank 'geen_bank'
tests/data/scripts_broken/many.yaml:5:42: section 'eng.beleid' would walk 'eng.beleid.laat' a second time: list its subsections instead
tests/data/scripts_broken/many.yaml:5:54: unknown section 'eng.onbekend' in the banks this script walks (did you mean 'eng.beleid'?)
tests/data/scripts_broken/many.yaml:6:1: unknown key 'colour'
tests/data/scripts_broken/many.yaml:9:11: rule 'not-a-mapping': a condition is a mapping such as {answer: ..., equals: ...}, {any: [...]} or {answered: ...}
tests/data/scripts_broken/many.yaml:13:30: rule 'bad-operator': unknown key 'gteq' in a condition (did you mean 'gte'?)
tests/data/scripts_broken/many.yaml:17:38: rule 'two-operators': one operator per condition ('gte' and 'lte'): use {all: [...]} for a range
tests/data/scripts_broken/many.yaml:21:36: rule 'bad-row': unknown row 'X' (expected one of: B, D, Z, L)
tests/data/scripts_broken/many.yaml:25:52: rule 'bad-band': unknown band '40+' (expected one of: 0-4, 5-9, 10-19, 20-29, 30+)
tests/data/scripts_broken/many.yaml:29:34: rule 'side-on-text': 'side' is only for factors questions; 'eng.attesten' is a text answer
tests/data/scripts_broken/many.yaml:33:45: rule 'bad-option': question 'eng.stappenplan': 'misschien' is not one of the options: ja, nee, deels
tests/data/scripts_broken/many.yaml:37:36: rule 'not-a-number': 'lte' compares a number; 'veel' is not a number
tests/data/scripts_broken/many.yaml:41:19: rule 'scale-on-number': 'scale' needs a scale question; 'eng.laat' is a number answer (use 'answer')
tests/data/scripts_broken/many.yaml:45:64: rule 'min-score': 'min_score' is a number from 50 to 100 (how close a word must be; 100 is exact)
tests/data/scripts_broken/many.yaml:48:5: rule 'no-because': missing key 'because': suggestions, signals and priority hints say why (quote the source document, or mark the rule own: true)
tests/data/scripts_broken/many.yaml:51:5: rule 'no-effect': the rule has no effect (one of: show, skip, suggest, signal, priority_hint)
tests/data/scripts_broken/many.yaml:54:9: rule 'no-effect': duplicate rule id (first used at line 51)
tests/data/scripts_broken/many.yaml:55:17: rule 'no-effect': 'any' takes a non-empty list of conditions
tests/data/scripts_broken/many.yaml:56:28: rule 'no-effect': unknown question or section 'eng.niets' in the banks this script walks (did you mean 'eng.sancties'?)
tests/data/scripts_broken/many.yaml:59:15: rule 'bad-suggest': a suggestion is a question id, {question: id} or {text: "an ad-hoc question"}
tests/data/scripts_broken/many.yaml:59:51: rule 'bad-suggest': unknown question 'eng.laatt' (did you mean 'eng.laat'?)
tests/data/scripts_broken/many.yaml:62:11: rule 'no-head': a condition needs one of: answer, scale, answered, any, all, not
tests/data/scripts_broken/many.yaml:69:14: rule 'own-unsaid': an own rule's 'because' starts with 'Eigen suggestie:' and says why
tests/data/scripts_broken/many.yaml:74:14: rule 'own-with-source': an own rule cites no source ('Bron:'): it is our own judgement
tests/data/scripts_broken/many.yaml:78:14: rule 'own-unmarked': 'because' says 'Eigen suggestie': mark the rule own: true
tests/data/scripts_broken/missing_question.yaml:7:20: rule 'b-codes': unknown question 'eng.cods' (did you mean 'eng.codes'?)
tests/data/scripts_broken/text_gte.yaml:7:34: rule 'attesten': 'gte' does not fit question 'eng.attesten' (a text answer); use: mentions, equals
"""


def dialoog(*args, cwd):
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=cwd, capture_output=True, text=True)


def test_validate_catches_a_missing_question_and_gte_on_text(data_dir):
    result = dialoog("validate", "tests/data/engine_banks", "tests/data/scripts_broken", cwd=data_dir.parent.parent)
    assert result.stdout == EXPECTED_BROKEN
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_validate_good_script_against_its_bank(data_dir):
    result = dialoog("validate", "tests/data/engine_banks", "tests/data/scripts_ok", cwd=data_dir.parent.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 bank(s), 1 script(s) valid" in result.stderr


def test_validate_without_arguments_checks_the_bundled_scripts(data_dir):
    result = dialoog("validate", cwd=data_dir.parent.parent)
    assert result.returncode == 0, result.stdout
    assert "6 script(s)" in result.stderr or "7 script(s)" in result.stderr


def test_a_script_is_told_apart_from_a_bank_by_its_banks_key():
    assert is_script(parse_located("id: s\nbanks: [b]\nsections: [x]\n", "s.yaml"))
    assert is_script(parse_located("id: s\nrules: []\n", "s.yaml"))
    assert not is_script(parse_located("id: b\nsections: []\n", "b.yaml"))


def test_script_model(data_dir):
    script = load_script(DATA / "scripts_ok" / "engine_script.yaml", engine_banks())
    assert (script.id, script.banks) == ("engine_test", ("engine_test",))
    assert script.sections == ("eng.inzicht", "eng.beleid", "eng.leerkracht", "eng.plan")
    first = script.units[0]
    assert first.basis == ("eng.codes", "eng.attesten") and first.deepening == ("eng.laat", "eng.oorzaken")
    beleid = script.unit_of("eng.beleid.laat")
    assert beleid.section == "eng.beleid" and beleid.basis == ("eng.stappenplan", "eng.onthaal")
    assert [r.id for r in script.rules][:3] == ["b-codes-5", "attesten", "laatkomers"]
    assert script.rule("schakel-nee").show == ("eng.nee.waarom", "eng.nee.stel")


def test_sections_default_to_the_banks_order(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("id: s\ntitle: S\ndescription: D\nbanks: [engine_test]\n", encoding="utf-8")
    script = load_script(path, engine_banks())
    assert script.sections == ("eng.inzicht", "eng.beleid", "eng.leerkracht", "eng.plan")
    assert script.rules == ()


def test_a_rule_may_not_show_questions_of_a_bank_the_script_does_not_walk(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(
        "id: s\ntitle: S\ndescription: D\nbanks: [engine_test]\nrules:\n"
        "  - {id: r, when: {answered: eng.codes}, show: [elders.vraag]}\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceErrors) as caught:
        load_script(path, engine_banks(), "s.yaml")
    assert [str(e) for e in caught.value.errors] == [
        "s.yaml:6:49: rule 'r': unknown question or section 'elders.vraag' in the banks this script walks"
    ]


def test_cached_script_equals_the_validated_one(tmp_path):
    path = DATA / "scripts_ok" / "engine_script.yaml"
    fresh = load_script_cached(path, engine_banks(), str(path), cache_dir=tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 1
    cached = load_script_cached(path, engine_banks(), str(path), cache_dir=tmp_path)
    assert cached == fresh == load_script(path, engine_banks(), str(path))


def test_a_cached_script_that_no_longer_fits_its_banks_gets_located_errors(tmp_path):
    folder = tmp_path / "scripts"
    folder.mkdir()
    shutil.copy(DATA / "scripts_ok" / "engine_script.yaml", folder / "engine_script.yaml")
    load_script_folder(folder, engine_banks())
    with pytest.raises(SourceErrors) as caught:
        load_script_folder(folder, {})  # the bank is gone
    assert str(caught.value.errors[0]).endswith("engine_script.yaml:4:9: unknown bank 'engine_test'")


def test_a_corrupt_cache_entry_falls_back_to_validation(tmp_path):
    path = DATA / "scripts_ok" / "engine_script.yaml"
    load_script_cached(path, engine_banks(), cache_dir=tmp_path)
    next(tmp_path.glob("*.json")).write_text('{"id": 3}', encoding="utf-8")
    assert load_script_cached(path, engine_banks(), cache_dir=tmp_path) == load_script(path, engine_banks())


def test_loading_cached_scripts_needs_neither_yaml_nor_pydantic(tmp_path):
    """The app's start-up path: once checked, the bundled scripts load from the cache."""
    code = (
        "import sys\n"
        "from assistant.core import locations\n"
        "from assistant.core.catalog import load_bank_folder, load_script_folder\n"
        "from assistant.core.engine import evaluate\n"
        "banks = load_bank_folder(locations.banks_dir())\n"
        "scripts = load_script_folder(locations.scripts_dir(), banks)\n"
        "print(len(scripts), sorted(m for m in ('yaml', 'pydantic') if m in sys.modules))\n"
    )
    env = {**os.environ, "DIALOOG_CACHE": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    count, leaked = second.stdout.split(" ", 1)
    assert int(count) >= 6 and leaked.strip() == "[]"
