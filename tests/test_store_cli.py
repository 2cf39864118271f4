"""`dialoog list | search | show | export | retention` as a facilitator uses them."""

from __future__ import annotations

import os
import stat

import pytest
import yaml
from storekit import dialoog, new_store, old_closed, school, write_yaml_only

from assistant.cli import main
from assistant.core.followup import follow_up


@pytest.fixture
def folder(tmp_path):
    store = new_store(tmp_path / "transcripts")
    with store.create(school(subject="Emma Janssens", script="parent_dialogue",
                             participants=(("Mohamed Janssens", "vader"), ("Sofie Peeters", "leerkracht")),
                             facilitator="An Claes")) as s:
        s.record("answer", question="thuis.venster", value="Mohamed Janssens zegt dat Emma 's ochtends buikpijn heeft.",
                 speaker="Mohamed Janssens")
        s.record("answer", question="school.score", value=4)
        s.record("note", text="Sofie Peeters volgt Emma op in de klas.")
        s.record("action", action="a1", wat="Gesprek met Emma", wie="Sofie Peeters", wanneer="volgende week")
        s.record("answer", question="afspraken.acties", value=[{"wat": "Schooltoelage aanvragen", "wie": "mama"}])
        s.close(status="closed")
    later = follow_up(store, s.id)
    later.record("action_status", action="a1", status="partly", note="eerst met de ouders")
    later.close()
    write_yaml_only(store.root, old_closed("school_dialogue", "Oude school", "2019-05-02", {"q": "oud antwoord"}))
    (store.root / "notities.txt").write_text("niet van Dialoog\n")
    return store.root


def run(capsys, *args):
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_the_transcripts_and_the_unreadable_files(folder, capsys):
    code, out, err = run(capsys, "list", "--transcripts", str(folder))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["date", "script", "school/pupil", "status", "answers", "transcript"]
    assert "Emma Janssens" in out and "Oude school" in out
    assert "1 file(s) could not be read" in out and "notities.txt" in out
    code, out, _ = run(capsys, "list", "--transcripts", str(folder), "--status", "closed", "--until", "2020-01-01")
    assert [line.split()[0] for line in out.splitlines()[1:] if line.startswith("20")] == ["2019-05-02"]
    assert run(capsys, "list", "--transcripts", str(folder), "--since", "gisteren")[0] == 2


def test_search_prints_each_hit_with_its_snippet(folder, capsys):
    code, out, _ = run(capsys, "search", "BUIKPIJN", "--transcripts", str(folder))
    assert code == 0
    assert "Emma Janssens" in out and "thuis.venster: " in out and "[buikpijn]" in out
    code, _, err = run(capsys, "search", "zebra", "--transcripts", str(folder))
    assert code == 0 and "nothing found" in err


def test_show_prints_answers_notes_actions_and_what_was_carried(folder, capsys):
    store = new_store(folder)
    first = store.list(script="parent_dialogue", status="closed")[0]
    code, out, _ = run(capsys, "show", "--transcripts", str(folder), first.name)
    assert code == 0
    assert "Mohamed Janssens (vader)" in out and "buikpijn" in out and "[ ] Gesprek met Emma" in out
    later = store.list(script="parent_dialogue", status="open")[0]
    code, out, _ = run(capsys, "show", "--transcripts", str(folder), later.id)
    assert f"follows: {first.id}" in out
    assert f"carried from {first.id}" in out and "2 open action(s)" in out  # the action plan's row counts too
    assert "[~] Gesprek met Emma / Sofie Peeters / volgende week  (carried: partly: eerst met de ouders)" in out
    assert "[ ] Schooltoelage aanvragen / mama  (carried: not reviewed)" in out
    code, _, err = run(capsys, "show", "--transcripts", str(folder), "nope")
    assert code == 1 and err.startswith("dialoog: no transcript 'nope'")


def test_show_reports_a_broken_file_with_its_location(folder, capsys):
    (folder / "2025-01-01_x_y_badbad00.yaml").write_text("format: dialoog-transcript/1\nmeta: [\n")
    code, out, err = run(capsys, "show", "--transcripts", str(folder), "badbad00")
    assert code == 1 and out == ""
    assert err.startswith(f"{folder / '2025-01-01_x_y_badbad00.yaml'}:")


