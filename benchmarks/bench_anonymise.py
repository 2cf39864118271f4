"""Anonymising: reading the Dutch word list (once per process, never at the app's start), and the anonymised
summary of a 200-answer transcript against the same summary with names.

The word list is read the first time something is anonymised; its figure is that first read. Baseline:
reading the same file's bytes, so the ratio shows what decompressing and building the sets costs.
"""

from __future__ import annotations

from assistant.core import wordlist
from assistant.core.summary import render_summary
from benchmarks.bench_summary import conversation
from benchmarks.timing import interleaved, row, sample


def run(quick: bool = False) -> list[dict]:
    def load() -> None:
        wordlist.words.cache_clear()
        wordlist.words()

    def read() -> bytes:
        return wordlist.WORDLIST.read_bytes()

    first = sample(load, 3 if quick else 9, warmup=0)
    raw = sample(read, 3 if quick else 9, warmup=0)
    transcript, bank, view = conversation()
    banks = {bank.id: bank}
    times = interleaved({"named": lambda: render_summary(transcript, banks, view=view),
                         "anonymised": lambda: render_summary(transcript, banks, view=view, anonymise=True)},
                        5 if quick else 40, warmup=2)
    return [
        row("reading the Dutch word list (first anonymised export in a process)", first,
            "reading the file's bytes", raw),
        row("anonymised summary of a 200-answer transcript (word list read)", times["anonymised"],
            "the same summary with names", times["named"]),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
