"""`dialoog list | search | show | export | retention`: reviewing the stored transcripts.

Every subcommand takes `--transcripts DIR` (else DIALOOG_TRANSCRIPTS, else ./transcripts). Exit 0
on success, 1 when a transcript cannot be found, read or written, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from assistant.exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE

ORDER = 40


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _months(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of months (1 or more)")
    return value


def _limit(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive number")
    return int(text)


def register(sub: argparse._SubParsersAction) -> None:
    def add(name: str, help: str, description: str, handler: Any) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help, description=description)
        parser.add_argument("--transcripts", metavar="DIR", type=Path, default=argparse.SUPPRESS,
                            help="the transcripts folder (default: $DIALOOG_TRANSCRIPTS, else ./transcripts)")
        parser.set_defaults(handler=handler)
        return parser

    listing = add("list", "list the stored transcripts (filter by script, status, tag, dates)",
                  "List transcripts, newest first: date, script, school/pupil, status, answers, file name. "
                  "Files that cannot be read are listed at the end with the reason.", run_list)
    listing.add_argument("--script", help="only this script")
    listing.add_argument("--status", choices=("open", "closed"))
    listing.add_argument("--tag", help="only transcripts with this tag")
    listing.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="held on or after this day")
    listing.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="held on or before this day")

    search = add("search", "full-text search over answers and notes, ranked, with the matching snippet",
                 "Search answers, notes and actions of every transcript. Case and accents are ignored, a word "
                 "also matches words it begins ('bus' finds 'busvervoer'); put words in double quotes to "
                 "match them as a phrase.", run_search)
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument("--limit", type=_limit, default=20, help="at most this many hits (default 20)")

    show = add("show", "show one transcript: metadata, answers, notes, flags, actions",
               "Show a transcript for review. TRANSCRIPT is its id, file name or path.", run_show)
    show.add_argument("transcript", metavar="TRANSCRIPT")

    export = add("export", "write a transcript as YAML, optionally with names replaced by roles/initials",
                 "Write the transcript as one YAML document (to stdout, or --output FILE, created 0600, never over an "
                 "existing file unless --force). "
                 "--anonymise replaces everyone registered (pupil or school, participants, facilitator) by their role, "
                 "in every form a Dutch text names them, contact data by its kind, and every other probable name "
                 "or personal number that was not kept in the app's check.", run_export)
    export.add_argument("transcript", metavar="TRANSCRIPT")
    export.add_argument("--anonymise", "--anonymize", action="store_true", help="replace names by roles, contact data by its kind")
    export.add_argument("--output", "-o", type=Path, metavar="FILE", help="write here instead of stdout")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    retention = add("retention", "list (or --delete) closed transcripts older than N months",
                    "List closed transcripts whose last change is more than N months ago; with --delete, delete "
                    "them. Open transcripts and unreadable files are never deleted.", run_retention)
    retention.add_argument("--months", type=_months, required=True, metavar="N")
    retention.add_argument("--delete", action="store_true", help="delete them (default: only list them)")


def _store(args: argparse.Namespace):
    from assistant.core import locations
    from assistant.core.store import Store

    return Store(locations.transcripts_dir(getattr(args, "transcripts", None)))


def _fail(message: str, code: int = EXIT_INVALID) -> int:
    print(f"dialoog: {message}", file=sys.stderr)
    return code


def index_progress(stream=None):
    """What a command shows while the search index is built again (it is missing, or was damaged): on a
    terminal one line counting up, elsewhere a line when it starts and one when it is done."""
    from assistant.core.safetext import start_of_line

    stream = stream or sys.stderr
    live = stream.isatty()

    def report(done: int, total: int, damage: str | None) -> None:
        what = (f"the search index was damaged ({damage}); rebuilding it from the transcripts" if damage
                else "building the search index")
        if live:
            end = "\n" if done == total else ""
            start_of_line(stream)  # the line counts up in place (through the SafeWriter it was shown as \x0d)
            print(f"dialoog: {what}: {done}/{total} file(s) read", end=end, file=stream, flush=True)
        elif done == 0:
            print(f"dialoog: {what}: reading {total} file(s)", file=stream, flush=True)
        elif done == total:
            print(f"dialoog: search index ready ({total} file(s) read)", file=stream, flush=True)

    return report


def _table(rows: list[tuple[str, ...]], right: set[int] = frozenset()) -> list[str]:
    from assistant.core.safetext import one_line

    rows = [tuple(one_line(c) for c in r) for r in rows]  # escaped before measuring: the columns stay aligned
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(r)).rstrip()
            for r in rows]


def _unreadable(infos: list) -> None:
    broken = [i for i in infos if not i.readable]
    if broken:
        print(f"\n{len(broken)} file(s) could not be read (left untouched):")
        for info in broken:
            problem = info.problem or ""
            print(f"  {problem}" if problem.startswith(str(info.path)) else f"  {info.path}: {problem}")


def run_list(args: argparse.Namespace) -> int:
    from assistant.core.store import StoreError

    store = _store(args)
    try:
        infos = store.list(script=args.script, status=args.status, tag=args.tag, since=args.since, until=args.until,
                           progress=index_progress())
    except StoreError as exc:
        return _fail(str(exc))
    finally:
        store.close()
    readable = [i for i in infos if i.readable]
    if not readable:
        print(f"no transcripts in {store.root}" if not infos else "no transcripts match", file=sys.stderr)
    else:
        rows = [("date", "script", "school/pupil", "status", "answers", "transcript")]
        rows += [(i.date, i.script, i.subject or "-", i.status, str(i.answers), i.name) for i in readable]
        print("\n".join(_table(rows, right={4})))
    for info in readable:
        if info.warning:
            print(f"warning: {info.name}: {info.warning}", file=sys.stderr)
    _unreadable(infos)
    return EXIT_OK


def run_search(args: argparse.Namespace) -> int:
    from assistant.core.store import StoreError

    store = _store(args)
    query = " ".join(args.query)
    respelled = None
    try:
        progress = index_progress()
        hits = store.search(query, limit=args.limit, progress=progress)
        if not hits:  # a typo: search what it most likely meant, and say so
            respelled = store.respell(query, progress=progress)
            hits = store.search(respelled, limit=args.limit, progress=progress) if respelled else []
    except ValueError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except StoreError as exc:
        return _fail(str(exc))
    finally:
        store.close()
    if not hits:
        print(f"nothing found for {query!r}", file=sys.stderr)
        return EXIT_OK
    if respelled:
        print(f"nothing found for {query!r}; showing {respelled!r}", file=sys.stderr)
    if store.index.last_capped:
        print("note: so many passages match that only the most recent ones were ranked; add a word to narrow it",
              file=sys.stderr)
    for hit in hits:
        info = hit.info
        where = hit.question or hit.kind
        print(f"{info.date}  {info.subject or '-'}  ({info.script}, {info.status})  {info.name}")
        print(f"    {where}: {hit.snippet}")
    return EXIT_OK


def _banks() -> dict:
    """The bundled banks, to show question texts; without them `show` still works, with ids only."""
    from assistant.core import locations
    from assistant.core.catalog import load_banks, yaml_files

    folder = locations.banks_dir()
    try:
        return load_banks(yaml_files(folder)).banks if folder.is_dir() else {}
    except OSError:
        return {}


def _text(value: Any) -> str:
    from assistant.core.searchtext import plain_text

    return plain_text(value)


def _indented(text: str, indent: str) -> str:
    """A text of several lines with every line after the first under the first: a line of an answer that
    reads '# Heading' or 'Answers (3)' must not look like part of the layout around it."""
    return ("\n" + indent).join(_lines(text))


def _one_line(text: str) -> str:
    lines = _lines(text)
    return " / ".join(part.strip() for part in lines if part.strip()) if len(lines) > 1 else text


def _lines(text: str) -> list[str]:
    """The lines of a text as safetext reads them: a newline or CR LF ends one. str.splitlines also broke at
    U+2028, U+0085, FS, a lone CR, ..., which then vanished where the output shows them as escapes."""
    return text.replace("\r\n", "\n").split("\n")


# What `dialoog show` says around the transcript's own words, in one place: English, like the rest of
# the command line (the transcript's words stay as they were typed).
SHOW = {
    "head": "id: {id}    script: {script}    status: {status}",
    "who": "school/pupil: {subject}    facilitator: {facilitator}",
    "participants": "participants: {people}",
    "tags": "tags: {tags}",
    "when": "created: {created}    updated: {updated}",
    "follows": "follows: {follows}",
    "carried": "carried from {meeting} ({date}): {previous} earlier answer(s), {parked} parked question(s), "
               "{suggested} suggested question(s), {actions} open action(s)",
    "time": "time spent: {minutes} min",
    "answers": "Answers ({count})",
    "unknown_question": "(not in the current banks)",
    "earlier": "   (earlier: {answers})",
    "last_time": "   (last time: {answer})",
    "notes": "Notes",
    "flags": "Flags",
    "rank": " (rank {rank})",
    "actions": "Actions",
    "carried_action": "  (carried: {status}{note})",
    "not_reviewed": "not reviewed",
    "next_meeting": "For the next meeting",
    "events": "{count} event(s)",
    "prepared_by": "prepared by: {preparation}",
    "focus": "  focus: {topics}; {first} question(s) first; {signals} signal(s)",
    "school_knew": "  the school knew ({section}): {text}",
    "handed_over": "handed over to: {transcript}",
}
_ACTION_MARKS = {"done": "x", "partly": "~", "dropped": "-"}


def describe(transcript, banks: dict) -> list[str]:
    """A transcript as lines of plain text for review: who and when, what it carried, then what was said."""
    from assistant.core.questions import QuestionIndex

    places = QuestionIndex(banks)
    return [
        *_about(transcript), *preparation_lines(transcript), *_time_spent(transcript),
        *_answers(transcript, banks, places), *_notes(transcript), *_flags(transcript), *_actions(transcript),
        *_next_meeting(transcript, places), "", SHOW["events"].format(count=len(transcript.events)),
    ]


def _answer_text(places: Any, question_id: str, value: Any) -> str:
    from assistant.core.answers import answer_as_text

    place = places.get(question_id)
    if place is None:
        return _text(value)
    try:
        return answer_as_text(place.question, value)
    except (KeyError, TypeError, ValueError, AttributeError):
        return _text(value)  # an answer recorded against an older version of the question


def _about(transcript) -> list[str]:
    """Who, when, and what a follow-up carried from the meeting before."""
    from assistant.core.followup import carried_counts

    meta = transcript.meta
    lines = [SHOW["head"].format(id=meta.id, script=meta.script, status=meta.status),
             SHOW["who"].format(subject=meta.subject or "-", facilitator=meta.facilitator or "-")]
    if meta.participants:
        lines.append(SHOW["participants"].format(
            people=", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in meta.participants)))
    if meta.tags:
        lines.append(SHOW["tags"].format(tags=", ".join(meta.tags)))
    lines.append(SHOW["when"].format(created=meta.created, updated=meta.updated))
    if meta.follows:
        lines.append(SHOW["follows"].format(follows=meta.follows))
    if meta.carried.from_meeting:
        lines.append(SHOW["carried"].format(meeting=meta.carried.from_meeting, date=meta.carried.from_date or "?",
                                            **carried_counts(transcript)))
    return lines


def _time_spent(transcript) -> list[str]:
    seconds = transcript.seconds_spent()
    return [SHOW["time"].format(minutes=round(seconds / 60))] if seconds else []


def _answers(transcript, banks: dict, places: Any) -> list[str]:
    """Each answer under its question, with who said it, what it said before, and last meeting's answer."""
    from assistant.core.followup import previous_answer

    events = transcript.answer_events()
    if not events:
        return []
    unknown = set(transcript.unknown_questions(banks)) if banks else set()
    lines = ["", SHOW["answers"].format(count=len(events))]
    for question_id, event in events.items():
        place = places.get(question_id)
        title = place.question.text if place else (SHOW["unknown_question"] if question_id in unknown else "")
        lines.append(f"  {question_id}" + (f" — {title}" if title else ""))
        history = transcript.history(question_id)
        earlier = "; ".join(_one_line(_answer_text(places, question_id, v)) for v in history[:-1])
        extra = SHOW["earlier"].format(answers=earlier) if len(history) > 1 else ""
        speaker = f"   [{_one_line(str(event.get('speaker')))}]" if event.get("speaker") else ""
        before = previous_answer(transcript, question_id)
        last_time = SHOW["last_time"].format(answer=_one_line(_answer_text(places, question_id, before))) if before is not None else ""
        lines.append(f"      {_indented(_answer_text(places, question_id, event.data['value']), '      ')}{speaker}{extra}{last_time}")
    return lines


