"""`dialoog show` of a follow-up and of a prepared follow-up, compared with golden files.

The transcripts are those of tests/data/carried (written before `meta.carried` was typed). When the output
changes on purpose, regenerate and read the diff:

    DIALOOG_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_show_golden.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from assistant.cli import main

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
UPDATE = os.environ.get("DIALOOG_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("ident", ["7d8e9f00", "a9f2f3a9"])
def test_show_reads_as_its_golden_file(tmp_path, capsys, ident):
    folder = tmp_path / "transcripts"
    shutil.copytree(HERE / "data" / "carried", folder, ignore=shutil.ignore_patterns("*.md"))
    folder.chmod(0o700)
    assert main(["show", "--transcripts", str(folder), ident]) == 0
    out = capsys.readouterr().out
    golden = GOLDEN / f"show_{ident}.txt"
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert "vorige keer" not in out  # English throughout, like the rest of the command line
