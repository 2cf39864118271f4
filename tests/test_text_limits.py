"""Limits that keep the app responsive: a note has the size limit of an answer, no event is unbounded, a
long text is searched in passages (a snippet of a 900 KB answer took 40 s), and the rules' text matching
and the summary keep memory in proportion to the text (a 50 MB answer took 3 GB)."""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import given
from hypothesis import strategies as st
from storekit import files_of, new_store, school

from tests.hardening.inputs import fuzz

from assistant.core import mentions
from assistant.core.answers import MAX_TEXT, AnswerError
from assistant.core.negation import Reading
from assistant.core.searchtext import PASSAGE, chunks
from assistant.core.session import MAX_EVENT_BYTES


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "transcripts")
    yield store
    store.close()


def test_a_note_over_the_limit_is_refused_and_nothing_is_saved(store):
    with store.create(school()) as session:
        before = files_of(store, session).journal.read_bytes()
        with pytest.raises(AnswerError) as refused:
            session.record("note", text="x" * (MAX_TEXT + 1))
        assert refused.value.code == "too_long" and refused.value.params == {"length": MAX_TEXT + 1, "maximum": MAX_TEXT}
        assert session.transcript.events == () and files_of(store, session).journal.read_bytes() == before
        session.record("note", text="x" * MAX_TEXT)  # at the limit: saved
        with pytest.raises(ValueError, match="too large to save"):  # no event is unbounded
            session.record("action", action="a1", wat="x" * (MAX_EVENT_BYTES + 1))
    assert len(store.load(session.id).events) == 1


def _long_answer(words: int) -> str:
    return " ".join(f"woord{n}" for n in range(words))


def test_a_long_answer_is_indexed_in_bounded_passages_and_found_whole(store):
    text = _long_answer(30_000)  # some 270 KB
    with store.create(school()) as session:
        session.record("answer", question="q.lang", value=text)
        session.record("answer", question="q.kort", value="woord7 en nog iets")
    pieces = [piece for kind, _, _, piece in chunks(session.transcript) if kind == "answer"]
    assert max(len(p) for p in pieces) <= PASSAGE and len(pieces) > 100
    assert set(" ".join(pieces).split()) == set(text.split()) | {"en", "nog", "iets"}
    last = store.search("woord29999")
    assert [(h.question, h.snippet.endswith("[woord29999]")) for h in last] == [("q.lang", True)]
    across = [p for p in pieces if "woord100 " in p][0].split()[-1]  # a phrase over the cut between two passages
    following = f"woord{int(across.removeprefix('woord')) + 1}"
    assert [h.question for h in store.search(f'"{across} {following}"')] == ["q.lang"]
    assert sorted(h.question for h in store.search("woord7")) == ["q.kort", "q.lang"]  # one hit per answer


def test_a_phrase_is_found_across_the_pieces_a_long_text_is_read_in(monkeypatch):
    monkeypatch.setattr(mentions, "_PIECE", 64)
    mentions._text_index.cache_clear()
    mentions.mentions.cache_clear()
    text = ("de leerling komt vaak te laat " * 20) + "en wordt gepest op de bus " + ("alles goed " * 20)
    assert mentions.mentions(text, "wordt gepest")
    assert mentions.mentions(text, "gepest op de bus")
    assert not mentions.mentions(text, "gepest op de fiets")
    mentions._text_index.cache_clear()
    mentions.mentions.cache_clear()


# Words that open, negate, dismiss or are referred back to, spoken Flemish, and every separator (also runs
# and dashes between spaces), so that piece ends fall next to all of them.
_READ_WORDS = ("niet ni nie geen nooit zonder alleen enkel zomaar maar want om en of hij ze da dat die is heeft valt "
               "mee meevalt lukt goed probleem zorgen bang buikpijn bus gepest thuis vrijdag").split()
_SEPARATORS = (" ", " ", " ", ", ", ". ", "? ", "\n", ".\n", "..", " - ", " -", "- ", " – ", "—", "; ", ": ", "(", ")",
               "\t", '"', "\r\n")


@fuzz(200)
@given(st.lists(st.tuples(st.sampled_from(_READ_WORDS), st.sampled_from(_SEPARATORS)), max_size=60),
       st.integers(min_value=8, max_value=80))  # a word end within two pieces: no word is ever cut
def test_a_text_read_in_pieces_reads_as_the_whole(parts, piece):
    """Clauses, negation and dismissals that refer back are the same whether a long text is read a piece at
    a time or at once: a piece ends at the end of a word, the clause and sentence go on in the next."""
    text = "".join(word + separator for word, separator in parts)
    whole = Reading.of(text)
    original, mentions._PIECE = mentions._PIECE, piece
    try:
        pieces = list(mentions._pieces(text))
        read = Reading.read(pieces)
    finally:
        mentions._PIECE = original
    assert "".join(pieces) == text
    assert (read.words, read.clause_of, read.negated, read.dismissed) == \
        (whole.words, whole.clause_of, whole.negated, whole.dismissed)


def test_the_rules_and_the_summary_of_a_long_answer_take_memory_in_proportion(store):
    """A 2 MB answer: before, every word became objects of its own (some 80 bytes of memory per byte of
    text, 106 bytes per byte measured); now the rules keep four bytes a word and the summary a few copies of the
    text (14 bytes per byte measured)."""
    from assistant.core import locations
    from assistant.core.catalog import load_bank_folder, load_script_folder
    from assistant.core.engine import evaluate
    from assistant.core.summary import render_summary

    banks = load_bank_folder(locations.banks_dir())
    script = load_script_folder(locations.scripts_dir(), banks)["parent_dialogue"]
    text = ("Ze klaagt over buikpijn en wordt gepest op de bus; de school volgt op. " * 30_000)[:2_000_000]
    with store.create(school(script="parent_dialogue")) as session:
        session.record("answer", question="thuis.praktische-problemen", value=text)
    transcript = store.load(session.id)
    mentions._text_index.cache_clear()
    mentions.mentions.cache_clear()
    tracemalloc.start()
    try:
        view = evaluate(script, banks, transcript)
        markdown = render_summary(transcript, banks, view=view, script_title=script.title)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        mentions._text_index.cache_clear()
        mentions.mentions.cache_clear()
    assert "buikpijn" in markdown
    assert peak < 25 * len(text), f"peak {peak / len(text):.1f} bytes per byte of the answer"
