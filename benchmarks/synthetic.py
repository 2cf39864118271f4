"""Synthetic transcripts for the store benchmarks: realistic sizes, Dutch-looking text, reproducible.

    python -m benchmarks.synthetic DIR N [--seed S] [--answers A] [--no-yaml]

Each transcript is written exactly as the store writes one (journal and YAML copy, 0600), but
without fsync: the generator makes test data, it does not record conversations.
"""

from __future__ import annotations

import argparse
import os
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from assistant.core import durable, journal
from assistant.core.transcript import Meta, Participant, Transcript
from assistant.core.transcript_codec import event_to_dict, meta_to_dict
from assistant.core.transcript_files import TranscriptFiles, file_stem, yaml_document

SCRIPTS = ("school_dialogue", "school_phases", "prevention_plan", "teacher_dialogue", "parent_dialogue")
SCHOOLS = ("Sint-Jozef", "Atheneum", "De Linde", "Sint-Ursula", "Het Spoor", "Don Bosco", "De Regenboog",
           "Sint-Lukas", "Maria Boodschap", "De Wingerd", "Klavertje Vier", "Sint-Victor")
PLACES = ("Brussel", "Anderlecht", "Leuven", "Vilvoorde", "Halle", "Aarschot", "Tienen", "Molenbeek")
# Text with the shape of real answers: function words in every sentence, content words spread over
# a vocabulary of a few thousand with a Zipf distribution (a handful common, most rare). Searching
# such text costs what searching real transcripts costs; a tiny vocabulary would make every word
# match half of all answers.
FUNCTION = ("de", "het", "een", "en", "van", "in", "op", "is", "dat", "die", "te", "met", "voor", "niet",
            "zijn", "er", "aan", "ook", "als", "bij", "we", "ze", "wordt", "hebben", "naar", "nog", "maar")
TOPICAL = ("afwezigheden", "registratie", "leerlingen", "ouders", "leerkracht", "klas", "bus", "fiets",
           "buikpijn", "pesten", "attesten", "dokter", "spijbelen", "laat", "ochtend", "gesprek", "opvolging",
           "zorgcoördinator", "directie", "CLB", "afspraken", "beleid", "signaal", "trimester", "problematisch",
           "contact", "welbevinden", "motivatie", "stress", "examens", "één", "moeilijk", "terugkeer",
           "schoolweigering", "angst", "vriendschap", "huiswerk", "taal", "cultuur", "zorg", "tram", "metro")
_STEMS = ("school", "klas", "ouder", "leer", "zorg", "thuis", "dag", "week", "les", "taal", "sport", "hulp",
          "angst", "pijn", "werk", "team", "groep", "jaar", "buurt", "gezin", "vak", "toets", "rapport", "speel",
          "middag", "avond", "straat", "stad", "jeugd", "kinder", "broer", "zus", "oma", "huis", "kamer")
_ENDS = ("beleid", "moment", "gesprek", "plan", "vervoer", "dienst", "regel", "tijd", "werking", "overleg",
         "begeleiding", "aanpak", "vraag", "zorgen", "relatie", "klimaat", "ritme", "druk", "steun", "lijst",
         "afspraak", "verslag", "doel", "cijfer", "signaal", "kader", "traject", "netwerk", "fiche", "punt")
_COMPOUNDS = tuple(stem + end for stem in _STEMS for end in _ENDS)
CONTENT = _COMPOUNDS[:100] + TOPICAL + _COMPOUNDS[100:]  # a topical word such as "bus" is in ~2% of answers
_WEIGHTS = tuple(1 / (rank + 2) for rank in range(len(CONTENT)))
ROLES = ("directie", "zorgcoördinator", "leerkracht", "ouder", "leerlingenbegeleider")
NAMES = ("Jan", "Els", "An", "Mohamed", "Sofie", "Yasmine", "Pieter", "Lien", "Karim", "Nathalie")


def _sentence(rng: random.Random, words: int) -> str:
    content = rng.choices(CONTENT, weights=_WEIGHTS, k=words)
    text = " ".join(f"{rng.choice(FUNCTION)} {word}" if rng.random() < 0.6 else word for word in content)
    return text[0].upper() + text[1:] + "."


OPEN_FRACTION = 0.1  # meetings still in progress or paused; the rest were closed


