"""Small timing helpers shared by the benchmarks: medians of repeated runs, and ratio rows."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from typing import Any


def sample(fn: Callable[[], Any], runs: int, warmup: int = 1) -> list[float]:
    """Wall-clock milliseconds of `runs` calls of `fn`, after `warmup` calls not counted."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def interleaved(fns: dict[str, Callable[[], Any]], runs: int, warmup: int = 1) -> dict[str, list[float]]:
    """Like `sample`, but alternating the functions so that machine noise hits them alike."""
    for fn in fns.values():
        for _ in range(warmup):
            fn()
    result: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            result[name].append((time.perf_counter() - start) * 1000)
    return result


def per_input(fns: dict[str, Callable[[Any], Any]], inputs: Iterable[Any], warmup: int = 1,
              before: Callable[[], Any] | None = None) -> dict[str, list[float]]:
    """Like `interleaved`, but each run gives the functions the next of `inputs` (a keystroke, a
    new answer): for work whose cost depends on what it is given. `before` runs untimed ahead of
    each input (to clear a cache, say); the first `warmup` inputs are not counted."""
    result: dict[str, list[float]] = {name: [] for name in fns}
    for n, value in enumerate(inputs):
        if before is not None:
            before()
        for name, fn in fns.items():
            start = time.perf_counter()
            fn(value)
            elapsed = (time.perf_counter() - start) * 1000
            if n >= warmup:
                result[name].append(elapsed)
    return result


def row(figure: str, times: list[float], baseline: str = "", baseline_times: list[float] | None = None) -> dict:
    """One line of the results table: median, min-max, and the ratio to the baseline's median."""
    median = statistics.median(times)
    base = statistics.median(baseline_times) if baseline_times else None
    return {
        "figure": figure,
        "median_ms": median,
        "min_ms": min(times),
        "max_ms": max(times),
        "runs": len(times),
        "baseline": f"{baseline} ({base:.3f} ms)" if base is not None else baseline,
        "ratio": median / base if base else None,
    }
