"""Every action of a screen has a key of its own, and none that a terminal keeps for itself."""

from __future__ import annotations

import pytest

from assistant.tui.actions import CONVERSATION, REVIEW, START, SUMMARY

# GNOME Terminal opens its menu on F10 and most terminals go full screen on F11: the app never sees them.
TAKEN_BY_TERMINALS = {"f10", "f11"}


@pytest.mark.parametrize("specs", [CONVERSATION, START, REVIEW, SUMMARY], ids=["conversation", "start", "review", "summary"])
def test_no_two_actions_of_a_screen_share_a_key_and_none_is_a_terminal_s(specs):
    keys = [spec.key for spec in specs]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert not TAKEN_BY_TERMINALS & set(keys)
