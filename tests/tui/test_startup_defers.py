"""What start-up leaves for later stays left: the first question of `dialoog new` is on screen before the
summary, the Word export, the search index, the fuzzy finder, the anonymiser or another screen is imported.

Run in a fresh interpreter, the way the command line starts the app (the parser with every subcommand,
the library from its cache, the store, the app on a new conversation); each of these modules costs the first frame
milliseconds a facilitator waits for, and an import added at the top of a module on the way pulls it in.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.tui.ptyapp import ROOT

DEFERRED = (
    "assistant.core.summary", "assistant.core.prepsheet", "assistant.core.worddoc", "assistant.core.index",
    "assistant.core.searchtext", "assistant.core.jump", "assistant.core.pseudonymise",
    "assistant.tui.screens.summary", "assistant.tui.screens.review", "assistant.tui.dialogs",
    "sqlite3", "docx", "jinja2", "rapidfuzz", "markdown_it", "pydantic",
)
FIRST_SCREEN = '''
import asyncio, json, sys, tempfile
from assistant.cli import build_parser
build_parser()
from assistant.application.library import load_library
from assistant.application.settings import NewMeta, Settings, Start
from assistant.core.store import Store
from assistant.tui.app import DialoogApp

async def first_screen():
    store = Store(tempfile.mkdtemp())
    start = Start("new", script="parent_dialogue", meta=NewMeta("An", "Lotte"))
    app = DialoogApp(store=store, library=load_library(), settings=Settings(start=start))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = app.screen.meeting.prompt().question.id
        loaded = sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[1:])))
        await pilot.press("ctrl+q")
    print(json.dumps({"shown": shown, "loaded": loaded}))

asyncio.run(first_screen())
'''


def test_the_first_question_is_on_screen_before_anything_start_up_defers_is_imported(tmp_path, monkeypatch):
    from assistant.application.library import load_library

    monkeypatch.setenv("DIALOOG_CACHE", str(tmp_path / "cache"))
    load_library()  # as after the first run: the banks validated and cached (validation needs pydantic)
    result = subprocess.run([sys.executable, "-c", FIRST_SCREEN, *DEFERRED], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "DIALOOG_CACHE": str(tmp_path / "cache"),
                                                         "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["shown"] == "thuis.praktische-problemen"
    assert report["loaded"] == [], f"imported before the first question: {report['loaded']}"
