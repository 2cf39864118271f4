"""`python -m benchmarks [--quick] [--only NAME]`: every benchmark, one table, also written as Markdown.

Each `benchmarks/bench_*.py` exposes `run(quick=False) -> list[dict]` rows with figure, median_ms,
min_ms, max_ms, baseline and ratio (to a baseline measured in the same run). Figures are medians of
several runs; compare ratios between machines, not milliseconds.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import platform
import os
import sys
import time
from pathlib import Path

import benchmarks

HEADER = ("figure", "median", "min-max", "baseline", "ratio")


def _fmt_ms(value: float) -> str:
    return f"{value:.3f} ms" if value < 10 else f"{value:.1f} ms"


def _cells(row: dict) -> tuple[str, ...]:
    if "value" in row:  # a quality figure (precision and recall), not a time
        return (row["figure"], row["value"], "", row.get("baseline") or "", "")
    ratio = row.get("ratio")
    return (
        row["figure"],
        _fmt_ms(row["median_ms"]),
        f"{_fmt_ms(row['min_ms'])} – {_fmt_ms(row['max_ms'])}",
        row.get("baseline") or "",
        f"{ratio:.2f}×" if isinstance(ratio, (int, float)) else "",
    )


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (a smoke test of the benchmarks)")
    parser.add_argument("--only", action="append", default=[], help="run only bench_NAME (repeatable)")
    parser.add_argument("--output", type=Path, default=Path(benchmarks.__file__).parent / "results.md")
    args = parser.parse_args(argv)
    names = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))
    if args.only:
        names = [n for n in names if n.removeprefix("bench_") in args.only or n in args.only]
    rows: list[dict] = []
    failed: list[str] = []
    started = time.perf_counter()
    for name in names:
        print(f"running {name} ...", end="", file=sys.stderr, flush=True)
        began = time.perf_counter()
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            kwargs = {"quick": args.quick} if "quick" in inspect.signature(module.run).parameters else {}
            rows += module.run(**kwargs)
        except Exception as exc:  # one broken benchmark must not cost the others' figures
            failed.append(f"{name}: {type(exc).__name__}: {exc}")
            print(f" failed: {failed[-1]}", file=sys.stderr, flush=True)
            continue
        print(f" {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    table = [HEADER, *(_cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    for line in table:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
    elapsed = time.perf_counter() - started
    markdown = [f"Machine: {machine()}; total {elapsed:.0f} s.", "", "| " + " | ".join(HEADER) + " |",
                "| " + " | ".join("---" for _ in HEADER) + " |"]
    markdown += ["| " + " | ".join(c.replace("|", "\\|") for c in _cells(r)) + " |" for r in rows]
    markdown += [f"\nFailed: {line}" for line in failed]
    args.output.write_text("\n".join(markdown) + "\n", encoding="utf-8")
    print(f"\n{machine()}; total {elapsed:.0f} s. Markdown table written to {args.output}", file=sys.stderr)
    for line in failed:
        print(f"failed: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
