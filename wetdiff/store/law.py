"""The law in a workspace: dated article versions in ``articles/<BWB-id>/<artikel>/``.

Legal time lives here, in the files: ``2013-11-15.txt`` is the text that took effect on
15 November 2013, and ``2013-11-15.toml`` beside it says which act made it and how sure
that date is. Git's own dates are record time (who recorded it, when); this module never
looks at them. Reads go through a :class:`~wetdiff.store.snapshot.Snapshot`, so the same
code reads the files on disk and the files at any git revision.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Collection
from dataclasses import replace
from functools import partial

from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Artikel
from wetdiff.model.dates import iso_date
from wetdiff.model.files import ArticleVersion, VersionMeta, line_of, parse_toml
from wetdiff.model.text_format import parse
from wetdiff.model.version import article_sort_key
from wetdiff.store.layout import ARTICLES, article_dir, regeling_dir, regeling_file
from wetdiff.store.snapshot import Snapshot

_DATED = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(toml|txt)$")
_CAPTURE = re.compile(r"(\d{4}-\d{2}-\d{2})\.xml$")


def bwb_ids(snapshot: Snapshot) -> list[str]:
    """The regelingen whose versions the workspace holds (folder names)."""
    return [name for name, is_dir in snapshot.listdir(ARTICLES) if is_dir]


def article_numbers(snapshot: Snapshot, bwb_id: str) -> list[str]:
    names = [name for name, is_dir in snapshot.listdir(regeling_dir(bwb_id)) if is_dir]
    return sorted(names, key=article_sort_key)


def dated_file(name: str, where: str | Callable[[], str]) -> tuple[str, str] | None:
    """A law version's file name read: its in-force date (ISO) and kind (``toml``, the
    metadata; ``txt``, the text), or None for any other file. A name shaped as a date
    that is no real date (``2013-02-30.toml``) is the user's mistake, named at ``where``
    (or where ``where()`` says: worked out only then, a whole code has 10,000 names)."""
    match = _DATED.match(name)
    if match is None:
        return None
    try:
        dt.date.fromisoformat(match.group(1))
    except ValueError:
        iso_date(
            match.group(1),
            "the file name is not a real date",
            file=where if isinstance(where, str) else where(),
            hint="Law version files are named by their in-force date, e.g. 2013-11-15.toml.",
        )
    return match.group(1), match.group(2)


def version_dates(snapshot: Snapshot, bwb_id: str, number: str) -> list[dt.date]:
    folder = article_dir(bwb_id, number)
    dates = []
    for name, is_dir in snapshot.listdir(folder):
        dated = None if is_dir else dated_file(name, partial(snapshot.where, f"{folder}/{name}"))
        if dated is not None and dated[1] == "toml":
            dates.append(dt.date.fromisoformat(dated[0]))
    return sorted(dates)


def read_article_version(
    snapshot: Snapshot, bwb_id: str, number: str, day: dt.date
) -> ArticleVersion:
    """One dated version: its metadata and (unless it ceased that day) its text."""
    stem = f"{article_dir(bwb_id, number)}/{day.isoformat()}"
    meta_text = snapshot.read(f"{stem}.toml")
    if meta_text is None:
        raise WetdiffError("no such law version", file=snapshot.where(f"{stem}.toml"))
    meta = VersionMeta.from_toml(meta_text, snapshot.where(f"{stem}.toml"))
    if not meta.has_text:
        return ArticleVersion(meta, None)
    text = snapshot.read(f"{stem}.txt")
    if text is None:
        raise WetdiffError(
            "the metadata says this version has text, but there is no .txt beside it",
            file=snapshot.where(f"{stem}.toml"),
        )
    artikel = parse(text, source=snapshot.where(f"{stem}.txt"), strict=False)
    if artikel.number != meta.artikel:
        raise WetdiffError(
            f"the text is of artikel {artikel.number}, the metadata says {meta.artikel}",
            file=snapshot.where(f"{stem}.txt"),
            line=1,
        )
    return ArticleVersion(meta, artikel)


def article_versions(snapshot: Snapshot, bwb_id: str, number: str) -> list[ArticleVersion]:
    """Every dated version of one article folder, oldest first."""
    return [
        read_article_version(snapshot, bwb_id, number, day)
        for day in version_dates(snapshot, bwb_id, number)
    ]


def all_dates(snapshot: Snapshot, bwb_id: str) -> list[dt.date]:
    """Every date on which some article of the regeling changed: the law's versions."""
    dates: set[dt.date] = set()
    for number in article_numbers(snapshot, bwb_id):
        dates.update(version_dates(snapshot, bwb_id, number))
    return sorted(dates)


