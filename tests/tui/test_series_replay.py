"""Three linked school meetings typed into the real `dialoog` in a pseudo-terminal, as a facilitator runs a
series: a school dialogue, its follow-up, and a second follow-up.

The first meeting parks a follow-up question and a basis question, leaves the deepening ones for next
time, leaves follow-ups suggested, takes over one priority proposal and agrees an action plan. Each
follow-up opens with the review of last time (started with `--follows`, through the details form):
actions marked done, partly done with a note, dropped or left; carried questions asked now, parked
again or dropped. Checked from what was saved (the journal, its YAML copy) and from the summaries:
every action, parked question and suggested follow-up is carried exactly once, each action's status
reaches the last summary, and no summary lists a priority that was not set or taken over.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from assistant.core import locations
from assistant.core.catalog import load_bank_folder
from assistant.core.effects import is_priority_key
from assistant.core.followup import still_parked
from assistant.core.store import Store
from assistant.core.transcript import Decision, Transcript
from assistant.core.transcript_codec import transcript_from_dict
from tests.summary.mdcheck import shape
from tests.tui.ptyapp import CTRL_Q, CTRL_S, ENTER, ROOT, PtyApp

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

CTRL_F, CTRL_P, CTRL_R, TAB, ESC = b"\x06", b"\x10", b"\x12", b"\t", b"\x1b"
DOWN, F7 = b"\x1b[B", b"\x1b[18~"
SIZE = (160, 50)  # no question text wraps: each can be waited for as drawn
TOPBAR = "Sint-Jozef · tijd: "
PLAN_HEADS = "Check"  # the last of the action plan's column heads (Wat, Wie, Wanneer, Check)
TABLE = "Tab of pijltjes: volgend vak"  # the answer box is a table now (counts, an action plan)
CHECKLIST = "Kies met spatie wat jullie nu bespreken"  # the checklist dialog itself (the log names it too)


def start(folder, *args: str) -> PtyApp:
    return PtyApp(*args, "--transcripts", str(folder), cwd=folder.parent, size=SIZE,
                  env={"DIALOOG_CACHE": str(folder.parent / "cache")})


def step(app: PtyApp, keys: list[bytes | str], until: str | None = None, *, shown: bool = False,
         saved: tuple[Path, Callable[[Transcript], object], str] | None = None) -> None:
    """Type `keys` in one burst, then wait until `until` is drawn, and with `saved` (folder, condition,
    what), until the meeting's record says so: a change that the log shows above its end can scroll out
    of view before it is drawn (the log follows the question waiting at its end), so what was recorded is
    read from the record itself. `shown`: and until the conversation has finished showing the change (its
    top bar is redrawn last), for keys that pick from the log next."""
    app.clear()
    for key in keys:
        app.type(key, pause=0)
    if until is not None:
        app.wait_for(until)
    if saved is not None:
        folder, condition, what = saved
        app.wait_until(lambda: condition(recording(folder)), f"the record shows {what}")
    if shown:
        app.wait_for(TOPBAR)


def parked(transcript: Transcript) -> bool:
    return any(e.get("decision") == Decision.PARKED for e in transcript.decisions().values())


def prioritised(transcript: Transcript) -> bool:
    return any(is_priority_key(key) and e.get("decision") == Decision.ACCEPTED for key, e in transcript.decisions().items())


def recording(folder: Path) -> Transcript:
    """The meeting being recorded, as its journal has it now (a snapshot; the app keeps writing)."""
    store = Store(folder)
    return store.load(store.list()[0].id)


def jump(app: PtyApp, question: str, box: str | None = None) -> None:
    """The palette's question jump, as a facilitator reaches a question out of order: once the palette
    lists it, Enter; then it stands in the chat with its badge (the palette shows the text alone), and
    `box`, if given, is text that only its answer box shows."""
    step(app, [CTRL_P, question], question[:40])
    step(app, [ENTER], f" basis  {question[:40]}", shown=True)
    if box:
        app.wait_for(box)


def finish(app: PtyApp) -> None:
    step(app, [F7], "Gesprek afronden?")
    step(app, [b"j"], "Samenvatting")
    app.type(CTRL_Q)
    assert app.wait() == 0


def dialoog(folder, *args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "assistant", *args, "--transcripts", str(folder)], capture_output=True,
                            text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def saved(folder, ident: str):
    """The transcript as its journal has it, after checking that the YAML copy says the same."""
    transcript = Store(folder).load(ident)
    copy = next(folder.glob(f"*_{ident}.yaml"))
    from_yaml = transcript_from_dict(yaml.safe_load(copy.read_text(encoding="utf-8")))
    assert from_yaml == transcript, f"the YAML copy of {ident} differs from its journal"
    return transcript


def identities(items: list[dict]) -> list[str]:
    """Each carried item by the question it stands for (or its suggestion, for an ad-hoc question)."""
    return [str(item.get("question") or item.get("suggestion")) for item in items]


def section(markdown: str, heading: str) -> str:
    rest = markdown.split(f"{heading}\n", 1)[1]
    return re.split(r"\n#{2,3} ", rest, maxsplit=1)[0]


def test_three_linked_meetings_carry_each_agreement_once_to_the_last_summary(tmp_path):
    folder = tmp_path / "transcripts"
    banks = load_bank_folder(locations.banks_dir())
    text = {q.id: q.text for bank in banks.values() for q in bank.questions()}

    # -- the first meeting --------------------------------------------------------------------------
    app = start(folder, "new", "school_dialogue", "--facilitator", "An Claes", "--subject", "Sint-Jozef",
                "--participant", "Jan Peeters (directie)")
    app.wait_for(text["inzicht.overzicht-afwezigheden"][:40])
    step(app, ["40", TAB, "6", CTRL_S], text["inzicht.twijfelachtige-attesten"][:40])
    step(app, ["Een groot probleem: veel twijfel over attesten", CTRL_S], CHECKLIST)
    step(app, [ENTER], text["registratie.wie-registreert"][:40], shown=True)  # no deepening question now: all for next time
    step(app, [CTRL_F, DOWN, b"p"], saved=(folder, parked, "a suggestion parked"))  # the second follow-up (the ad-hoc one): next time
    step(app, [CTRL_R], text["registratie.verloop"][:40])  # and the basis question waiting, too
    jump(app, text["beleid.stappenplan"])
    step(app, ["Nee, er is geen stappenplan", CTRL_S], shown=True,  # the walk goes on
         saved=(folder, lambda t: "beleid.stappenplan" in t.answers(), "the step plan's answer"))
    jump(app, text["samenwerking.bespreking-clb"], "Enter is een nieuwe regel")
    step(app, ["Eerder ad hoc, weinig overleg", CTRL_S], shown=True,
         saved=(folder, lambda t: "samenwerking.bespreking-clb" in t.answers(), "the answer on working with the CLB"))
    # ctrl+f starts on the first waiting; the proposal comes last, after the question left on attests, the
    # step plan's four and its own rule's three
    step(app, [CTRL_F, *[DOWN] * 8, ENTER], saved=(folder, prioritised, "the proposal taken over as a priority"))
    jump(app, text["opvolging.planning"], PLAN_HEADS)
    step(app, ["Stappenplan herwerken", ENTER, "directie", ENTER, "pasen", ENTER, "op het volgende overleg", ENTER,
               "Te laat komers apart registreren", ENTER, "secretariaat", CTRL_S], TOPBAR)
    finish(app)
    first = Store(folder).list()[0].id
    one = saved(folder, first)
    summary_one = dialoog(folder, "summary", first)
    priorities = section(summary_one, "## Prioriteiten")
    assert "Een vaste overlegstructuur school-CLB voor afwezigheden" in priorities  # taken over in the meeting
    assert shape(priorities).list_items == 1  # nothing else: no hint nobody took over
    parked_one, plan = identities(still_parked(one)), [r["wat"] for r in one.answers()["opvolging.planning"]]
    assert "registratie.wie-registreert" in parked_one and len(parked_one) == len(set(parked_one)) >= 3

    # -- the follow-up: --follows, the details form, the review of last time ---------------------------
    app = start(folder, "new", "school_dialogue", "--follows", first)
    app.wait_for("Vervolg op")
    step(app, [CTRL_S], plan[-1])
    assert all(app.text().count(line) == 1 for line in plan)  # each action once
    step(app, [b"d"], "Deels afgerond: Stappenplan herwerken")
    step(app, ["Eerste versie klaar", ENTER], "[deels afgerond]")
    step(app, [DOWN, ENTER], "[nu bespreken]")            # the second action left as it is; the first question: now
    step(app, [b"p"], "[volgende keer]")                  # the next one parked again
    step(app, [b"x"], "[niet meer]")                      # and the one after it dropped
    step(app, [ESC], "te overlopen")  # back in the meeting, told what is left to review
    app.wait_for("(ctrl+e)")  # and the key that brings the review back (the notice may wrap before it)
    second_id = next(i.id for i in Store(folder).list() if i.id != first)
    two = Store(folder).load(second_id)
    carried_parked = identities(two.meta.carried.parked)
    carried_suggested = identities(two.meta.carried.suggested)
    assert carried_parked == parked_one  # each parked question of the first meeting, once
    assert not set(carried_parked) & set(carried_suggested) and len(carried_suggested) == len(set(carried_suggested))
    assert [a["wat"] for a in two.meta.carried.actions] == plan
    accepted, parked_again, dropped = carried_parked[:3]
    app.wait_for(text[accepted][:40])                     # the question taken up now is asked first
    step(app, ["Dat zoeken we nog uit", CTRL_S], TABLE)  # then the walk: its first question, the table of codes
    jump(app, text["samenwerking.bespreking-clb"], "Enter is een nieuwe regel")
    step(app, ["Eerder ad hoc, weinig overleg", CTRL_S], TABLE)  # a priority proposal comes up: left as it is
    jump(app, text["opvolging.planning"], PLAN_HEADS)
    step(app, ["Overleg met het CLB inplannen", ENTER, "zorgcoördinator", CTRL_S], TOPBAR)
    finish(app)
    two = saved(folder, second_id)
    summary_two = dialoog(folder, "summary", second_id)
    assert "Een vaste overlegstructuur school-CLB" not in section(summary_two, "## Voor het volgende gesprek").split(
        "### Voorstellen voor de prioriteiten")[0]
    assert "Een vaste overlegstructuur school-CLB" in section(summary_two, "### Voorstellen voor de prioriteiten (niet besproken)")
    assert "## Prioriteiten" not in summary_two  # nothing was set or taken over in this meeting

    # -- the second follow-up ---------------------------------------------------------------------------
    app = start(folder, "new", "school_dialogue", "--follows", second_id)
    app.wait_for("Vervolg op")
    step(app, [CTRL_S], "eerder: deels afgerond: Eerste versie klaar")  # the review says what was said last time
    step(app, [b"a"], "[afgerond]")                        # done now
    step(app, [b"x"], "[geschrapt]")                       # the action left last time: dropped
    step(app, [b"d"], "Deels afgerond: Overleg met het CLB inplannen")
    step(app, ["Datum ligt vast", ENTER], "Datum ligt vast")
    step(app, [ESC], "te overlopen")  # back in the meeting, told what is left to review
    app.wait_for("(ctrl+e)")  # and the key that brings the review back (the notice may wrap before it)
    third_id = next(i.id for i in Store(folder).list() if i.id not in (first, second_id))
    finish(app)
    three = saved(folder, third_id)
    carried = three.meta.carried.to_plain()
    parked_three, suggested_three = identities(carried["parked"]), identities(carried["suggested"])
    assert accepted not in parked_three + suggested_three and dropped not in parked_three + suggested_three
    assert parked_three.count(parked_again) == 1 and len(parked_three) == len(set(parked_three))
    assert set(parked_three) == set(carried_parked) - {accepted, dropped}
    assert set(suggested_three) >= set(carried_suggested) and not set(parked_three) & set(suggested_three)
    assert len(suggested_three) == len(set(suggested_three))
    assert [a["wat"] for a in carried["actions"]] == [*plan, "Overleg met het CLB inplannen"]

    last = dialoog(folder, "summary", third_id)
    statuses = next(t for t in shape(last).tables if t[0][-1] == "Stand van zaken")
    assert [(row[0], row[-1]) for row in statuses[1:]] == [
        ("Stappenplan herwerken", "afgerond"),
        ("Te laat komers apart registreren", "geschrapt"),
        ("Overleg met het CLB inplannen", "deels afgerond: Datum ligt vast"),
    ]
    assert "## Prioriteiten" not in last
    parked_text = section(last, "### Geparkeerde vragen")
    assert all(parked_text.count(text.get(q, q)) == 1 for q in parked_three if q in text)
    assert "Datum ligt vast" in section(last, "### Open acties") and "Stappenplan herwerken" not in section(last, "### Open acties")
