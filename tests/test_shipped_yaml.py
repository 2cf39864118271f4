"""Shipped banks and scripts read the same with PyYAML's pure loader as with libyaml.

The loader falls back to the pure SafeLoader where PyYAML was built without libyaml; a file that
only the C loader accepts would then be refused on that machine.
"""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
FILES = sorted((ROOT / "assistant" / "question_banks").glob("*.yaml")) + sorted((ROOT / "assistant" / "scripts").glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_pure_and_c_loader_agree(path):
    text = path.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=yaml.SafeLoader) == yaml.load(text, Loader=yaml.CSafeLoader)
