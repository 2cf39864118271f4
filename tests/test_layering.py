"""The architecture's rules (pyproject.toml's import-linter contracts) hold, and they catch a breach.

`make test` runs `lint-imports` on the real tree; here the same contracts run on a copy of the package
with an import that breaks them on purpose, to show they are no test that cannot fail: an import inside
a function counts as much as one at the top (the old check, which looked at `sys.modules` after
importing the core, never saw it).
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def broken_contracts(tree: Path) -> str:
    """What lint-imports says of the contracts broken in `tree` (it fails the run when any is)."""
    result = lint_imports(tree)
    assert result.returncode != 0, result.stdout
    return result.stdout.partition("Broken contracts")[2]


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", str(tree / "pyproject.toml")], cwd=tree,
                          capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})


def copy_of_the_package(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "assistant", tmp_path / "assistant", ignore=shutil.ignore_patterns(
        "__pycache__", "question_banks", "scripts", "data", "templates"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_core_importing_the_interface_inside_a_function_breaks_the_layers(tmp_path):
    tree = copy_of_the_package(tmp_path)
    flowtext = tree / "assistant" / "core" / "flowtext.py"
    flowtext.write_text(flowtext.read_text(encoding="utf-8") + (
        "\n\ndef _app():\n    from assistant.tui.app import DialoogApp\n\n    return DialoogApp\n"), encoding="utf-8")
    broken = broken_contracts(tree)
    assert "Interfaces -> application layer -> core" in broken
    assert "assistant.core.flowtext -> assistant.tui.app" in broken, broken


def test_the_application_layer_importing_textual_and_the_palette_importing_a_screen_break_contracts(tmp_path):
    tree = copy_of_the_package(tmp_path)
    view = tree / "assistant" / "application" / "conversation_view.py"
    view.write_text(view.read_text(encoding="utf-8") + "\n\ndef _screen():\n    import textual.screen\n", encoding="utf-8")
    palette = tree / "assistant" / "tui" / "palette.py"
    palette.write_text(palette.read_text(encoding="utf-8") + (
        "\n\ndef _kind():\n    from assistant.tui.screens.start import StartScreen\n"), encoding="utf-8")
    broken = broken_contracts(tree)
    assert "The core and the application layer run without Textual" in broken
    assert "assistant.application.conversation_view -> textual" in broken, broken
    cycles = broken.partition("No import cycles, at any depth of the package")[2]
    assert "assistant.tui" in cycles and "palette" in cycles and "screens" in cycles, broken


def test_the_real_tree_keeps_every_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout


def test_importing_the_package_has_no_side_effects(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "import assistant, assistant.cli, assistant.core.locations"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []
