"""The validated-bank cache gives the same bank as validation, and an edited file is re-validated."""

import shutil

import pytest

from assistant.core.bank import load_bank
from assistant.core.bankcache import load_bank_cached
from assistant.core.yamlsource import SourceErrors


def test_cached_bank_equals_validated_bank(data_dir, tmp_path):
    path = data_dir / "banks_ok" / "example.yaml"
    fresh = load_bank_cached(path, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 1
    cached = load_bank_cached(path, cache_dir=tmp_path)
    assert cached == fresh == load_bank(path)
    assert cached.question("beleid.kanalen").options == ("telefoon", "smartschool", "mail")


def test_an_edited_bank_is_validated_again(data_dir, tmp_path):
    path = tmp_path / "bank.yaml"
    shutil.copy(data_dir / "banks_ok" / "example.yaml", path)
    load_bank_cached(path, cache_dir=tmp_path / "cache")
    path.write_text(path.read_text(encoding="utf-8").replace("type: scale", "type: schaal"), encoding="utf-8")
    with pytest.raises(SourceErrors) as caught:
        load_bank_cached(path, cache_dir=tmp_path / "cache")
    assert "unknown answer type 'schaal'" in str(caught.value)


def test_a_corrupt_cache_entry_falls_back_to_validation(data_dir, tmp_path):
    path = data_dir / "banks_ok" / "example.yaml"
    load_bank_cached(path, cache_dir=tmp_path)
    entry = next(tmp_path.glob("*.json"))
    entry.write_text("{not json", encoding="utf-8")
    assert load_bank_cached(path, cache_dir=tmp_path) == load_bank(path)
