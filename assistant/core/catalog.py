"""Finding and loading the banks (and scripts) in folders, collecting every error on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.bank import Bank, bank_from_located
from assistant.core.yamlsource import Located, SourceError, SourceErrors, load_located

YAML_SUFFIXES = (".yaml", ".yml")


def yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


def display_path(path: Path) -> str:
    """A path as an author would type it: relative to the working folder when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def is_script(located: Located) -> bool:
    """Scripts walk banks (and may order their sections); banks hold sections. The top-level keys tell them apart."""
    data = located.data
    return isinstance(data, dict) and ("banks" in data or ("rules" in data and "sections" not in data))


@dataclass
class Catalog:
    """Every bank and script that loaded, and the errors of those that did not."""

    banks: dict[str, Bank] = field(default_factory=dict)
    scripts: dict[str, Any] = field(default_factory=dict)
    errors: list[SourceError] = field(default_factory=list)
    bank_paths: dict[str, Path] = field(default_factory=dict)
    # Bundled banks that scripts may refer to without being validated themselves.
    reference: dict[str, Bank] = field(default_factory=dict)

    def all_banks(self) -> dict[str, Bank]:
        return {**self.reference, **self.banks}


def load_banks(paths: list[Path], catalog: Catalog | None = None) -> Catalog:
    """Load the bank files among `paths` into a catalog; script files are skipped here."""
    catalog = catalog or Catalog()
    for path in paths:
        shown = display_path(path)
        try:
            located = load_located(path, shown)
            if is_script(located):
                continue
            bank = bank_from_located(located)
        except SourceErrors as exc:
            catalog.errors.extend(exc.errors)
            continue
        if bank.id in catalog.banks:
            catalog.errors.append(
                located.error(("id",), f"bank id '{bank.id}' is also used by {display_path(catalog.bank_paths[bank.id])}")
            )
            continue
        clash = _clashing_question(bank, catalog.banks)
        if clash:
            question_id, other = clash
            catalog.errors.append(
                located.error(("id",), f"question id '{question_id}' is also used in bank '{other}'; "
                              "transcripts refer to questions by id, so ids are unique across banks")
            )
            continue
        catalog.banks[bank.id] = bank
        catalog.bank_paths[bank.id] = path
    return catalog


def _clashing_question(bank: Bank, others: dict[str, Bank]) -> tuple[str, str] | None:
    mine = {q.id for q in bank.questions()}
    for other in others.values():
        shared = mine & {q.id for q in other.questions()}
        if shared:
            return min(shared), other.id
    return None


def load_bank_folder(folder: Path) -> dict[str, Bank]:
    """The banks of one folder, through the validated cache; raises SourceErrors if any is broken.

    This is the runtime path (app, walk, summary); `dialoog validate` always validates afresh.
    """
    from assistant.core.bankcache import load_bank_cached

    banks: dict[str, Bank] = {}
    errors: list[SourceError] = []
    for path in yaml_files(folder):
        try:
            bank = load_bank_cached(path, display_path(path))
        except SourceErrors as exc:
            errors.extend(exc.errors)
            continue
        clash = _clashing_question(bank, banks)
        if clash or bank.id in banks:
            what = f"question id '{clash[0]}'" if clash else "the bank id"
            errors.append(SourceError(display_path(path), 1, 1, f"{what} is also used in bank '{clash[1] if clash else bank.id}'"))
            continue
        banks[bank.id] = bank
    if errors:
        raise SourceErrors(errors)
    return banks


def load_all(paths: list[Path]) -> Catalog:
    """Banks first, then scripts checked against the bundled banks and the ones given here."""
    from assistant.core import locations

    catalog = load_banks(paths)
    bundled = locations.banks_dir()
    if bundled.is_dir():
        given = {p.resolve() for p in paths}
        reference = load_banks([p for p in yaml_files(bundled) if p.resolve() not in given])
        catalog.reference = reference.banks
    return load_scripts(paths, catalog)


def load_scripts(paths: list[Path], catalog: Catalog) -> Catalog:
    """Check the script files among `paths` against the catalog's banks; broken files were reported by load_banks."""
    from assistant.core.script import script_from_located

    paths_of: dict[str, str] = {}
    for path in paths:
        shown = display_path(path)
        try:
            located = load_located(path, shown)
        except SourceErrors:
            continue  # load_banks already reported why the file cannot be read
        if not is_script(located):
            continue
        try:
            script = script_from_located(located, catalog.all_banks())
        except SourceErrors as exc:
            catalog.errors.extend(exc.errors)
            continue
        if script.id in catalog.scripts:
            catalog.errors.append(located.error(("id",), f"script id '{script.id}' is also used by {paths_of[script.id]}"))
            continue
        catalog.scripts[script.id] = script
        paths_of[script.id] = shown
    return catalog


def load_script_folder(folder: Path, banks: dict[str, Bank]) -> dict[str, Any]:
    """The scripts of one folder (assistant.core.script.Script by id), through the checked-script cache.

    This is the runtime path (app, walk); raises SourceErrors if any script is broken.
    """
    from assistant.core.scriptcache import load_script_cached

    scripts: dict[str, Any] = {}
    errors: list[SourceError] = []
    for path in yaml_files(folder):
        shown = display_path(path)
        try:
            script = load_script_cached(path, banks, shown)
        except SourceErrors as exc:
            errors.extend(exc.errors)
            continue
        if script.id in scripts:
            errors.append(SourceError(shown, 1, 1, f"script id '{script.id}' is also used by {scripts[script.id].path}"))
            continue
        scripts[script.id] = script
    if errors:
        raise SourceErrors(errors)
    return scripts
