"""The conversation screen's part for meetings in a series: last time's agreements and priority proposals.

A follow-up opens with the review of what the previous meeting left (assistant.tui.dialogs.carried);
ctrl+e brings it back. A priority proposal in the chat is taken over or not with the suggestion keys
(ctrl+f, Enter or x); it cannot be parked, and the screen says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from assistant.tui.dialogs.carried import ReviewRow
    from assistant.tui.screens.conversation import ConversationScreen as _Base
else:
    _Base = object


class FollowUpMixin(_Base):
    def review_rows(self) -> list[ReviewRow]:
        """The carried actions with their status here, then the carried questions with their decision."""
        from assistant.core.followup import reviewed_actions
        from assistant.tui.dialogs.carried import ReviewRow

        t = self.strings
        m = self.meeting
        rows = []
        for action in reviewed_actions(m.transcript):
            who = ", ".join(str(action[k]) for k in ("wie", "wanneer") if action.get(k))
            text = str(action.get("wat", "")) + (f" ({who})" if who else "")
            detail = ""
            if action.get("before"):
                detail = t("carried.before", status=t(f"conv.action_status.{action['before']}"),
                           note=f": {action['before_note']}" if action.get("before_note") else "")
            rows.append(ReviewRow("action", str(action.get("action", "")), text, detail, str(action.get("status") or ""),
                                  str(action.get("note") or "")))
        def origin(suggestion: Any) -> str:  # "Vorige keer voorgesteld (eigen suggestie)", as in the chat
            label = t(f"conv.carried.{suggestion.origin}")
            return t("conv.own", label=label) if suggestion.own else label

        for suggestion in m.view.suggestions:
            if suggestion.origin:
                rows.append(ReviewRow("question", suggestion.key, suggestion.text, origin(suggestion)))
        for suggestion, decision in m.view.decided:
            if suggestion.origin:
                rows.append(ReviewRow("question", suggestion.key, suggestion.text, origin(suggestion), str(decision)))
        return rows

    def review_left(self) -> str:
        """What is still to review from last time, said when the review closes (ctrl+e brings it back)."""
        t = self.strings
        rows = [r for r in self.review_rows() if not r.state]
        counted = [t.count(noun, n) for noun, n in (("action", sum(r.kind == "action" for r in rows)),
                                                    ("question", sum(r.kind == "question" for r in rows))) if n]
        what = t("count.and", first=counted[0], second=counted[1]) if len(counted) == 2 else "".join(counted)
        return t("carried.left", what=what) if what else t("carried.all_done")

    def review_due(self) -> bool:
        """A follow-up that has not started yet opens with its review, while anything in it is undecided."""
        from assistant.core.transcript import EventKind

        m = self.meeting
        if m is None or not m.transcript.meta.follows or any(m.transcript.of_kind(EventKind.ANSWER)):
            return False
        return any(not row.state for row in self.review_rows())

    async def open_review(self, early: list[events.Key] | None = None, *, unbidden: bool = False) -> None:
        """The review dialog. `unbidden`: opened by itself at the start of a follow-up, where what is typed
        before it is on screen is for the answer box; `early`: keys typed before it opened. What was typed
        for the answer goes into the answer box once it closes, before the keys typed after it."""
        from assistant.tui.dialogs.carried import CarriedDialog

        t = self.strings
        title = t("carried.title", date=self.meeting.transcript.meta.carried.from_date or "-")

        async def decide(row: ReviewRow, value: str, note: str) -> str | None:
            from assistant.core.store_errors import StoreError

            try:
                if row.kind == "action":
                    self.meeting.review_action(row.key, value, note)
                else:
                    self.meeting.decide(row.key, value)
            except StoreError as exc:  # SaveError: kept in memory by the session, said here
                return self.strings.store_error(exc)
            return None

        dialog = CarriedDialog(t, title, self.review_rows(), decide, unbidden=unbidden, typed=early)

        async def closed(_: Any) -> None:
            self._stale = False
            await self.show_state()  # what was decided in the dialog (an accepted question is asked next)
            self.composer.focus_answer()
            self.notify(self.review_left(), timeout=4)
            await self.type_keys_into_box(dialog.typed)

        await self.open_dialog(dialog, closed)

    async def action_previous(self) -> None:
        if self.meeting is None or not self.review_rows():
            self.notify(self.strings("carried.nothing"), timeout=3)
            return
        await self.open_review()

    def decision_allowed(self, key: str, decision: str) -> bool:
        """A priority proposal is taken over or not: parking it means nothing, and the screen says so."""
        from assistant.core.effects import is_priority_key

        if is_priority_key(key) and decision == "parked":
            self.notify(self.strings("conv.proposal.no_park"), timeout=4)
            return False
        return True

    def decided(self, key: str, decision: str) -> None:
        """A priority taken over is said, as a flag set is: the summary's priorities are the team's."""
        from assistant.core.effects import is_priority_key

        event = self.meeting.transcript.decisions().get(key) if self.meeting is not None else None
        if is_priority_key(key) and decision == "accepted" and event is not None:
            self.notify(self.strings("conv.proposal.taken", text=str(event.get("text") or "")), timeout=3)