def synthetic_transcript(rng: random.Random, number: int, answers: int = 30,
                         open_fraction: float = OPEN_FRACTION) -> Transcript:
    """One plausible meeting: answers of several types, notes, flags, actions, a clock, mostly closed."""
    start = datetime(2023, 9, 1, 8, tzinfo=timezone.utc) + timedelta(days=rng.randrange(0, 3 * 365), minutes=rng.randrange(600))
    script = rng.choice(SCRIPTS)
    subject = f"{rng.choice(SCHOOLS)} {rng.choice(PLACES)}"
    stamp = start.isoformat(timespec="seconds")
    transcript = Transcript(Meta(
        id=f"{number:08x}", script=script, created=stamp, updated=stamp, facilitator=rng.choice(NAMES),
        participants=tuple(Participant(rng.choice(NAMES), rng.choice(ROLES)) for _ in range(rng.randrange(1, 5))),
        subject=subject, tags=tuple(rng.sample(("pilot", "brussel", "fase2", "opvolging"), rng.randrange(0, 3))),
        bank_versions={script: 1},
    ))
    moment = start

    def add(kind: str, **data) -> None:
        nonlocal transcript, moment
        moment += timedelta(seconds=rng.randrange(20, 240))
        transcript = transcript.with_event(transcript.next_event(kind, at=moment.isoformat(timespec="seconds"), **data))

    for q in range(answers):
        question = f"{script}.q{q}"
        kind = q % 5
        if kind == 0:
            add("answer", question=question, value=rng.randrange(0, 11))
        elif kind == 1:
            add("answer", question=question, value=rng.choice(("ja", "nee")))
        elif kind == 2:
            add("answer", question=question, value={"B": {"0-5": rng.randrange(40), "5-10": rng.randrange(10)}})
        else:
            add("answer", question=question, value=_sentence(rng, rng.randrange(3, 25)))
        if rng.random() < 0.1:
            add("note", text=_sentence(rng, rng.randrange(5, 25)), question=question)
        if rng.random() < 0.05:
            add("flag", question=question, flag=rng.choice(("priority", "strength", "werkpunt")))
        if rng.random() < 0.05:
            add("defer", question=f"{script}.deep{q}")
    for a in range(rng.randrange(0, 4)):
        add("action", action=f"a{a}", wat=_sentence(rng, 6), wie=rng.choice(NAMES), wanneer="volgende maand")
    add("clock", seconds=rng.randrange(1800, 5400))
    if rng.random() >= open_fraction:
        add("close")
        transcript = transcript.with_meta(status="closed")
    return transcript


def _write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, durable.FILE_MODE)
    try:
        durable.write_all(fd, data)
    finally:
        os.close(fd)


def write_transcript(folder: Path, transcript: Transcript, yaml_copy: bool = True) -> TranscriptFiles:
    files = TranscriptFiles(folder, file_stem(transcript))
    records = [{"t": "head", "format": journal.JOURNAL_FORMAT, "meta": meta_to_dict(transcript.meta)}]
    records += [{"t": "event", "event": event_to_dict(e)} for e in transcript.events]
    _write(files.journal, b"".join(journal.encode(r) for r in records))
    if yaml_copy:
        _write(files.yaml, yaml_document(transcript))
    return files


def _generate_range(folder: Path, numbers: range, seed: int, answers: int, yaml_copies: bool,
                    open_fraction: float) -> list[str]:
    # One generator per transcript, seeded by its number: the folder is the same however the work is split.
    return [write_transcript(folder, synthetic_transcript(random.Random(seed * 1_000_003 + n), n, answers, open_fraction),
                             yaml_copies).stem for n in numbers]


def generate(folder: Path, count: int, seed: int = 0, answers: int = 30, yaml_copies: bool = True,
             open_fraction: float = OPEN_FRACTION, workers: int | None = None) -> list[str]:
    """Write `count` synthetic transcripts into `folder`; returns their file stems.

    Large folders are written by one process per core (10,000 transcripts take a minute on one)."""
    durable.ensure_private_dir(folder)
    workers = workers or os.cpu_count() or 1
    if workers == 1 or count < 500:
        return _generate_range(folder, range(count), seed, answers, yaml_copies, open_fraction)
    from concurrent.futures import ProcessPoolExecutor

    step = -(-count // (workers * 4))
    chunks = [range(start, min(start + step, count)) for start in range(0, count, step)]
    with ProcessPoolExecutor(workers) as pool:
        parts = pool.map(_generate_range, *zip(*((folder, c, seed, answers, yaml_copies, open_fraction) for c in chunks)))
        return [stem for part in parts for stem in part]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--answers", type=int, default=30)
    parser.add_argument("--open", type=float, default=OPEN_FRACTION, help="fraction left open (default %(default)s)")
    parser.add_argument("--no-yaml", action="store_true", help="journals only (as after a crash before the first copy)")
    args = parser.parse_args(argv)
    stems = generate(args.folder, args.count, args.seed, args.answers, not args.no_yaml, args.open)
    print(f"{len(stems)} transcripts written to {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
