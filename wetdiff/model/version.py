"""A version: any state of a set of articles a lawyer wants to compare.

The law in force on a date, a proposal's stage, either of those at a git revision, or
simply a file or folder on disk: all become a :class:`Version`, so the diff engine, the
notes and the views never care where a text came from. The one parser of the version
syntax (``law@2013-04-15``, ``36547/nr2``, ``HEAD~2:36547``) lives in
:mod:`wetdiff.store.versions`; this module reads the forms that need no git: paths.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Artikel
from wetdiff.model.dates import in_words
from wetdiff.model.files import ArticleVersion, read_article, read_version
from wetdiff.model.numbering import roman

_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Version:
    """A named, dated set of articles.

    ``label`` is what the user wrote (or a canonical spelling); ``title`` says in words
    what it is (:meth:`describe` in English); ``date`` is its legal date where it has one
    (for the law: the date asked for); ``illustrative`` carries the label of a text that
    is not an official one.

    ``kind`` says what it is: ``"law"`` (the law on a date: then ``text_date`` is the
    date of its latest text and ``data_until`` the date the workspace's data ends, so a
    date beyond the data is never called "in force"), ``"stage"`` (a proposal's stage:
    ``proposal``, ``stage`` and its ``name``; ``base`` is the law it is laid over) or
    ``""`` (files on disk)."""

    label: str
    title: str
    artikelen: tuple[Artikel, ...]
    date: dt.date | None = None
    illustrative: str = ""
    regeling: str = ""
    bwb_id: str = ""
    sources: tuple[ArticleVersion, ...] = field(default=(), compare=False)
    kind: str = ""
    name: str = ""
    text_date: dt.date | None = None
    data_until: dt.date | None = None
    proposal: str = ""
    stage: str = ""
    base: Version | None = field(default=None, compare=False, repr=False)
    # A proposal stage that amends several regelingen: the further ones (ARTIKEL II, …),
    # each a version of its own; a law version facing one: those regelingen on its date.
    others: tuple[Version, ...] = field(default=(), compare=False, repr=False)

    @property
    def parts(self) -> tuple[Version, ...]:
        """The version per regeling, in the order of the ARTIKELEN: itself (ARTIKEL I)
        and its ``others``."""
        return (self, *self.others)

    # The articles by number, made when first asked (a memo looks up every article of a
    # whole code: a scan each time was quadratic). The first of two with one number wins.
    _by_number: dict[str, Artikel] | None = field(
        default=None, init=False, compare=False, repr=False
    )

    def artikel(self, number: str) -> Artikel | None:
        by_number = self._by_number
        if by_number is None:
            by_number = {}
            for artikel in self.artikelen:
                by_number.setdefault(artikel.number, artikel)
            object.__setattr__(self, "_by_number", by_number)
        return by_number.get(number)

    def amended(self, label: str, title: str, artikelen: tuple[Artikel, ...]) -> Version:
        """The articles of this version's regeling as amending it made them (``label``
        and ``title`` say how), under its date; no longer the law on that date nor a
        stage's own files, so none of its kind, files or base carry over."""
        return Version(
            label, title, artikelen, self.date, self.illustrative, self.regeling, self.bwb_id
        )

    def only(self, numbers: tuple[str, ...]) -> Version:
        """The same version restricted to some articles (``--article``)."""
        wanted = set(numbers)
        return replace(
            self,
            artikelen=tuple(a for a in self.artikelen if a.number in wanted),
            sources=tuple(s for s in self.sources if s.meta.artikel in wanted),
        )

    @property
    def beyond_data(self) -> bool:
        """A law version asked for on a date after its data ends: its text is the latest
        the data holds, but nothing says it was still in force on that date."""
        return (
            self.kind == "law"
            and self.date is not None
            and self.data_until is not None
            and self.date > self.data_until
        )

    @property
    def law_date(self) -> dt.date | None:
        """The date of the law this version stands on: the law's own date, or a stage's
        base date (None for files on disk)."""
        if self.kind == "law":
            return self.date
        if self.base is not None:
            return self.base.law_date
        return None

    def when(self, lang: str = "en", *, iso: bool = True) -> str:
        """The version's date as a heading shows it: "2009-07-01"; for the law asked
        for beyond its data, the date of its text and where the data ends ("text of
        2013-11-15; data until 2014-04-01"), never the date asked for."""

        def day(value: dt.date) -> str:
            return value.isoformat() if iso else in_words(value, lang)

        if self.beyond_data:
            assert self.text_date is not None and self.data_until is not None
            if lang == "nl":
                return f"tekst van {day(self.text_date)}; gegevens tot {day(self.data_until)}"
            return f"text of {day(self.text_date)}; data until {day(self.data_until)}"
        return day(self.date) if self.date else ""

    def describe(self, lang: str = "en") -> str:
        """What the version is, in words, in Dutch or English: "Wetboek van
        Strafrecht, geldend op 1 juli 2009"; "Wetboek van Strafrecht, tekst van 15
        november 2013; gegevens tot 1 april 2014" (a date beyond the data); "Kamerstuk
        36 547: Voorstel van wet … (36547/A, 10 juni 2025)"."""
        if self.kind == "law":
            regeling = self.regeling or self.bwb_id
            if self.beyond_data or self.date is None:
                return f"{regeling}, {self.when(lang, iso=False)}"
            text = ""
            if self.text_date is not None and self.text_date != self.date:
                text = (
                    f" (tekst van {in_words(self.text_date, lang)})"
                    if lang == "nl"
                    else f" (text of {in_words(self.text_date, lang)})"
                )
            on = "geldend op" if lang == "nl" else "in force on"
            return f"{regeling}, {on} {in_words(self.date, lang)}{text}"
        if self.kind == "stage":
            when = f", {in_words(self.date, lang)}" if self.date else ""
            return f"{self.name} ({self.label}{when})"
        return self.title or self.label


