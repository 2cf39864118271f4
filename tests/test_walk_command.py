"""`dialoog walk`: authors feed answers through a script and see, per step, what fired and why."""

import json
import subprocess
import sys

ROOT_ARGS = ("--banks", "tests/data/engine_banks")


def dialoog(*args, cwd):
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=cwd, capture_output=True, text=True)


def write_answers(tmp_path, text):
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


ANSWERS = """\
eng.codes: {B: {0-4: 10, 5-9: 2}}
eng.attesten: Veel twijfel over attesten
eng.stappenplan: deels
eng.schakel: nee
"""


def test_walk_json_lists_each_step_with_rule_ids_and_reasons(data_dir, tmp_path):
    answers = write_answers(tmp_path, ANSWERS)
    result = dialoog("walk", "tests/data/scripts_ok/engine_script.yaml", "--answers", answers, "--json", *ROOT_ARGS,
                     cwd=data_dir.parent.parent)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    steps = report["steps"]
    assert [s["question"] for s in steps] == ["eng.codes", "eng.attesten", "eng.stappenplan", "eng.schakel"]
    assert [s["rule"] for s in steps[0]["signals"]] == ["b-codes-5"]
    assert steps[0]["signals"][0]["because"].startswith("Bron:")
    assert [s["rule"] for s in steps[1]["suggestions"]] == ["attesten"]
    assert steps[2]["expected"] is None and steps[2]["checklist"] == ["eng.laat", "eng.oorzaken"]
    assert [s["key"] for s in steps[2]["suggestions"]] == ["geen-stappenplan:eng.sancties"]
    assert [h["rule"] for h in steps[2]["priority_hints"]] == ["deels"]
    assert [s["key"] for s in steps[3]["suggestions"]] == ["schakel-nee:eng.nee.stel"]
    assert "eng.nee.waarom" in report["end"]["visible"]


def test_walk_text_output_for_authors(data_dir, tmp_path):
    answers = write_answers(tmp_path, ANSWERS)
    result = dialoog("walk", "tests/data/scripts_ok/engine_script.yaml", "--answers", answers, *ROOT_ARGS,
                     cwd=data_dir.parent.parent)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "engine_test: Testscript"
    assert "1. eng.codes: Overzicht van de afwezigheden" in lines
    assert "   signal [b-codes-5]: Vanaf 5 B-codes signaleert de school aan het CLB (signaleren ≠ aanmelden)" in lines
    assert "   suggest [geen-stappenplan]: Zijn er gangbare sancties? (eng.sancties)" in lines
    assert "   (the engine would have offered the checklist: eng.laat, eng.oorzaken)" in lines
    assert lines[-1] == "next: the checklist of deepening questions: eng.laat, eng.oorzaken"


def test_walk_a_bundled_script_by_id(data_dir, tmp_path):
    answers = write_answers(tmp_path, "afwezig.b-codes: 7\nterugkeer.klas-toestemming: nee\n")
    result = dialoog("walk", "return_to_school", "--answers", answers, "--json", cwd=data_dir.parent.parent)
    assert result.returncode == 0, result.stderr
    steps = json.loads(result.stdout)["steps"]
    assert [s["rule"] for s in steps[0]["signals"]] == ["terugkeer.b-codes-5"]
    assert "terugkeer.klas-inbreng" not in json.loads(result.stdout)["end"]["visible"]


def test_bad_answers_are_located_errors(data_dir, tmp_path):
    answers = write_answers(tmp_path, "eng.codes: {B: {0-4: veel}}\neng.onbekend: ja\neng.schakel: misschien\n")
    result = dialoog("walk", "tests/data/scripts_ok/engine_script.yaml", "--answers", answers, *ROOT_ARGS,
                     cwd=data_dir.parent.parent)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{answers}:1:12: question 'eng.codes': B 0-4 must be a number, not 'veel'",
        f"{answers}:2:1: unknown question 'eng.onbekend'",
        f"{answers}:3:14: question 'eng.schakel': answer 'ja' or 'nee', not 'misschien'",
    ]
    assert "Traceback" not in result.stderr


def test_unknown_script_is_a_usage_error_and_a_broken_one_invalid(data_dir, tmp_path):
    answers = write_answers(tmp_path, "eng.codes: {B: {0-4: 1}}\n")
    result = dialoog("walk", "no_such_script", "--answers", answers, cwd=data_dir.parent.parent)
    assert result.returncode == 2
    assert result.stderr.startswith("dialoog: unknown script 'no_such_script' (bundled: ")
    result = dialoog("walk", "tests/data/scripts_broken/text_gte.yaml", "--answers", answers, *ROOT_ARGS,
                     cwd=data_dir.parent.parent)
    assert result.returncode == 1
    assert result.stderr == (
        "tests/data/scripts_broken/text_gte.yaml:7:34: rule 'attesten': 'gte' does not fit question "
        "'eng.attesten' (a text answer); use: mentions, equals\n"
    )
