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
