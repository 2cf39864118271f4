"""The core must stay usable without the UI: importing it never loads Textual."""

import subprocess
import sys


def test_core_never_imports_textual():
    code = (
        "import sys, pkgutil, importlib, assistant.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'assistant.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "leaked = sorted(n for n in sys.modules if n == 'textual' or n.startswith(('textual.', 'assistant.tui')))\n"
        "print(leaked)\n"
        "sys.exit(1 if leaked else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"assistant.core pulled in the UI: {result.stdout}{result.stderr}"


def test_importing_the_package_has_no_side_effects(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "import assistant, assistant.cli, assistant.core.locations"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []
