"""Dialoog's benchmarks: `python -m benchmarks` prints medians and ratios against same-run baselines."""
