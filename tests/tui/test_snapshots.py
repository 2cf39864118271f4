"""Screenshots of the four screens at 80x24 and 120x40 (update with `pytest --snapshot-update`).

Everything that could change between runs is fixed: the cursor does not blink, the meeting clock
is a fake, and the transcripts shown are built with fixed dates and times.
"""

from __future__ import annotations

import pytest

from assistant.core.transcript import Event, EventKind, Meta, Participant, Transcript
from assistant.tui.screens.summary import SummaryScreen
from assistant.application.settings import Start
from tests.tui.driving import ready
from tests.waiting import wait_for_text

SIZES = [(80, 24), (120, 40)]
AT = "2026-03-02T10:{:02d}:00+01:00"


def fixed_transcript(ident: str, script: str, subject: str, answers: dict, *, status_closed: bool = True) -> Transcript:
    meta = Meta(id=ident, script=script, created=AT.format(0), updated=AT.format(0), facilitator="An Claes",
                participants=(Participant("Els Maes", "mama"), Participant("Tom Peeters", "leerkracht")), subject=subject)
    events = [Event(i, EventKind.ANSWER, AT.format(i), {"question": q, "value": v, "speaker": "Els Maes"})
              for i, (q, v) in enumerate(answers.items(), start=1)]
    events.append(Event(len(events) + 1, EventKind.CLOCK, AT.format(40), {"seconds": 2400}))
    if status_closed:
        events.append(Event(len(events) + 1, EventKind.CLOSE, AT.format(41), {}))
    transcript = Transcript(meta, tuple(events))
    return transcript.with_meta(status="closed") if status_closed else transcript


PARENT = {
    "thuis.praktische-problemen": "Geen geld voor de bus; ze is soms bang om te gaan.",
    "thuis.relatie-ouders": "Goed, mama volgt alles op.",
    "thuis.raam": {"groter": ["steun van oma"], "kleiner": ["ruzie thuis", "weinig slaap"]},
}
SCHOOL = {"inzicht.codes": {"B": {"0-4": 3, "5-9": 4}}, "inzicht.attesten": "Klein probleem."}


@pytest.fixture
def stored(store):
    """Two closed transcripts and one open one, with fixed dates."""
    for transcript in (fixed_transcript("a1b2c3d4", "parent_dialogue", "Lotte", PARENT),
                       fixed_transcript("b2c3d4e5", "school_dialogue", "Sint-Jozef", SCHOOL, status_closed=False)):
        store.create(transcript).close()
    return store


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_screen(snap_compare, make_app, stored, size):
    async def loaded(pilot):
        await ready(pilot)

    assert snap_compare(make_app(Start()), terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_conversation_with_suggestions(snap_compare, new_app, size):
    async def answered(pilot):
        await ready(pilot)
        await pilot.press(*"Geen geld voor de bus, ze is bang", "ctrl+s")
        await wait_for_text(pilot, "Vervolgvraag")

    assert snap_compare(new_app("parent_dialogue"), terminal_size=size, run_before=answered)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review_screen(snap_compare, make_app, stored, size):
    async def loaded(pilot):
        await ready(pilot)

    assert snap_compare(make_app(Start("review")), terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_summary_screen(snap_compare, make_app, stored, size):
    async def opened(pilot):
        await ready(pilot)
        await pilot.press("s")  # the summary of the newest... the first row, as listed
        await ready(pilot, SummaryScreen)

    assert snap_compare(make_app(Start("review")), terminal_size=size, run_before=opened)
