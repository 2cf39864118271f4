"""Issue 15, item 4: would a well-kept Dutch stemmer or lemmatiser match words better than our inflection?

Not a `bench_` module: it needs two packages the project does not depend on. Run it with them on the
path, for example:

    python -m pip install --target /tmp/stemmers simplemma snowballstemmer
    PYTHONPATH=/tmp/stemmers python -m benchmarks.stemmers

Each variant replaces only how `mentions` takes a word to its base form (assistant.core.mentions._stems,
used for the answer's words and for terms of six letters or more); compounds, the ge- of a participle,
typo tolerance and negation stay as they are, since no library does those. Reported per variant:
precision and recall on both parts of the follow-up evaluation set, the hits and near-misses of
tests/test_mentions.py, and what importing and first use cost (the rules run after every answer, and
the app imports the matcher on the first evaluation).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

from assistant.core import mentions
from benchmarks.bench_followups import load, score

HITS_AND_MISSES = "tests/test_mentions.py"


def _variants() -> dict[str, Callable[[str], set[str]] | None]:
    import simplemma
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("dutch")
    return {
        "hand-written inflection (today)": None,
        "Snowball Dutch stemmer (snowballstemmer)": lambda word: {stemmer.stemWord(word)},
        "simplemma Dutch lemmatiser": lambda word: {simplemma.lemmatize(word, lang="nl").casefold()},
        "hand-written + simplemma": lambda word: mentions._HAND_STEMS(word) | {simplemma.lemmatize(word, lang="nl").casefold()},
    }


def _clear() -> None:
    for cached in (mentions.word_forms, mentions._text_index, mentions.mentions, mentions.mentions_any):
        cached.cache_clear()


def _unit_cases() -> tuple[int, int, int, int]:
    sys.path.insert(0, "tests")
    import test_mentions as cases

    hits = sum(mentions.mentions(text, term) for text, term in cases.HITS)
    kept = sum(not mentions.mentions(text, term) for text, term in cases.NEAR_MISSES)
    return hits, len(cases.HITS), kept, len(cases.NEAR_MISSES)


def _import_ms(module: str, call: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; {call}; print((time.perf_counter() - t) * 1000)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(5)]
    return sorted(times)[2]


def main() -> int:
    mentions._HAND_STEMS = mentions._stems  # type: ignore[attr-defined]
    dev, held = load("dev"), load("heldout")
    print("variant | dev P | dev R | held-out P | held-out R | both P | both R | mentions hits | near-misses kept")
    for name, stems in _variants().items():
        mentions._stems = stems or mentions._HAND_STEMS  # type: ignore[assignment]
        _clear()
        d, h, b = score(dev), score(held), score(dev + held)
        hits, n_hits, kept, n_kept = _unit_cases()
        print(f"{name} | {d.precision():.3f} | {d.recall():.3f} | {h.precision():.3f} | {h.recall():.3f} | "
              f"{b.precision():.3f} | {b.recall():.3f} | "
              f"{hits}/{n_hits} | {kept}/{n_kept}")
    mentions._stems = mentions._HAND_STEMS  # type: ignore[assignment]
    _clear()
    print()
    snowball = _import_ms("snowballstemmer", "snowballstemmer.stemmer('dutch').stemWord('pesten')")
    lemma = _import_ms("simplemma", "simplemma.lemmatize('pesten', lang='nl')")
    ours = _import_ms("assistant.core.mentions", "assistant.core.mentions.mentions('wordt gepest', 'pest')")
    print(f"import + first use, median of 5 fresh interpreters: snowballstemmer {snowball:.1f} ms, "
          f"simplemma {lemma:.1f} ms, our matcher {ours:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
