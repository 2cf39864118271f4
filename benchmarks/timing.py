"""Small timing helpers shared by the benchmarks: medians of repeated runs, and ratio rows.

As `timeit` does, the cycle collector is paused while a call is timed: otherwise a full collection of
the whole heap lands in whichever call happens to cross the allocation threshold, and a figure moves
by half depending on the order in which functions are interleaved (seen: 8 ms vs 12 ms for the same
summary). Collections still run between timed calls.
"""

from __future__ import annotations

import statistics
import gc
import time
from collections.abc import Callable, Iterable
from typing import Any


def _timed(fn: Callable[[], Any]) -> float:
    """Milliseconds of one call, with the cycle collector paused for it (then given its turn)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return (time.perf_counter() - start) * 1000
    finally:
        if enabled:
            gc.enable()


def sample(fn: Callable[[], Any], runs: int, warmup: int = 1) -> list[float]:
    """Wall-clock milliseconds of `runs` calls of `fn`, after `warmup` calls not counted."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        times.append(_timed(fn))
    return times


def interleaved(fns: dict[str, Callable[[], Any]], runs: int, warmup: int = 1) -> dict[str, list[float]]:
    """Like `sample`, but alternating the functions so that machine noise hits them alike."""
    for fn in fns.values():
        for _ in range(warmup):
            fn()
    result: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            result[name].append(_timed(fn))
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
            elapsed = _timed(lambda: fn(value))  # noqa: B023 - called at once, in this iteration
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
