"""Every output file (`export -o`, `summary -o`, `sheet -o`, the app's saved summaries) is written one way:
never over an existing file without --force, never through a link or over a device, atomically, 0600, and
any refusal is one line, also for a name of any length."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from storekit import new_store, school

from assistant.cli import main
from assistant.core import durable
from assistant.core.exports import save_summary, summary_path
from assistant.core.outputs import OutputError, shown, write_output

LONG = "n" * 300  # past the 255 bytes a file name may have


def _device() -> Path:
    if Path("/dev/full").exists():
        return Path("/dev/full")
    pytest.skip("no /dev/full on this system")


# -- the helper --------------------------------------------------------------------------------------
def test_a_new_file_is_written_private(tmp_path):
    target = write_output(tmp_path / "verslag.md", b"inhoud")
    assert target.read_bytes() == b"inhoud"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.md"]  # no temporary file left behind


def test_an_existing_file_is_kept_unless_forced(tmp_path):
    target = tmp_path / "verslag.md"
    target.write_bytes(b"van iemand anders")
    with pytest.raises(OutputError) as caught:
        write_output(target, b"nieuw")
    assert caught.value.code == "output_exists" and "--force" in str(caught.value)
    assert target.read_bytes() == b"van iemand anders"
    write_output(target, b"nieuw", force=True)
    assert target.read_bytes() == b"nieuw"


def test_a_symbolic_link_is_never_followed_or_replaced_even_with_force(tmp_path):
    elsewhere = tmp_path / "elders.txt"
    elsewhere.write_bytes(b"niet van ons")
    link = tmp_path / "verslag.md"
    link.symlink_to(elsewhere)
    for force in (False, True):
        with pytest.raises(OutputError) as caught:
            write_output(link, b"nieuw", force=force)
        assert caught.value.code == "output_symlink"
    assert link.is_symlink() and elsewhere.read_bytes() == b"niet van ons"


def test_a_device_or_a_pipe_is_never_replaced(tmp_path):
    device = _device()
    with pytest.raises(OutputError) as caught:
        write_output(device, b"nieuw", force=True)
    assert caught.value.code == "output_special" and "device" in str(caught.value)
    assert stat.S_ISCHR(device.stat().st_mode)
    pipe = tmp_path / "pijp"
    os.mkfifo(pipe)
    with pytest.raises(OutputError, match="is a pipe"):
        write_output(pipe, b"nieuw", force=True)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@pytest.mark.parametrize("name, code", [(LONG, "output_name_too_long"), ("geen-map/verslag.md", "output_no_folder"),
                                        (".", "output_folder")])
def test_an_impossible_name_is_one_line(tmp_path, name, code):
    with pytest.raises(OutputError) as caught:
        write_output(tmp_path / name, b"x")
    message = str(caught.value)
    assert caught.value.code == code
    assert "\n" not in message and len(message) < 200, message


def test_a_name_just_under_the_limit_is_written(tmp_path):
    """The temporary file has a short name of its own: `.NAME.tmp` would be too long for this one."""
    target = write_output(tmp_path / ("n" * 250 + ".md"), b"x")
    assert target.read_bytes() == b"x"


def test_a_full_disk_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "verslag.md"
    target.write_bytes(b"de vorige versie")

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(durable, "_write", full)
    with pytest.raises(OutputError) as caught:
        write_output(target, b"nieuw", force=True)
    assert caught.value.code == "output_failed" and "the disk is full" in str(caught.value)
    assert target.read_bytes() == b"de vorige versie"
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.md"]


def test_the_apps_saved_summary_replaces_its_own_file_but_not_a_link(tmp_path):
    root = tmp_path / "transcripts"
    first = save_summary(root, "2025-01-01_school_x_1a2b3c4d", "# een")
    assert save_summary(root, "2025-01-01_school_x_1a2b3c4d", "# twee") == first
    assert first.read_text() == "# twee"
    planted = summary_path(root, "2025-01-01_school_x_5e6f7a8b")
    planted.symlink_to(tmp_path / "elders.md")
    with pytest.raises(OutputError):
        save_summary(root, "2025-01-01_school_x_5e6f7a8b", "# drie")
    assert not (tmp_path / "elders.md").exists()


# -- the commands that write one ----------------------------------------------------------------------
@pytest.fixture
def stored(tmp_path):
    store = new_store(tmp_path / "transcripts")
    with store.create(school(script="parent_dialogue", subject="Noor Peeters")) as session:
        session.record("answer", question="thuis.venster", value="Ze slaapt slecht.")
    return store.root, session.id


def _run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _commands(folder: Path, ident: str, target: Path, *extra: str) -> list[list[str]]:
    where = ["--transcripts", str(folder)]
    return [["export", ident, "-o", str(target), *where, *extra],
            ["summary", ident, "-o", str(target), *where, *extra],
            ["sheet", "parent_dialogue", "-o", str(target), *extra]]


def test_every_output_option_refuses_an_existing_file_without_force(stored, tmp_path, capsys):
    folder, ident = stored
    target = tmp_path / "uit.txt"
    for command in _commands(folder, ident, target):
        target.write_text("van iemand anders")
        code, out, err = _run(capsys, *command)
        assert (code, out) == (1, ""), command
        # a long temporary path is shown cut in the middle: the message is one line whatever the name
        assert err == f"dialoog: {shown(target)} already exists; use --force to overwrite it\n", command
        assert target.read_text() == "van iemand anders"
    for command in _commands(folder, ident, target, "--force"):
        target.write_text("van iemand anders")
        code, _, err = _run(capsys, *command)
        assert code == 0, err
        assert target.read_text() != "van iemand anders" and stat.S_IMODE(target.stat().st_mode) == 0o600


def test_every_output_option_leaves_a_device_and_a_link_alone(stored, tmp_path, capsys):
    folder, ident = stored
    device = _device()
    elsewhere = tmp_path / "elders.txt"
    link = tmp_path / "link.txt"
    link.symlink_to(elsewhere)
    for target in (device, link):
        for command in _commands(folder, ident, target, "--force"):
            code, out, err = _run(capsys, *command)
            assert code == 1 and out == "" and len(err.splitlines()) == 1, (command, err)
            assert "not written" in err, err
    assert stat.S_ISCHR(device.stat().st_mode) and link.is_symlink() and not elsewhere.exists()


def test_every_output_option_says_a_name_too_long_in_one_line(stored, tmp_path, capsys):
    folder, ident = stored
    for command in _commands(folder, ident, tmp_path / LONG):
        code, out, err = _run(capsys, *command)
        assert code == 1 and out == "", command
        assert err.startswith("dialoog: cannot write ") and err.endswith("the file name is too long\n"), err
        assert len(err.splitlines()) == 1