def paired_parts(old: Version, new: Version) -> list[tuple[Version, Version]]:
    """The comparison of two versions per regeling: each regeling of ``new`` (in its
    order, ARTIKEL I first) with the same regeling of ``old``, then those only ``old``
    holds. A regeling one side lacks is an empty version there (all inserted, or all
    gone). Versions of one regeling: the one pair ``(old, new)``."""
    if not old.others and not new.others:
        return [(old, new)]
    olds = {part.bwb_id: part for part in old.parts}
    pairs: list[tuple[Version, Version]] = []
    for index, part in enumerate(new.parts):
        before = olds.pop(part.bwb_id, None)
        if before is None and index == 0 and old.bwb_id == "":
            before = olds.pop("", None)  # files on disk: read as the first regeling
        pairs.append((before or _empty_like(part, old), part))
    for part in olds.values():
        pairs.append((part, _empty_like(part, new)))
    return pairs


def amends(old: Version, new: Version) -> bool:
    """Whether ``new`` changes anything of ``old`` (one regeling each): an article added,
    repealed or worded otherwise."""
    return {a.number: a for a in old.artikelen} != {a.number: a for a in new.artikelen}


def artikel_numerals(pairs: Sequence[tuple[Version, Version]]) -> list[str]:
    """The ARTIKEL of each regeling of a comparison (:func:`paired_parts`): I, II, …
    counted over the regelingen it changes, as a bill numbers them; "" for a regeling it
    leaves as it is (a bill has no ARTIKEL for it). One rule for the instructions, the
    memo, ``diff``, ``show`` and the TUI."""
    numerals: list[str] = []
    count = 0
    for old, new in pairs:
        if amends(old, new):
            count += 1
            numerals.append(roman(count))
        else:
            numerals.append("")
    return numerals


def _empty_like(part: Version, side: Version) -> Version:
    """No text of ``part``'s regeling on ``side``'s side of a comparison."""
    return Version(
        side.label,
        f"{side.title} ({part.regeling or part.bwb_id}: no text)",
        (),
        side.date,
        side.illustrative,
        part.regeling,
        part.bwb_id,
        kind=side.kind,
        name=side.name,
        proposal=side.proposal,
        stage=side.stage,
    )


