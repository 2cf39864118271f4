"""Real processes: a second Dialoog on the same transcript, and a recorder killed with SIGKILL."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time

import pytest
from storekit import RECORDER, ROOT, files_of, new_store, school

from assistant.core.store import LockedError
from store_recorder import value


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(RECORDER), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)


def test_a_second_process_is_refused_with_the_holders_name_until_the_first_lets_go(tmp_path):
    store = new_store(tmp_path / "t")
    with store.create(school()) as session:
        session.record("answer", question="q", value="x")
    holder = _spawn("hold", str(store.root), session.id)
    try:
        assert holder.stdout.readline().strip() == "holding", holder.stderr.read()
        with pytest.raises(LockedError) as caught:
            store.resume(session.id)
        message = str(caught.value)
        assert f"pid {holder.pid}" in message and socket.gethostname() in message and "since" in message
        assert caught.value.holder["pid"] == holder.pid
        assert store.load(session.id).answers() == {"q": "x"}  # reading is never blocked
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    store.resume(session.id).close()


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    store = new_store(tmp_path / "t")
    store.create(school()).close()
    name = store.list()[0].name
    holder = _spawn("hold", str(store.root), name)
    assert holder.stdout.readline().strip() == "holding", holder.stderr.read()
    holder.kill()
    holder.wait(timeout=30)
    store.resume(name).close()


def test_every_acknowledged_answer_survives_sigkill_at_random_moments(tmp_path):
    """Many trials, one transcript: each trial resumes it, records until killed at a random moment,
    and every answer whose acknowledgement reached us must be in the reloaded transcript."""
    rng = random.Random(int(os.environ.get("DIALOOG_CRASH_SEED", "20240917")))
    folder = tmp_path / "t"
    acknowledged: set[int] = set()
    deadline = time.monotonic() + 8  # the number of trials adapts to the machine, not the verdict
    trials = 0
    while trials < 6 or (trials < 30 and time.monotonic() < deadline):
        trials += 1
        child = _spawn("record", str(folder), "Crashschool")
        ready = child.stdout.readline()
        assert ready.startswith("ready"), child.stderr.read()
        wanted = rng.randrange(0, 30)
        seen = 0
        while seen < wanted:
            line = child.stdout.readline()
            assert line.startswith("ack"), (line, child.stderr.read())
            acknowledged.add(int(line.split()[1]))
            seen += 1
        if rng.random() < 0.7:  # land inside a write rather than right after an acknowledgement
            time.sleep(rng.random() * 0.004)  # the random moment is what is under test, not a wait
        child.send_signal(signal.SIGKILL)
        rest, errors = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, errors
        acknowledged |= {int(line.split()[1]) for line in rest.splitlines() if line.startswith("ack")}

        loaded = new_store(folder).inspect(ready.split()[1])
        answers = loaded.transcript.answers()
        missing = sorted(n for n in acknowledged if answers.get(f"q{n}") != value(n))
        assert not missing, f"trial {trials}: acknowledged but lost: {missing[:10]}"
        assert all(w.startswith(str(loaded.files.journal)) or "cut off" in w for w in loaded.warnings), loaded.warnings
    assert len(acknowledged) > trials  # the trials did record
    # Killed YAML rewrites leave hidden temp files at most; a resume clears them.
    session = new_store(folder).resume(ready.split()[1])
    session.close()
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    assert new_store(folder).inspect(session.id).warnings == []
    assert files_of(new_store(folder), session).yaml.exists()
