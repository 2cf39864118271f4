"""A transcript named by some whole words of its school or pupil: facilitators say 'Lotte', not
'Lotte Janssens', and never the transcript's id."""

from __future__ import annotations

import pytest
from storekit import new_store, school

from assistant.core.store_errors import NotFoundError


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "transcripts")
    yield store
    store.close()


def test_a_first_name_or_a_last_name_finds_the_one_transcript_it_belongs_to(store):
    lotte = store.create(school(subject="Lotte Janssens", script="parent_dialogue"))
    lotte.close()
    store.create(school(subject="Basisschool Sint-Jan (Anderlecht)")).close()
    assert store.load("Lotte").meta.id == lotte.id
    assert store.load("janssens").meta.id == lotte.id
    assert store.load("Sint-Jan").meta.subject == "Basisschool Sint-Jan (Anderlecht)"


def test_part_of_a_word_or_a_word_of_two_names_is_not_enough(store):
    store.create(school(subject="Lotte Janssens", script="parent_dialogue")).close()
    store.create(school(subject="Noor Janssens", script="parent_dialogue")).close()
    with pytest.raises(NotFoundError, match="no transcript"):
        store.load("Lot")
    with pytest.raises(NotFoundError, match="matches 2 transcripts"):
        store.load("Janssens")
    with pytest.raises(NotFoundError, match="no transcript"):
        store.load("parent")  # a word of the script's name is not a word of the pupil's


@pytest.mark.parametrize("ref", ["a" * 260, "a" * 260 + ".yaml", "/tmp/" + "b" * 300 + ".journal", "x/" * 3000])
def test_a_name_of_any_length_is_not_found_in_one_line(store, ref):
    with pytest.raises(NotFoundError) as caught:
        store.locate(ref)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 300
    with pytest.raises(NotFoundError):
        store.resume(ref)


def test_the_commands_say_a_name_too_long_in_one_line(store, capsys):
    from assistant.cli import main

    with store.create(school(subject="Lotte Janssens", script="parent_dialogue")):
        pass
    for command in ("show", "summary", "export", "handover"):
        code = main([command, "a" * 260, "--transcripts", str(store.root)])
        out, err = capsys.readouterr()
        assert (code, out) == (1, ""), command
        assert err.startswith("dialoog: no transcript 'aaa") and err.count("\n") == 1, (command, err)


def test_a_transcripts_folder_or_a_script_file_of_any_length_is_one_line(tmp_path, capsys):
    from assistant.cli import main

    folder = str(tmp_path / ("d" * 300))
    for args in (["list", "--transcripts", folder], ["search", "bus", "--transcripts", folder],
                 ["retention", "--months", "3", "--transcripts", folder], ["sheet", str(tmp_path / ("s" * 300)) + ".yaml"]):
        code = main(args)
        out, err = capsys.readouterr()
        assert (code, out) == (1, ""), args
        assert err.startswith("dialoog: ") and err.count("\n") == 1 and "too long" in err and len(err) < 250, (args, err)
