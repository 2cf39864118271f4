"""The tests' one way to wait (tests/waiting.py): it returns what the condition gave once it holds, and
a condition that never comes fails the test with its name and what there was to see."""

from __future__ import annotations

import pytest

from tests.waiting import wait_until


def test_a_wait_returns_what_the_condition_gave_once_it_holds():
    polls = iter([None, [], ["klaar"]])
    assert wait_until(lambda: next(polls), "the list has something", between=lambda: None) == ["klaar"]


def test_a_condition_that_never_comes_fails_with_its_name_and_what_was_seen():
    with pytest.raises(AssertionError, match=r"(?s)timed out after 0.05s waiting until the transcript is saved\nfound: niets"):
        wait_until(lambda: False, "the transcript is saved", timeout=0.05, detail=lambda: "found: niets")