def _notes(transcript) -> list[str]:
    notes = transcript.notes()
    return ["", SHOW["notes"]] + [f"  - {_indented(str(n.data['text']), '    ')}" +
                                  (f"  [{n.get('question')}]" if n.get("question") else "") for n in notes] if notes else []


def _flags(transcript) -> list[str]:
    flags = transcript.flags()
    return ["", SHOW["flags"]] + [f"  {flag}: {q}" + (SHOW["rank"].format(rank=e.get("rank")) if e.get("rank") is not None else "")
                                  for (q, flag), e in flags.items()] if flags else []


def _actions(transcript) -> list[str]:
    """The actions carried from before with their review here, then this meeting's own."""
    from assistant.core.followup import plan_rows, reviewed_actions

    def fields(item: Any) -> str:
        return " / ".join(str(item.get(k)) for k in ("wat", "wie", "wanneer", "check") if item.get(k))

    def carried(action: Any) -> str:
        note = f": {action['note']}" if action.get("note") else ""
        return SHOW["carried_action"].format(status=action.get("status") or SHOW["not_reviewed"], note=note)

    actions = [(_ACTION_MARKS.get(str(a.get("status")), " "), fields(a) + carried(a)) for a in reviewed_actions(transcript)]
    actions += [(" ", fields(row)) for row in plan_rows(transcript)]
    actions += [("x" if a.done else " ", " / ".join(x for x in (a.wat, a.wie, a.wanneer, a.check) if x)) for a in transcript.actions()]
    return ["", SHOW["actions"]] + [f"  [{mark}] {text}" for mark, text in actions] if actions else []


