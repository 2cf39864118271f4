"""What a listing and a search return: plain immutable values, one per transcript or passage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple


class TranscriptInfo(NamedTuple):
    """One line of a listing. For a file that cannot be read, `problem` says why and the rest is empty.

    (A named tuple: a listing builds ten thousand of them, and they are plain immutable values.)"""

    name: str                    # the file stem: what `show`, `resume` and `follow_up` accept
    folder: Path
    file: str                    # the YAML copy's file name (or the unreadable file's)
    id: str = ""
    script: str = ""
    subject: str = ""
    status: str = ""
    created: str = ""
    updated: str = ""
    answers: int = 0
    tags: tuple[str, ...] = ()
    facilitator: str = ""
    follows: str | None = None
    problem: str | None = None
    warning: str | None = None

    @property
    def path(self) -> Path:
        return self.folder / self.file

    @property
    def date(self) -> str:
        return self.created[:10]

    @property
    def readable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class SearchHit:
    info: TranscriptInfo
    kind: str                    # answer | note | action | subject
    question: str | None         # the question answered (or noted on), when there is one
    seq: int | None              # the event, to jump to it
    snippet: str                 # the matching text, the matched words between the marks
    score: float                 # higher is better
