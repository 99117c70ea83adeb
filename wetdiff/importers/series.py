"""A series of official texts of one regeling → the dated versions of each article.

The Basiswettenbestand publishes a regeling as a run of consolidated texts (toestanden),
each captured on some day. A lawyer wants per article only the versions that differ, each
named by the day it took effect. Two dates must not be confused:

* the **capture date** (the file's name, ``2006-09-03.xml``): when the text was read, a
  few days after the change;
* the **in-force date**: when the text took effect. The file gives it only sometimes (an
  editorial note "Treedt in werking per 01-01-2005", or ``inwerking`` in the toestand
  format); then it is ``certainty = "official"``. Otherwise the version is dated by the
  capture date with ``certainty = "unverified"`` and an ``in_force_note`` saying so: the
  text was in force on that day, it may have taken effect earlier.

Versions are compared with :func:`compare_key` per provision, so a re-wrapped line or a
curly quote is not a new version. An article that disappears gets a tombstone
(``status = "vervallen"``); when its wording reappears under another number in the same
capture, both ends are recorded as a renumbering (``renumbered_to``/``renumbered_from``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wetdiff.errors import WetdiffError
from wetdiff.importers import ImportWarning
from wetdiff.importers.bwb import ImportedArtikel, Link, Toestand, read_toestand
from wetdiff.model.artikel import Artikel
from wetdiff.model.files import GAP, ArticleVersion, VersionMeta, atomic_write
from wetdiff.model.names import contained
from wetdiff.model.normalise import compare_key
from wetdiff.model.text_format import render
from wetdiff.model.version import article_sort_key

Progress = Callable[[int, int, Path], None]
Signature = tuple[tuple[str | None, tuple[str, ...], int, str, str], ...]


@dataclass(frozen=True, slots=True)
class Series:
    """The dated versions of the articles of one regeling, from a series of toestanden."""

    bwb_id: str
    regeling: str
    versions: dict[str, tuple[ArticleVersion, ...]]
    warnings: tuple[ImportWarning, ...] = ()
    links: dict[str, tuple[Link, ...]] = field(default_factory=dict)
    toestanden: int = 0
    articles_read: int = 0

    def numbers(self) -> list[str]:
        return sorted(self.versions, key=article_sort_key)


def signature(artikel: Artikel) -> Signature:
    """What must differ for a text to be a new version: each provision's place, number
    and wording as compared (quotes and spacing folded), not the article's own number."""
    provisions = tuple(
        (p.locatie.lid, p.locatie.onderdelen, p.locatie.alinea, p.number, compare_key(p.text))
        for p in artikel.provisions()
    )
    return (*provisions, (None, (), -1, "title", compare_key(artikel.title)))


def _dated(toestand: Toestand, date: dt.date | None) -> dt.date:
    found = date or toestand.captured or toestand.consolidation_date
    if found is None:
        raise WetdiffError(
            "cannot tell when this text was captured: the file name has no date and the "
            "XML names none",
            file=toestand.source,
            hint="Name the file by its capture date (2013-11-16.xml) or pass --date.",
        )
    return found


@dataclass(slots=True)
class _Track:
    """The last version seen of one article number."""

    signature: Signature
    body: Signature
    date: dt.date
    artikel: Artikel
    present: bool = True