def _next_meeting(transcript, places: Any) -> list[str]:
    from assistant.core.followup import still_parked

    def question_text(item: Any) -> str:
        place = places.get(item.get("question"))
        return place.question.text if place else str(item.get("text") or item.get("question") or item.get("suggestion"))

    parked = still_parked(transcript)
    return ["", SHOW["next_meeting"]] + [f"  - {question_text(p)}" for p in parked] if parked else []


def preparation_lines(transcript) -> list[str]:
    """The link between a preparation and the conversation started from it, seen from either side."""
    from assistant.core.handover import focus_topics, prior_knowledge

    meta, carried = transcript.meta, transcript.meta.carried
    lines = []
    if meta.prepared_by:
        lines.append(SHOW["prepared_by"].format(preparation=meta.prepared_by))
        lines.append(SHOW["focus"].format(topics=", ".join(focus_topics(transcript)) or "-", first=len(carried.first),
                                          signals=len(carried.signals)))
        for section in carried.known:
            text = prior_knowledge(transcript, section)
            if text:
                lines.append(SHOW["school_knew"].format(
                    section=section, text=" / ".join(x.strip() for x in text.splitlines() if x.strip())))
    lines += [SHOW["handed_over"].format(transcript=ident) for ident in transcript.handovers()]
    return lines


