"""A child process for the store tests (not a test module).

    python store_recorder.py record FOLDER SUBJECT   create or resume the transcript about SUBJECT and
                                                     record answers without end, printing "ack N" after
                                                     each one is durably saved
    python store_recorder.py hold FOLDER REF         resume REF, print "holding", wait for stdin to close

The value of answer N is a function of N alone, so the parent can check every acknowledged answer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.core.store import Store
from assistant.core.transcript import Transcript


def value(n: int) -> str:
    # Sizes vary from a word to a few pages, so kills land inside large writes as well as between them.
    return f"antwoord {n}: " + "bus " * ((n * 37) % 1500)


def record(folder: Path, subject: str) -> None:
    store = Store(folder, snapshot_delay=0.003)  # the YAML copy is rewritten all the time, to be killed too
    existing = [i for i in store.list() if i.subject == subject]
    if existing:
        session = store.resume(existing[0].name)
        done = [int(q[1:]) for q in session.transcript.answers()]
        n = max(done) + 1 if done else 0
    else:
        session = store.create(Transcript.new("crash_test", subject=subject))
        n = 0
    print(f"ready {session.name}", flush=True)
    while True:
        session.record("answer", question=f"q{n}", value=value(n))
        print(f"ack {n}", flush=True)
        n += 1


def hold(folder: Path, ref: str) -> None:
    session = Store(folder, snapshot_delay=None).resume(ref)
    print("holding", flush=True)
    sys.stdin.read()
    session.close()


if __name__ == "__main__":
    command, folder, arg = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    record(folder, arg) if command == "record" else hold(folder, arg)