def import_series(
    paths: Sequence[Path],
    *,
    articles: Collection[str] | None = None,
    regeling: str | None = None,
    date: dt.date | None = None,
    progress: Progress | None = None,
) -> Series:
    """Import the toestanden in ``paths`` (any order) and keep, per article, each
    version whose wording differs from the one before."""
    if date is not None and len(paths) > 1:
        raise WetdiffError(
            "--date names the capture date of one file; with several "
            "files, name each file by its date (2013-11-16.xml)"
        )
    toestanden: list[tuple[dt.date, Toestand]] = []
    for index, path in enumerate(paths, 1):
        toestand = read_toestand(path, articles=articles)
        toestanden.append((_dated(toestand, date), toestand))
        if progress is not None:
            progress(index, len(paths), path)
    toestanden.sort(key=lambda pair: pair[0])
    if not toestanden:
        raise WetdiffError("no XML files given")
    bwb_ids = {t.bwb_id for _, t in toestanden if t.bwb_id}
    if len(bwb_ids) > 1:
        names = ", ".join(sorted(bwb_ids))
        raise WetdiffError(
            f"these files are of different regelingen ({names}); import one regeling at a time"
        )
    bwb_id = bwb_ids.pop() if bwb_ids else ""
    title = regeling or next((t.title for _, t in toestanden if t.title), "") or GAP
    warnings: list[ImportWarning] = []
    versions: dict[str, list[ArticleVersion]] = {}
    links: dict[str, tuple[Link, ...]] = {}
    tracks: dict[str, _Track] = {}
    read = 0
    previous_date: dt.date | None = None
    for capture, toestand in toestanden:
        if capture == previous_date:
            warnings.append(
                ImportWarning(
                    "date", toestand.source, f"a second file for {capture}; read after the first"
                )
            )
        previous_date = capture
        warnings.extend(toestand.warnings)
        name = Path(toestand.source).name
        # what every version read from this file says of where it comes from
        provenance: dict[str, Any] = {
            "regeling": title,
            "bwb_id": bwb_id,
            "captured_from": f"{bwb_id}/{name}" if bwb_id else name,
        }
        current: dict[str, ImportedArtikel] = {}
        repealed: dict[str, ImportedArtikel] = {}
        for imported in toestand.artikelen:
            read += 1
            if imported.not_in_force:
                warnings.append(
                    ImportWarning(
                        "not-in-force",
                        f"{toestand.source}:{imported.line}",
                        f"artikel {imported.artikel.number} is not yet in force in this text; "
                        "not imported as a version",
                    )
                )
                continue
            if imported.artikel.vervallen:
                # "[Vervallen]" (toestand format): the article ceased; it has no text
                repealed[imported.artikel.number] = imported
                continue
            current[imported.artikel.number] = imported
        changed: dict[str, ImportedArtikel] = {}
        for number, imported in current.items():
            track = tracks.get(number)
            if (
                track is not None
                and track.present
                and (
                    track.artikel == imported.artikel  # the common case, and cheap
                    or track.signature == signature(imported.artikel)
                )
            ):
                continue
            changed[number] = imported
        gone = [n for n, t in tracks.items() if t.present and n not in current]
        # An article first seen as "[Vervallen]" gets its tombstone too.
        gone += [n for n in repealed if n not in tracks and n not in versions]
        # A renumbering: the wording an article had before shows up under a new number.
        old_bodies = {
            tracks[n].body: n for n in [*gone, *changed] if n in tracks and tracks[n].present
        }
        renumbered_from: dict[str, str] = {}
        for number, imported in changed.items():
            body = _body_signature(imported.artikel)
            origin = old_bodies.get(body)
            if origin is not None and origin != number:
                renumbered_from[number] = origin
        renumbered_to = {origin: number for number, origin in renumbered_from.items()}
        for number in gone:
            ceased = repealed.get(number)
            if ceased is not None and ceased.in_force is not None:
                when, certainty = ceased.in_force, "official"
                note = f"the official text says: {ceased.in_force_source} ([Vervallen])"
            else:
                when, certainty = capture, "unverified"
                note = (
                    f"capture date of {name}: the article is no longer in this text; "
                    "it ceased on or before this date"
                )
            meta = VersionMeta(
                artikel=number,
                in_force=when,
                certainty=certainty,
                in_force_note=note,
                status="vernummerd" if number in renumbered_to else "vervallen",
                renumbered_to=renumbered_to.get(number, ""),
                **provenance,
            )
            _add(versions, warnings, ArticleVersion(meta, None), toestand.source)
            if number in tracks:
                tracks[number].present = False
        for number, imported in changed.items():
            meta = _meta(imported, toestand, capture, provenance)
            if number in renumbered_from:
                meta = replace(meta, renumbered_from=renumbered_from[number])
            _add(versions, warnings, ArticleVersion(meta, imported.artikel), toestand.source)
            tracks[number] = _Track(
                signature(imported.artikel),
                _body_signature(imported.artikel),
                meta.in_force,
                imported.artikel,
            )
            links[f"{number}@{meta.in_force.isoformat()}"] = imported.links
    return Series(
        bwb_id,
        title,
        {n: tuple(v) for n, v in versions.items()},
        _once(warnings),
        links,
        len(toestanden),
        read,
    )


def _once(warnings: list[ImportWarning]) -> tuple[ImportWarning, ...]:
    """The same oddity in many captures is one warning (at its first place), saying in
    how many files it stands."""
    counts: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], ImportWarning] = {}
    for warning in warnings:
        key = (warning.kind, warning.message)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, warning)
    return tuple(
        ImportWarning(
            w.kind, w.where, w.message + (f" (in {counts[k]} files)" if counts[k] > 1 else "")
        )
        for k, w in first.items()
    )


def _body_signature(artikel: Artikel) -> Signature:
    return signature(Artikel("", artikel.body, artikel.title))


