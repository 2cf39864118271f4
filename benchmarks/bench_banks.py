"""Loading banks: all shipped banks and scripts (validated, and through the caches as the app starts),
a synthetic 500- and 5,000-question bank.

Baseline: parsing the same file with plain `yaml.load(..., CSafeLoader)` (no positions, no
validation), so the ratio shows what located validation costs on top of parsing.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

from assistant.core import catalog, locations
from assistant.core.bank import load_bank
from assistant.core.bankcache import load_bank_cached
from benchmarks.timing import interleaved, row, sample

TYPES = ["text", "yes_no", "scale", "number", "counts", "actions", "factors"]


def synthetic_bank(questions: int, per_section: int = 25) -> str:
    """A valid bank of `questions` questions of mixed types, as YAML text."""
    lines = [
        "id: synthetic", "title: Synthetische bank", "audience: school", "source: benchmark",
        "intro: Gegenereerd voor de benchmark.", "sections:",
    ]
    for s in range(0, questions, per_section):
        lines += [f"  - id: s{s}", f"    title: Sectie {s}", "    questions:"]
        for q in range(s, min(s + per_section, questions)):
            kind = TYPES[q % len(TYPES)]
            lines += [
                f"      - id: s{s}.q{q}",
                f"        text: Vraag nummer {q} over afwezigheden en samenwerking met het CLB?",
                f"        level: {'basis' if q % 3 else 'verdiepend'}",
                f"        type: {kind}",
                "        probes:",
                "          - Waaruit blijkt dit?",
                "          - Hoe breng je dit in kaart?",
                "        help: Zie de leidraad problematische afwezigheden.",
            ]
    return "\n".join(lines) + "\n"


def _bank_rows(tmp: Path, size: int, runs: int) -> list[dict]:
    path = tmp / f"bank{size}.yaml"
    path.write_text(synthetic_bank(size), encoding="utf-8")
    times = interleaved(
        {
            "validate": lambda: load_bank(path),
            "cached": lambda: load_bank_cached(path, cache_dir=tmp / "cache"),
            "parse": lambda: yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader),
        },
        runs,
    )
    return [
        row(f"validate a {size:,}-question bank (file:line:col)", times["validate"], "plain CSafeLoader parse", times["parse"]),
        row(f"load a {size:,}-question bank (validated cache)", times["cached"], "plain CSafeLoader parse", times["parse"]),
    ]


def run(quick: bool = False) -> list[dict]:
    runs = 5 if quick else 15
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows += _bank_rows(Path(tmp), 500, runs)
        rows += _bank_rows(Path(tmp), 5000, 1 if quick else 3)  # a second each: three keep the suite in two minutes
    files = catalog.yaml_files(locations.banks_dir()) + catalog.yaml_files(locations.scripts_dir())
    if files:
        times = interleaved(
            {
                "all": lambda: catalog.load_all(files),
                "parse": lambda: [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in files],
            },
            runs,
        )
        rows.append(row(f"validate all shipped banks and scripts ({len(files)} files)", times["all"],
                        "plain CSafeLoader parse", times["parse"]))
        rows.append(_start_up_row(runs, times["parse"], len(files)))
    return rows


def _start_up_row(runs: int, parse: list[float], count: int) -> dict:
    """What the app pays at start-up: the folders through the validated caches (in a private cache here)."""
    def load() -> None:
        banks = catalog.load_bank_folder(locations.banks_dir())
        catalog.load_script_folder(locations.scripts_dir(), banks)

    saved = os.environ.get(locations.CACHE_ENV)
    with tempfile.TemporaryDirectory() as cache:
        os.environ[locations.CACHE_ENV] = cache
        try:
            times = sample(load, runs)  # the warm-up run fills the cache
        finally:
            if saved is None:
                os.environ.pop(locations.CACHE_ENV, None)
            else:
                os.environ[locations.CACHE_ENV] = saved
    return row(f"load all shipped banks and scripts as the app starts ({count} files, validated caches)", times,
               "plain CSafeLoader parse", parse)
