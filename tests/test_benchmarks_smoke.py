"""The benchmark suite stays runnable: every module has its entry point and the table is written.

No timing is asserted here (figures belong in `python -m benchmarks`, compared with baselines
measured in the same run); this only catches a benchmark broken by a change elsewhere.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import benchmarks
from benchmarks import timing
from benchmarks.__main__ import main

MODULES = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))


def test_the_suite_covers_the_figures_of_issue_9() -> None:
    assert {"bench_banks", "bench_engine", "bench_summary", "bench_store", "bench_jump"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_each_benchmark_module_exposes_run_with_a_quick_mode(name: str) -> None:
    module = importlib.import_module(f"benchmarks.{name}")
    assert callable(module.run)
    quick = inspect.signature(module.run).parameters.get("quick")
    assert quick is not None and quick.default is False


def test_a_row_reports_the_median_the_range_and_the_ratio_to_its_baseline() -> None:
    line = timing.row("x", [3.0, 1.0, 2.0], "plain", [4.0, 4.0])
    assert (line["median_ms"], line["min_ms"], line["max_ms"], line["runs"]) == (2.0, 1.0, 3.0, 3)
    assert line["ratio"] == 0.5 and line["baseline"].startswith("plain (4.000 ms)")
    assert timing.row("y", [1.0])["ratio"] is None


def test_per_input_gives_each_function_every_input_after_the_warm_up() -> None:
    seen: list[tuple[str, int]] = []
    times = timing.per_input({"a": lambda v: seen.append(("a", v)), "b": lambda v: seen.append(("b", v))},
                             range(4), warmup=1, before=lambda: seen.append(("before", -1)))
    assert [len(t) for t in times.values()] == [3, 3]
    assert seen[:3] == [("before", -1), ("a", 0), ("b", 0)] and len(seen) == 12


def test_the_command_writes_the_markdown_table_where_it_says(tmp_path: Path, capsys) -> None:
    output = tmp_path / "results.md"
    assert main(["--only", "no-such-benchmark", "--output", str(output)]) == 0
    text = output.read_text(encoding="utf-8")
    assert "| figure | median | min-max | baseline | ratio |" in text and text.startswith("Machine: ")
    assert str(output) in capsys.readouterr().err