def _meta(
    imported: ImportedArtikel,
    toestand: Toestand,
    capture: dt.date,
    provenance: dict[str, Any],
) -> VersionMeta:
    """The version of an article read from a toestand: its in-force date as sure as the
    file makes it, and its ``provenance`` (regeling, BWB id, the file it was read from)."""
    name = Path(toestand.source).name
    notes = "; ".join(
        f"{r.at}: {r.text}"
        for r in imported.redacties
        if not r.text.lower().startswith("treedt in werking")
    )
    source_note = f"BWB editorial notes (not statute text): {notes}" if notes else ""
    common: dict[str, Any] = {
        "artikel": imported.artikel.number,
        "source_note": source_note,
        **provenance,
    }
    if imported.in_force is not None:
        return VersionMeta(
            in_force=imported.in_force,
            certainty="official",
            in_force_note=f"the official text says: {imported.in_force_source}",
            **common,
        )
    if toestand.consolidation_date is not None and toestand.captured is None:
        return VersionMeta(
            in_force=toestand.consolidation_date,
            certainty="unverified",
            in_force_note="the date of the consolidated text (toestand) it was read from; "
            "the article's own text may have taken effect earlier",
            **common,
        )
    return VersionMeta(
        in_force=capture,
        certainty="unverified",
        in_force_note=f"capture date of {name}, not the in-force date: the text was in force "
        "on this date; when it took effect is not in the file",
        **common,
    )


def _add(
    versions: dict[str, list[ArticleVersion]],
    warnings: list[ImportWarning],
    version: ArticleVersion,
    source: str,
) -> None:
    """Append a version; a version dated on or before the last one of the article (an
    in-force note earlier than a later capture's) replaces it, with a warning."""
    existing = versions.setdefault(version.meta.artikel, [])
    if existing and version.meta.in_force <= existing[-1].meta.in_force:
        last = existing.pop()
        warnings.append(
            ImportWarning(
                "date",
                source,
                f"artikel {version.meta.artikel}: a version dated {version.meta.in_force} "
                f"follows one dated {last.meta.in_force}; the later text is kept",
            )
        )
        if existing and version.meta.in_force <= existing[-1].meta.in_force:
            version = ArticleVersion(
                replace(version.meta, in_force=last.meta.in_force), version.artikel
            )
    existing.append(version)


def planned_files(series: Series, out: Path) -> list[tuple[Path, str]]:
    """Every file the series would write under ``out`` (``<BWB-id>/<artikel>/<date>``)."""
    files: list[tuple[Path, str]] = []
    root = out / (series.bwb_id or "regeling")
    for number in series.numbers():
        for version in series.versions[number]:
            stem = root / number / version.meta.in_force.isoformat()
            if version.artikel is not None:
                files.append((stem.with_suffix(".txt"), render(version.artikel)))
            files.append((stem.with_suffix(".toml"), version.meta.to_toml()))
    return files


def changed_versions(
    series: Series, out: Path, *, committed: Callable[[Path], str | None] | None = None
) -> list[ArticleVersion]:
    """The versions whose files under ``out`` are missing or hold other text (what a
    re-import must write), and with ``committed`` (a file's text in the last commit)
    also those written but never committed: what an interrupted import left behind, so
    that running it again finishes the job."""
    root = out / (series.bwb_id or "regeling")
    pending = []
    for number in series.numbers():
        for version in series.versions[number]:
            stem = root / number / version.meta.in_force.isoformat()
            files = [(stem.with_suffix(".toml"), version.meta.to_toml())]
            if version.artikel is not None:
                files.append((stem.with_suffix(".txt"), render(version.artikel)))
            if any(
                not path.is_file()
                or path.read_text(encoding="utf-8", errors="replace") != text
                or (committed is not None and committed(path) != text)
                for path, text in files
            ):
                pending.append(version)
    return pending


def refuse_clashes(files: list[tuple[Path, str]], *, force: bool = False) -> None:
    """Refuse, before anything is written, when a file exists with other content (a
    lawyer's edit, or another import) unless ``force``."""
    clashes = []
    for path, text in files:
        if path.exists():
            if path.is_dir():
                raise WetdiffError("a folder stands where a file would be written", file=path)
            if not force and path.read_text(encoding="utf-8", errors="replace") != text:
                clashes.append(path)
    if clashes:
        more = f" (and {len(clashes) - 1} more)" if len(clashes) > 1 else ""
        raise WetdiffError(
            f"would overwrite a file with other content{more}; nothing was written",
            file=clashes[0],
            hint="Move it away, write elsewhere with --out, or pass --force.",
        )


def write_files(
    files: list[tuple[Path, str]], *, within: Path, force: bool = False
) -> tuple[int, int]:
    """Write files atomically inside ``within`` (the output folder). Refuses, before
    writing anything, a path that leads outside it, and a file that exists with other
    content (unless ``force``); files that already hold the same text are left alone.
    Returns (written, unchanged)."""
    for path, _ in files:
        contained(path, within, what="the output folder")
    refuse_clashes(files, force=force)
    written = unchanged = 0
    for path, text in files:
        if path.exists() and path.read_text(encoding="utf-8", errors="replace") == text:
            unchanged += 1
            continue
        atomic_write(path, text, within=within)
        written += 1
    return written, unchanged