def test_anonymised_export_replaces_names_everywhere(folder, capsys, tmp_path):
    store = new_store(folder)
    followed = next(i for i in store.list() if i.follows)
    target = tmp_path / "export.yaml"
    code, _, err = run(capsys, "export", followed.id, "--anonymise", "--output", str(target), "--transcripts", str(folder))
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text()
    for name in ("Emma", "Janssens", "Mohamed", "Sofie", "Peeters", "An Claes"):
        assert name not in text, name
    data = yaml.safe_load(text)
    assert data["meta"]["subject"] == "[leerling]" and data["meta"]["facilitator"] == "[gespreksleider]"
    assert [p["role"] for p in data["meta"]["participants"]] == ["vader", "leerkracht"]
    carried = {a["wat"]: a for a in data["meta"]["carried"]["actions"]}
    assert carried["Gesprek met [leerling]"]["wie"] == "[leerkracht]"
    assert "[vader] zegt dat [leerling] 's ochtends buikpijn heeft." == data["meta"]["carried"]["previous"]["thuis.venster"]["value"]
    assert text.startswith("# Dialoog transcript, anonymised export") and "# Checked: nobody checked it" in text

    code, out, _ = run(capsys, "export", followed.id, "--transcripts", str(folder))
    assert code == 0 and "Mohamed Janssens" in out  # without --anonymise: the transcript as it is


def test_retention_lists_then_deletes_only_old_closed_transcripts(folder, capsys):
    code, out, err = run(capsys, "retention", "--months", "24", "--transcripts", str(folder))
    assert code == 0 and "Oude school" in out and "add --delete" in err
    assert list(folder.glob("2019-05-02_*"))
    code, out, _ = run(capsys, "retention", "--months", "24", "--delete", "--transcripts", str(folder))
    assert code == 0 and out.startswith("deleted: 2019-05-02_")
    assert not list(folder.glob("2019-05-02_*"))
    assert (folder / "notities.txt").exists()
    assert len(new_store(folder).list()) == 3  # two recent transcripts and the foreign file
    assert run(capsys, "retention", "--months", "0", "--transcripts", str(folder))[0] == 2


def test_the_environment_names_the_folder_for_a_real_process(folder, tmp_path):
    env = {**os.environ, "DIALOOG_TRANSCRIPTS": str(folder)}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = dialoog("list", env=env, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert "Emma Janssens" in result.stdout
    result = dialoog("search", "buikpijn", env=env, cwd=elsewhere)
    assert "[buikpijn]" in result.stdout
    assert list(elsewhere.iterdir()) == []


def test_show_keeps_every_line_of_a_long_answer_and_a_note_under_its_first(tmp_path, capsys):
    """A line of an answer that reads '# Heading' or 'Notes' started at column 0 and looked like layout."""
    store = new_store(tmp_path)
    with store.create(school(script="parent_dialogue")) as session:
        session.record("answer", question="thuis.venster", value="Eerste regel\n# Conclusie\nNotes\n  - nep")
        session.record("note", text="Moeder belt\nActions\n[x] klaar")
    code, out, _ = run(capsys, "show", "--transcripts", str(tmp_path), session.id)
    assert code == 0
    lines = out.splitlines()
    start = lines.index("      Eerste regel")
    assert lines[start + 1:start + 4] == ["      # Conclusie", "      Notes", "        - nep"]
    assert "  - Moeder belt" in lines and lines[lines.index("  - Moeder belt") + 1:][:2] == ["    Actions", "    [x] klaar"]
    headings = [line for line in lines if line and not line.startswith(" ")]
    assert not any(h.startswith(("#", "Actions", "[x]")) for h in headings)
    assert headings.count("Notes") == 1  # the real heading, not the answer's line


def test_show_breaks_lines_only_at_newlines_and_shows_other_line_separators_as_escapes(tmp_path, capsys):
    """Only a newline (or CR LF) is a line of the answer: U+2028, U+0085, FS and a lone CR were taken as line
    breaks by the indentation and vanished, where every other output shows them as escapes."""
    store = new_store(tmp_path)
    with store.create(school(script="parent_dialogue")) as session:
        session.record("answer", question="thuis.venster", value="Eerste regel\r\nTweede\u2028derde\x1cvierde\x85vijf\rzes")
    code, out, _ = run(capsys, "show", "--transcripts", str(tmp_path), session.id)
    assert code == 0
    lines = out.splitlines()
    start = lines.index("      Eerste regel")
    assert lines[start + 1] == "      Tweede\\u2028derde\\x1cvierde\\x85vijf\\x0dzes"
