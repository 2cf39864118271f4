"""A misspelt search word finds what it most likely meant: 'buikpyn' finds 'buikpijn', and the
output says which words were searched instead."""

from __future__ import annotations

import pytest
from storekit import new_store, school

from assistant.cli import main


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "transcripts")
    with store.create(school(subject="Lotte Janssens", script="parent_dialogue")) as session:
        session.record("answer", question="thuis.relatie-ouders", value="Mama belt als Lotte buikpijn heeft.")
        session.record("note", text="Schoolweigering? Buikpijn op maandag, mama werkt 's nachts.")
    with store.create(school(subject="Sint-Jozef")) as session:
        session.record("answer", question="inzicht.twijfelachtige-attesten", value="Mamadou is vaak afwezig.")
    yield store
    store.close()


@pytest.mark.parametrize("typed, meant", [
    ("buikpyn", "buikpijn"),                           # one letter wrong and one missing
    ("bukpijn", "buikpijn"),                           # one missing
    ("schoolwijgering maandag", "schoolweigering maandag"),  # only the word that finds nothing changes
    ("Buikpyn de", "buikpijn de"),                     # stopwords are left alone
    ("wekrt", "werkt"),                                # two letters swapped count as one typo
])
def test_a_word_that_finds_nothing_is_read_as_the_closest_word_used(store, typed, meant):
    assert store.search(typed) == []
    assert store.respell(typed) == meant
    assert store.search(meant)


@pytest.mark.parametrize("typed", ["buikpijn", "buik", '"buikpyn"', "zzzzzzzz", "pyn"])
def test_words_that_find_something_or_nothing_close_are_left_as_typed(store, typed):
    assert store.respell(typed) is None


def test_the_closer_word_wins_and_on_a_tie_the_more_common_one(store):
    assert store.respell("moma") == "mama"          # 'mama' is in two passages, 'mamadou' is further away


def test_dialoog_search_says_which_word_it_searched_instead(store, capsys):
    code = main(["search", "buikpyn", "--transcripts", str(store.root)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "nothing found for 'buikpyn'; showing 'buikpijn'" in err
    assert "Lotte Janssens" in out and "[Buikpijn]" in out