def latest_in_force(article_folder: Path, on: dt.date | None = None) -> ArticleVersion | None:
    """The version of one article in force on a date (the latest when ``on`` is None):
    the dated file with the greatest in-force date not after ``on``."""
    try:  # the names as Path.glob("*.toml") finds them, without a Path object each
        names = os.listdir(article_folder)
    except OSError:
        return None
    dated = sorted(
        (os.path.normcase(name), name)
        for name in names
        if os.path.normcase(name).endswith(".toml") and _DATED.match(name[:-5])
    )
    chosen = None
    for _, name in dated:
        if on is not None and dt.date.fromisoformat(name[:-5]) > on:
            break
        chosen = name
    return read_version(article_folder / chosen) if chosen else None


def load_path(path: Path, *, on: dt.date | None = None) -> Version:
    """A version from files on disk, without git.

    * an article text file (``273f.txt``, ``2013-11-15.txt``): that article;
    * an article's folder of dated versions (``articles/BWBR0001854/273f``): the version
      in force on ``on`` (the latest by default);
    * a folder of article folders (``articles/BWBR0001854``) or of article text files (a
      proposal stage such as ``proposals/36547/nr2``): all of them."""
    if not path.exists():
        raise WetdiffError(
            "no such file or folder",
            file=path,
            hint="Give an article file, an article's folder, or a version "
            "such as 'law' (see 'wetdiff versions').",
        )
    if not path.is_file() and not path.is_dir():
        raise WetdiffError(
            "is a device or pipe, not an article file or folder",
            file=path,
            hint="Give an article file, an article's folder, or a version "
            "such as 'law' (see 'wetdiff versions').",
        )
    if path.is_file():
        if path.suffix == ".toml" and _DATED.match(path.stem):
            version = read_version(path)
            artikelen = (version.artikel,) if version.artikel else ()
            return Version(
                str(path), f"{path}", artikelen, version.meta.in_force, sources=(version,)
            )
        meta_path = path.with_suffix(".toml")
        official = bool(_DATED.match(path.stem)) and meta_path.exists()
        # One rule for numbering: a file a lawyer wrote (no dated metadata beside it) must
        # number in sequence, as save demands; official data keeps its oddities.
        artikel = read_article(path, strict=not official)
        if official:
            version = read_version(meta_path)
            return Version(
                str(path),
                str(path),
                (artikel,),
                version.meta.in_force,
                regeling=version.meta.regeling,
                bwb_id=version.meta.bwb_id,
                sources=(version,),
            )
        return Version(str(path), str(path), (artikel,))
    versions: list[ArticleVersion] = []
    loose: list[Artikel] = []
    # one listing with the file types (no stat per file, no Path objects to sort)
    with os.scandir(path) as entries:
        listed = sorted((os.path.normcase(e.name), e.name, e.is_dir()) for e in entries)
    if any(case.endswith(".toml") and _DATED.match(name[:-5]) for case, name, _ in listed):
        folders = [path]  # an article's folder of dated versions
    else:
        folders = [path / name for _, name, is_dir in listed if is_dir and name[:1] != "."]
        loose = [  # as path.glob("*.txt")
            read_article(path / name, strict=True)  # loose files: written by hand
            for case, name, _ in listed
            if case.endswith(".txt")
        ]
    for folder in folders:
        in_force = latest_in_force(folder, on)
        if in_force is not None:
            versions.append(in_force)
    found = [v.artikel for v in versions if v.artikel is not None] + loose
    if not found:
        raise WetdiffError(
            "no article files in this folder",
            file=path,
            hint="A version folder holds article files (273f.txt) or "
            "article folders with dated versions.",
        )
    found.sort(key=lambda a: article_sort_key(a.number))
    dates = [v.meta.in_force for v in versions if v.artikel is not None]
    first = versions[0].meta if versions else None
    return Version(
        str(path),
        str(path),
        tuple(found),
        max(dates) if dates else None,
        regeling=first.regeling if first else "",
        bwb_id=first.bwb_id if first else "",
        sources=tuple(versions),
    )


_SORT = re.compile(r"(\d+)|(\D+)")


def article_sort_key(number: str) -> tuple[tuple[int, str], ...]:
    """Order of articles in a code: 5 < 5a < 10 < 80quinquies < 273f < 273fa < 273g."""
    return tuple((int(d), "") if d else (-1, s) for d, s in _SORT.findall(number))
