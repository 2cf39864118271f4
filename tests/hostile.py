"""Text that tries to act on a terminal, and the oracle that says whether output is free of it (not a
test module). The oracle is written here on its own, not taken from assistant.core.safetext, so that a
gap in the module's list shows up as a failing test rather than agreeing with itself."""

from __future__ import annotations

from hypothesis import strategies as st

from assistant.core.transcript import Participant, Transcript

# The common escape sequences, each as a terminal would act on it.
SEQUENCES = {
    "osc-title": "\x1b]0;PWNED\x07",
    "osc-title-st": "\x1b]2;PWNED\x1b\\",
    "csi-clear": "\x1b[2J\x1b[H",
    "osc8-link": "\x1b]8;;file:///etc/passwd\x1b\\klik\x1b]8;;\x1b\\",
    "csi-8bit": "\x9b2J",
    "osc-8bit": "\x9d0;PWNED\x9c",
    "bidi-rlo": "\u202eetalp\u202c",
    "bidi-isolate": "\u2067x\u2069",
    "sgr": "\x1b[31mrood\x1b[0m",
    "backspace-overwrite": "Noor\x08\x08\x08\x08Piet",
    "carriage-return": "veilig\rGEVAARLIJK",
    "nul-del": "a\x00b\x7fc",
    "tag-smuggling": "\U000e0041\U000e0042",
}
EVERY_CONTROL = "".join(chr(c) for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in "\n\t")
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def unsafe(text: str) -> list[str]:
    """Every character in `text` that a terminal could act on or that hides text: C0 but newline and tab,
    DEL, C1, bidi controls, line and paragraph separators, BOM, tags, surrogates. Empty: safe."""
    found = []
    for char in text:
        code = ord(char)
        if (code < 0x20 and char not in "\n\t") or 0x7F <= code <= 0x9F or char in BIDI or char in "\u2028\u2029\ufeff" \
                or 0xE0000 <= code <= 0xE007F or 0xD800 <= code <= 0xDFFF:
            found.append(f"U+{code:04X}")
    return found


def hostile_text() -> st.SearchStrategy[str]:
    """Ordinary words with escape sequences and single controls mixed in."""
    pieces = st.one_of(
        st.sampled_from(list(SEQUENCES.values())),
        st.sampled_from(list(EVERY_CONTROL + BIDI)),
        st.sampled_from(["Noor", "Peeters", "mama", "school", " ", "\n", "é", "buikpijn"]),
    )
    return st.lists(pieces, min_size=1, max_size=8).map("".join)


ALL = "|".join(f"{name}:{seq}" for name, seq in SEQUENCES.items()) + "|" + EVERY_CONTROL + BIDI


def hostile_transcript(payload: str = ALL, script: str = "parent_dialogue") -> Transcript:
    """A parent dialogue with `payload` in every field a facilitator (or a colleague's copy) can fill."""
    transcript = Transcript.new(
        script, subject=f"Noor {payload} Peeters", facilitator=f"An {payload}",
        participants=(Participant(f"Fatima {payload}", f"moeder {payload}"),), tags=(f"tag {payload}",),
    )
    for kind, data in (
        ("answer", {"question": "thuis.praktische-problemen", "value": f"Bus {payload} te laat", "speaker": f"Fatima {payload}"}),
        ("answer", {"question": "thuis.relatie-ouders", "value": f"Goed {payload}\nTweede regel {payload}"}),
        ("answer", {"question": "thuis.raam", "value": {"groter": [f"oma {payload}"], "kleiner": [f"ruzie {payload}"]}}),
        ("note", {"text": f"Notitie {payload}", "question": "thuis.praktische-problemen"}),
        ("note", {"text": f"Algemeen {payload}"}),
        ("flag", {"question": "thuis.praktische-problemen", "flag": "priority", "rank": 1}),
        ("action", {"action": "a1", "wat": f"Bellen {payload}", "wie": f"CLB {payload}", "wanneer": "maandag", "check": ""}),
    ):
        transcript = transcript.with_event(transcript.next_event(kind, **data))
    return transcript