def in_force(
    snapshot: Snapshot, bwb_id: str, on: dt.date, only: Collection[str] | None = None
) -> tuple[tuple[Artikel, ...], tuple[ArticleVersion, ...]]:
    """The articles in force on a date: per article, the latest version not after it
    (skipped when that version says the article ceased). ``only``: read just these
    articles (the others are not read at all)."""
    artikelen = []
    sources = []
    numbers = article_numbers(snapshot, bwb_id)
    if only is not None:
        numbers = [number for number in numbers if number in only]
    for number in numbers:
        chosen = None
        for day in version_dates(snapshot, bwb_id, number):
            if day > on:
                break
            chosen = day
        if chosen is None:
            continue
        version = read_article_version(snapshot, bwb_id, number, chosen)
        if version.artikel is not None:
            artikelen.append(version.artikel)
            sources.append(version)
    return tuple(artikelen), tuple(sources)


def in_force_files(snapshot: Snapshot, bwb_id: str, on: dt.date) -> dict[str, tuple[dt.date, str]]:
    """Per article with a text in force on a date: the date of that text and the file it
    is read from, from the folder listings alone (no file is read). Two versions of the
    law that name the same file for an article hold the same text of it."""
    files = {}
    for number in article_numbers(snapshot, bwb_id):
        folder = article_dir(bwb_id, number)
        names = {name for name, is_dir in snapshot.listdir(folder) if not is_dir}
        chosen = None
        for name in sorted(names):
            dated = dated_file(name, partial(snapshot.where, f"{folder}/{name}"))
            if dated is None or dated[1] != "toml":
                continue
            if dated[0] > on.isoformat():
                break
            chosen = dated[0]
        if chosen is not None and f"{chosen}.txt" in names:  # no .txt: the article ceased
            files[number] = (dt.date.fromisoformat(chosen), f"{folder}/{chosen}.txt")
    return files


def lineage(
    snapshot: Snapshot, bwb_id: str, number: str, until: dt.date | None = None
) -> list[ArticleVersion]:
    """The versions of one article through its renumberings, oldest first: 273f's
    lineage starts with 273a (2005), because 273f's first version says
    ``renumbered_from = "273a"``. Versions of the old number from the renumbering date on
    (a new article that took over the number) are not part of it."""
    versions = [
        v
        for v in article_versions(snapshot, bwb_id, number)
        if until is None or v.meta.in_force < until
    ]
    seen = {number}
    while versions:
        first = versions[0]
        previous = first.meta.renumbered_from
        if not previous or previous == "gap" or previous in seen:
            break
        seen.add(previous)
        earlier = [
            v
            for v in article_versions(snapshot, bwb_id, previous)
            if v.meta.in_force < first.meta.in_force and v.artikel is not None
        ]
        if not earlier:
            break
        versions = earlier + versions
    return versions


def as_number(artikel: Artikel, number: str) -> Artikel:
    """The same text under another number: how a renumbered article is compared with its
    successor (the wording is what a lawyer follows through a renumbering)."""
    return artikel if artikel.number == number else replace(artikel, number=number)


def regeling_name(snapshot: Snapshot, bwb_id: str) -> str:
    """The regeling's name as its versions' metadata give it (``regeling``), or "" (one
    metadata file read, no text)."""
    for number in article_numbers(snapshot, bwb_id)[:1]:
        for day in version_dates(snapshot, bwb_id, number)[:1]:
            meta = f"{article_dir(bwb_id, number)}/{day.isoformat()}.toml"
            text = snapshot.read(meta)
            if text is not None:
                return VersionMeta.from_toml(text, snapshot.where(meta)).regeling
    return ""


def data_until(
    snapshot: Snapshot,
    bwb_id: str,
    sources: tuple[ArticleVersion, ...] = (),
    dates: Collection[dt.date] = (),
) -> dt.date:
    """The date the workspace's data of a regeling ends: ``data_until`` in
    ``articles/<BWB-id>/regeling.toml`` (the last official consolidation checked, written
    when a history is imported), else the latest date the data itself shows (an in-force
    date, or the capture date of an official file the ``sources`` were read from). The
    law asked for on a later date is shown as that text, never as "in force" then.
    ``dates``: in-force dates known besides the ``sources`` (of texts not read)."""
    path = regeling_file(bwb_id)
    text = snapshot.read(path)
    declared: dt.date | None = None
    if text is not None:
        data = parse_toml(text, snapshot.where(path))
        value = data.get("data_until")
        if value is not None:
            if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                raise WetdiffError(
                    "field 'data_until' must be a date such as 2014-04-01",
                    file=snapshot.where(path),
                    line=line_of(text, "data_until"),
                )
            declared = value
    seen = [*dates, *(v.meta.in_force for v in sources)]
    for version in sources:
        capture = _CAPTURE.search(version.meta.captured_from)
        if capture:
            with contextlib.suppress(ValueError):  # a capture file not named by a real date
                seen.append(dt.date.fromisoformat(capture.group(1)))
    if not seen:
        dates = all_dates(snapshot, bwb_id)
        seen = dates[-1:]
    latest = max(seen) if seen else dt.date.min
    # What the regeling file declares wins: an official consolidation may already hold a
    # text that comes into force after it was captured (a version of 1 July 2014 in the
    # capture of 1 April 2014): its data still end on the day of the capture.
    return declared if declared else latest
