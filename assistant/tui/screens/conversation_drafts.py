"""The conversation screen's drafts: the answer box kept on disk while the facilitator types, and
put back when the conversation is resumed (assistant.core.drafts).

A keystroke only notes the time. A short timer saves the box once typing pauses (PAUSE), and at
least every LONGEST seconds while it goes on; saving hands the text to the session's draft keeper,
which writes it in a thread of its own (an atomic write with fsync takes a millisecond or more,
too long to hold a key). A sent answer empties the box, and the next save removes the draft.

On resume, a draft for the question now waiting goes back into the box. A draft for another
question (or one a box cannot take, such as a table) is shown in a notice and left on disk until
the facilitator types again: it is never dropped without being seen.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the screen is on the start-up path: no widget modules imported for annotations
    from textual.timer import Timer
    from textual.widgets import Input, TextArea

    from assistant.core.drafts import Draft, DraftKeeper

PAUSE = 0.5       # seconds without a keystroke before the box is saved
LONGEST = 2.0     # while typing goes on, the box is saved at least this often
TICK = 0.1


class DraftsMixin:
    """For ConversationScreen: needs `meeting`, `composer`, `strings` and `question_text`."""

    _draft_on_disk: tuple[str, str, Any] | None = None  # what the keeper was last asked to keep
    _draft_first: float | None = None                    # the first change not saved yet
    _draft_last = 0.0
    _draft_timer: Timer | None = None

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.typing_changed()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.typing_changed()

    def typing_changed(self) -> None:
        """The box (or the question waiting) changed: save it soon. No disk, no reading the box."""
        now = time.monotonic()
        self._draft_last = now
        if self._draft_first is None:
            self._draft_first = now
            self._draft_timer = self.set_interval(TICK, self._draft_due)  # type: ignore[attr-defined]

    def _draft_due(self) -> None:
        now = time.monotonic()
        if self._draft_first is None or now - self._draft_last >= PAUSE or now - self._draft_first >= LONGEST:
            self.save_draft()

    def save_draft(self) -> None:
        """Hand what the box holds to the keeper now (it writes in the background)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        self._draft_first = None
        keeper = self._draft_keeper()
        if keeper is None:
            return
        draft = self._box_draft()
        shown = None if draft is None else (draft.question, draft.text, draft.value)
        if shown != self._draft_on_disk:
            self._draft_on_disk = shown
            keeper.want(draft)

    def _draft_keeper(self) -> DraftKeeper | None:
        meeting = self.meeting  # type: ignore[attr-defined]
        session = meeting.session if meeting is not None else None
        if session is None or getattr(session, "closed", True):
            return None
        return getattr(session, "drafts", None)

    def _box_draft(self) -> Draft | None:
        from assistant.core.drafts import Draft

        composer = self.composer  # type: ignore[attr-defined]
        box, prompt = composer.box, composer.prompt
        events = self.meeting.transcript.events  # type: ignore[attr-defined]
        after = events[-1].seq if events else 0
        command = composer.command_line.value.strip() if composer.command_active else ""
        if prompt is not None and command not in ("", "/"):  # a command half typed is unsent typing too
            return Draft(prompt.question.id, command, after=after)
        if box is None or prompt is None or not box.has_typing():
            return None
        value = box.raw_value()
        if isinstance(value, str):
            return Draft(prompt.question.id, value, after=after)
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            return None  # not plain data: nothing a draft can hold
        return Draft(prompt.question.id, value=value, after=after)

    def resume_at_draft(self) -> None:
        """Resumed where it stopped: a draft for a question other than the one the walk waits on was typed
        there after a jump out of order (the action plan, reached from the palette, before a kill), so
        the meeting goes on at that question, and `restore_draft` puts the typing back in its box.
        A question answered since, or one the script no longer has, keeps the notice instead."""
        from assistant.core import drafts

        keeper = self._draft_keeper()
        meeting = self.meeting  # type: ignore[attr-defined]
        draft = drafts.read(keeper.path) if keeper is not None else None
        if draft is None or drafts.sent_since(draft, meeting.transcript):
            return
        prompt = meeting.prompt()
        if (prompt is not None and draft.question != prompt.question.id
                and draft.question not in meeting.transcript.answers()):
            meeting.jump(draft.question)

    def restore_draft(self) -> None:
        """Put the draft of the question now waiting back in the box, or show a draft for another."""
        from assistant.core import drafts

        keeper = self._draft_keeper()
        if keeper is None:
            return
        draft = drafts.read(keeper.path)  # one small file, once per resume
        if draft is None:
            return
        transcript = self.meeting.transcript  # type: ignore[attr-defined]
        if drafts.sent_since(draft, transcript):
            keeper.want(None)  # the app was killed between sending and removing the draft
            return
        composer = self.composer  # type: ignore[attr-defined]
        box, prompt = composer.box, composer.prompt
        t = self.strings  # type: ignore[attr-defined]
        if (prompt is not None and prompt.question.id == draft.question and draft.text.startswith("/")
                and not composer.has_typing()):  # a command being typed: back on the command line
            composer.open_command(draft.text)
            self._draft_on_disk = (draft.question, draft.text, None)
            self.notify(t("conv.draft_restored"), timeout=6)  # type: ignore[attr-defined]
            return
        if (prompt is not None and box is not None and prompt.question.id == draft.question and draft.text
                and not box.has_typing() and box.put_draft(draft.text)):
            self._draft_on_disk = (draft.question, draft.text, None)
            self.notify(t("conv.draft_restored"), timeout=6)  # type: ignore[attr-defined]
            return
        question = self.question_text(draft.question)  # type: ignore[attr-defined]
        self.notify(t("conv.draft_kept", question=question, text=draft.shown),  # type: ignore[attr-defined]
                    severity="warning", timeout=60, markup=False)
