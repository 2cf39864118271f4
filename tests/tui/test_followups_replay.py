"""A parent dialogue typed into the real `dialoog` in a pseudo-terminal, in bursts: a negated worry
proposes nothing, an own suggestion is marked and followed, and the journal, the YAML copy and the
summary hold exactly what was typed, with the follow-up's reason saying it is our own."""

from __future__ import annotations

import subprocess
import sys

import yaml

from assistant.core.store import Store
from assistant.core.transcript import EventKind
from tests.tui.ptyapp import CTRL_Q, CTRL_S, ENTER, ROOT, PtyApp

CTRL_F = b"\x06"
TYPED = [
    ("thuis.praktische-problemen", "Nee hoor, geen problemen. Hij is ni bang en heeft nooit buikpijn."),
    ("thuis.relatie-ouders", "Goed, maar ze blijft thuis om voor haar broertjes te zorgen"),
    ("thuis.gevoeligheden", "Oma woont bij ons en is ziek"),
]


def test_a_parent_dialogue_with_negation_and_an_own_follow_up_is_saved_as_typed(tmp_path):
    folder = tmp_path / "transcripts"
    app = PtyApp("new", "parent_dialogue", "--facilitator", "An", "--subject", "Lotte", "--transcripts", str(folder),
                 cwd=tmp_path)
    app.wait_for("Zijn er praktische problemen?")
    app.type(TYPED[0][1], pause=0.005)  # a burst, as a fast typist does
    app.type(CTRL_S)
    app.wait_for("Hoe is de relatie met ouders?")
    assert "Vervolgvraag" not in app.text(), "a negated worry proposes nothing"
    app.clear()
    app.type(TYPED[1][1], pause=0.005)
    app.type(CTRL_S)
    app.wait_for("(eigen suggestie)")
    app.type(CTRL_F)  # the newest suggestion: "Zijn er bepaalde gevoeligheden binnen het gezin?"
    app.type(ENTER)
    app.wait_for("Zijn er bepaalde gevoeligheden binnen het gezin?")
    app.clear()
    app.type(TYPED[2][1], pause=0.005)
    app.type(CTRL_S)
    app.wait_for("(eigen suggestie)")
    app.type(CTRL_Q)
    assert app.wait() == 0

    (entry,) = Store(folder).list()
    transcript = Store(folder).load(entry.id)
    assert list(transcript.answers().items()) == TYPED
    decisions = {e.data["suggestion"]: e.data["decision"] for e in transcript.of_kind(EventKind.DECISION)}
    assert decisions == {"ouders.zorgtaken:thuis.gevoeligheden": "accepted"}
    copy = yaml.safe_load(next(folder.glob("*.yaml")).read_text(encoding="utf-8"))
    answers = [e for e in copy["events"] if e["kind"] == "answer"]
    assert [(e["question"], e["value"]) for e in answers] == TYPED

    summary = subprocess.run([sys.executable, "-m", "assistant", "summary", entry.id, "--transcripts", str(folder)],
                             capture_output=True, text=True, cwd=ROOT, check=True).stdout
    for _, text in TYPED:
        assert " ".join(text.split()) in " ".join(summary.split())
    followed = summary.split("Zijn er bepaalde gevoeligheden binnen het gezin?", 1)[1]
    assert "Waarom: Eigen suggestie:" in " ".join(followed.split()[:40])