def _inspect(args: argparse.Namespace) -> Any:
    """The transcript named on the command line with its warnings printed, or an exit code."""
    from assistant.core.store import StoreError, TranscriptError

    try:
        loaded = _store(args).inspect(args.transcript)
    except TranscriptError as exc:
        for line in exc.errors:
            print(line, file=sys.stderr)
        return EXIT_INVALID
    except StoreError as exc:
        return _fail(str(exc))
    for warning in loaded.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return loaded


def run_show(args: argparse.Namespace) -> int:
    loaded = _inspect(args)
    if isinstance(loaded, int):
        return loaded
    print(loaded.files.stem)
    print("\n".join(describe(loaded.transcript, _banks())))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from assistant.subcommands._output import emit, refused_output
    from assistant.core.transcript_files import YAML_HEADER, yaml_document

    refused = refused_output(args.output, args.force)
    if refused is not None:
        return refused
    loaded = _inspect(args)
    if isinstance(loaded, int):
        return loaded
    transcript = loaded.transcript
    header = YAML_HEADER
    if args.anonymise:
        from assistant.core.pseudonym_choices import anonymised

        done = anonymised(loaded.files, transcript, banks=_banks())
        transcript, header = done.transcript, anonymised_header(done.report)
    return emit(yaml_document(transcript, header), args.output, args.force)


def anonymised_header(report) -> str:
    """The YAML export's first lines: what was replaced, and whether a person checked it."""
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(report.replaced.items())) or "nothing"
    checked = ("a person went through what the program could not decide" if report.checked else
               "nobody checked it: every probable name and personal number that was not decided in the app is "
               "hidden; read it through before sharing")
    return ("# Dialoog transcript, anonymised export: registered people replaced by their role, contact data by its\n"
            f"# kind. Replaced: {kinds}.\n# Checked: {checked}.\n")


def run_retention(args: argparse.Namespace) -> int:
    from assistant.core.retention import delete_expired, expired
    from assistant.core.store import StoreError

    store = _store(args)
    try:
        if not args.delete:
            found = expired(store, args.months)
            if not found:
                print(f"no closed transcripts older than {args.months} month(s)", file=sys.stderr)
                return EXIT_OK
            rows = [("last change", "script", "school/pupil", "transcript")]
            rows += [(i.updated[:10], i.script, i.subject or "-", i.name) for i in found]
            print("\n".join(_table(rows)))
            print(f"{len(found)} closed transcript(s) older than {args.months} month(s); "
                  "add --delete to delete them", file=sys.stderr)
            return EXIT_OK
        result = delete_expired(store, args.months)
    except StoreError as exc:
        return _fail(str(exc))
    finally:
        store.close()
    for info in result.deleted:
        print(f"deleted: {info.name}")
    for info, reason in result.failed:
        print(f"not deleted: {info.name}: {reason}", file=sys.stderr)
    print(f"{len(result.deleted)} transcript(s) deleted", file=sys.stderr)
    return EXIT_INVALID if result.failed else EXIT_OK
