"""`--transcripts` and `--lang` before the subcommand count as much as after it (they were silently
dropped for list, search, show, export, retention, summary, sheet and handover)."""

from __future__ import annotations

import subprocess
import sys

from storekit import new_store, school


def dialoog(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, env={"PATH": "/usr/bin:/bin", "DIALOOG_CACHE": str(cwd / "cache")})


def test_the_folder_and_language_given_before_the_subcommand_are_used(tmp_path):
    store = new_store(tmp_path / "elders")
    with store.create(school(subject="Emma Janssens", script="parent_dialogue")) as session:
        session.record("answer", question="thuis.praktische-problemen", value="De bus rijdt niet")
        ident = session.id
    store.close()
    folder = str(tmp_path / "elders")

    listed = dialoog("--transcripts", folder, "list", cwd=tmp_path)
    assert listed.returncode == 0 and "Emma Janssens" in listed.stdout, listed.stderr

    english = dialoog("--lang", "en", "--transcripts", folder, "summary", ident, cwd=tmp_path)
    dutch = dialoog("--transcripts", folder, "summary", ident, cwd=tmp_path)
    assert english.returncode == dutch.returncode == 0, english.stderr + dutch.stderr
    assert english.stdout != dutch.stdout

    after = dialoog("summary", ident, "--transcripts", folder, "--lang", "en", cwd=tmp_path)
    assert after.stdout == english.stdout
    assert not (tmp_path / "transcripts").exists(), "nothing went to ./transcripts"


def test_an_abbreviated_option_is_refused_wherever_it_stands(tmp_path):
    """`--trans` was taken for `--transcripts` after the subcommand but not before it (where the app's
    pre-scan did not know it): an option is written out in full, or the command is a usage error."""
    folder = str(tmp_path / "elders")
    for args in (("--trans", folder, "list"), ("list", "--trans", folder), ("--transcripts", folder, "summary", "x", "--la", "en")):
        refused = dialoog(*args, cwd=tmp_path)
        assert refused.returncode == 2 and "usage: dialoog" in refused.stderr, args
    assert dialoog("--transcripts", folder, "list", cwd=tmp_path).returncode == 0
