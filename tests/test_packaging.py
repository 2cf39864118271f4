"""A plain install carries everything the app needs: the wheel (built from the sdist, as `pip install .`
does) installed into a fresh venv, outside the source tree, lists and validates the bundled banks and
scripts, renders a sheet from the templates, and anonymises with the Dutch word list it carries.

Offline: the build backend and the dependencies come from uv's cache, filled when `.venv` was made
from the lock; the dependencies installed are the lock's, so this takes a few seconds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UV = Path(sys.executable).with_name("uv")
SHIPPED = ("assistant", "pyproject.toml", "README.md")


def _uv(*args: str, environment: Path | None = None) -> subprocess.CompletedProcess:
    """uv, never fetching an interpreter or touching the network; `environment`: the venv `uv sync` fills."""
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_OFFLINE": "1"}
    if environment is not None:
        env["UV_PROJECT_ENVIRONMENT"] = str(environment)
    return subprocess.run([str(UV), *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The `dialoog` of a fresh venv that holds the lock's dependencies and our wheel, nothing else."""
    if not UV.exists():
        pytest.skip(f"no uv beside {sys.executable}: make .venv/.installed-test installs it")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # a copy: building writes egg-info and build/ into the tree it builds
    source.mkdir()
    for name in SHIPPED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, source / name)
    built = _uv("build", "--quiet", "--out-dir", str(work / "dist"), str(source))
    if built.returncode:
        if "network" in built.stderr.lower() or "offline" in built.stderr.lower():
            pytest.skip(f"cannot build offline: the build backend is not in uv's cache ({built.stderr.strip()[-200:]})")
        pytest.fail(f"uv build failed:\n{built.stderr}")
    wheel = next((work / "dist").glob("dialoog-*.whl"))
    venv = work / "venv"
    synced = _uv("sync", "--project", str(ROOT), "--frozen", "--no-install-project", "--quiet",
                 "--python", sys.executable, environment=venv)
    if synced.returncode:
        pytest.fail(f"installing the lock's dependencies into a fresh venv failed:\n{synced.stderr}")
    added = _uv("pip", "install", "--quiet", "--no-deps", "--python", str(venv / "bin" / "python"), str(wheel))
    if added.returncode:
        pytest.fail(f"installing the wheel failed:\n{added.stderr}")
    return venv / "bin" / "dialoog"


def _run(dialoog: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIALOOG_") and k != "PYTHONPATH"}
    env["DIALOOG_CACHE"] = str(tmp_path / "cache")
    # From an empty folder: nothing of the source tree can be imported or found by accident.
    return subprocess.run([str(dialoog), *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)


def test_the_wheel_carries_the_banks_scripts_and_templates(installed, tmp_path):
    banks = _run(installed, tmp_path, "banks")
    assert banks.returncode == 0, banks.stderr
    listed = {line.split()[0] for line in banks.stdout.splitlines()[1:] if line.strip()}
    shipped = {p.stem for p in (ROOT / "assistant" / "question_banks").glob("*.yaml")}
    assert listed == shipped

    valid = _run(installed, tmp_path, "validate")
    assert valid.returncode == 0, valid.stdout + valid.stderr
    scripts = len(list((ROOT / "assistant" / "scripts").glob("*.yaml")))
    assert f"{len(shipped)} bank(s), {scripts} script(s) valid" in valid.stderr

    sheet = _run(installed, tmp_path, "sheet", "parent_dialogue")
    assert sheet.returncode == 0, sheet.stderr
    assert sheet.stdout.startswith("#")
    assert "Traceback" not in banks.stderr + valid.stderr + sheet.stderr


def test_the_wheel_carries_the_word_list_an_anonymised_export_reads(installed, tmp_path):
    """The word list is read from the installed package: without it a name nobody registered ('Jitske') or a
    town could not be told from an ordinary word, and anonymising fails."""
    from storekit import new_store, school

    from assistant.core.transcript import Participant

    store = new_store(tmp_path / "transcripts")
    with store.create(school(subject="Noor Peeters", script="parent_dialogue",
                             participants=(Participant("Fatima El Amrani", "moeder"),))) as session:
        session.record("answer", question="thuis.praktische-problemen",
                       value="Noor speelt na school vaak met Jitske in Mortsel; bel 0470 12 34 56.")
    store.close()
    exported = _run(installed, tmp_path, "export", session.id, "--anonymise", "--transcripts", str(tmp_path / "transcripts"))
    assert exported.returncode == 0, exported.stderr
    answer = next(line for line in exported.stdout.splitlines() if line.strip().startswith("value:"))
    assert answer.strip() == "value: '[leerling] speelt na school vaak met [naam 1] in [plaats]; bel [telefoon].'"
    assert "Traceback" not in exported.stderr
