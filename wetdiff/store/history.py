"""Dated history: law versions and proposal stages recorded as git commits.

Legal time and record time are kept apart. A law version's legal date (the day it took
effect) is data: the name of its file and ``in_force`` in the metadata beside it. The
commit that records it carries the same facts for git users: its message names the
source act ("Artikel 273f: Stb. 2013, 444 (Kamerstuk 33 309)"), its trailers say
``In-force:``, ``Certainty:``, ``Source:``, ``Kamerstuk:`` and ``Answers:``, and its
author date is the legal date where git can hold one (after 1970; the Wetboek van
Strafrecht dates from 1881, so its first version's date is in the trailers only). The
committer date is record time: when wetdiff recorded it.

One commit per law version (per date on which the law changed, all its articles
together), in date order; one commit per proposal stage, tagged ``<proposal>/<stage>``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from wetdiff.errors import CommitMismatch, WetdiffError
from wetdiff.model.files import (
    GAP,
    ArticleVersion,
    VersionMeta,
    atomic_write_bytes,
    missing_folders,
    remove_empty,
    write_version,
)
from wetdiff.model.names import contained
from wetdiff.model.version import article_sort_key
from wetdiff.store.commits import git_date, message_with_trailers
from wetdiff.store.gitrepo import GitRepo
from wetdiff.store.proposals import Proposal, Stage

_CERTAINTY_ORDER = {"official": 0, "unverified": 1, GAP: 2}
MAX_LISTED = 6


def format_act(meta: VersionMeta) -> str:
    """The act that made a version, in the form lawyers cite it; unknown parts say so."""
    act = meta.source_act if meta.source_act and meta.source_act != GAP else ""
    kamerstuk = meta.kamerstuk if meta.kamerstuk and meta.kamerstuk != GAP else ""
    if act and kamerstuk:
        return f"{act} (Kamerstuk {kamerstuk})"
    if act:
        return act
    if kamerstuk:
        return f"Kamerstuk {kamerstuk} (Staatsblad: gap)"
    return "source act: gap"


def _articles_phrase(numbers: Sequence[str], regeling: str) -> str:
    numbers = sorted(set(numbers), key=article_sort_key)
    if len(numbers) == 1:
        return f"Artikel {numbers[0]}"
    if len(numbers) <= MAX_LISTED:
        return f"Artikelen {', '.join(numbers)}"
    return f"{regeling or 'Regeling'}: {len(numbers)} artikelen"


def law_version_message(metas: Sequence[VersionMeta]) -> str:
    """Subject naming the articles and the act, a line per article, and trailers."""
    day = metas[0].in_force
    acts: list[str] = []
    for meta in metas:
        act = format_act(meta)
        if act not in acts:
            acts.append(act)
    subject = _articles_phrase([m.artikel for m in metas], metas[0].regeling)
    subject += f": {acts[0]}" + (f" and {len(acts) - 1} other acts" if len(acts) > 1 else "")
    lines = []
    for meta in sorted(metas, key=lambda m: article_sort_key(m.artikel)):
        what = {
            "geldend": "in force",
            "vervallen": "repealed",
            "vernummerd": f"renumbered to {meta.renumbered_to or GAP}",
        }[meta.status]
        line = f"{meta.artikel}: {what} {day.isoformat()} ({meta.certainty}"
        line += f": {meta.in_force_note})" if meta.in_force_note else ")"
        if meta.renumbered_from:
            line += f"; renumbered from {meta.renumbered_from}"
        line += f"; {format_act(meta)}"
        lines.append(line)
    certainty = max((m.certainty for m in metas), key=lambda c: _CERTAINTY_ORDER.get(c, 2))
    trailers = [("In-force", day.isoformat()), ("Certainty", certainty)]
    for key, values in (
        ("Source", [m.source_act for m in metas]),
        ("Kamerstuk", [m.kamerstuk for m in metas]),
    ):
        for value in dict.fromkeys(v or GAP for v in values):
            trailers.append((key, value))
    bwb = dict.fromkeys(m.bwb_id for m in metas if m.bwb_id)
    trailers.extend(("Regeling", b) for b in bwb)
    for answer in dict.fromkeys(a for m in metas for a in m.answers):
        trailers.append(("Answers", answer))
    return message_with_trailers(subject, "\n".join(lines), trailers)


def commit_law_version(
    repo: GitRepo,
    paths: Sequence[str],
    metas: Sequence[VersionMeta],
    *,
    author: tuple[str, str] | None = None,
    builder: bool = False,
) -> str:
    """Commit the files of one law version (one date) with its message and dates."""
    return repo.commit(
        paths,
        law_version_message(metas),
        author_date=git_date(metas[0].in_force),
        author=author,
        committer=author if builder else None,
        builder=builder,
    )


def record_law_versions(
    repo: GitRepo, versions: Iterable[ArticleVersion], *, author: tuple[str, str] | None = None
) -> list[str]:
    """Write official versions into the workspace's ``articles/`` and commit them, one
    commit per date, oldest first (what ``wetdiff import bwb`` over a series of
    toestanden records). Returns the new commits' shas."""
    by_date: dict[dt.date, list[ArticleVersion]] = defaultdict(list)
    for version in versions:
        by_date[version.meta.in_force].append(version)
    author = author or repo.identity()
    shas: list[str] = []
    for day in sorted(by_date):
        paths = []
        for version in by_date[day]:
            folder_rel = f"articles/{version.meta.bwb_id}/{version.meta.artikel}"
            paths.append(f"{folder_rel}/{day.isoformat()}.toml")
            if version.artikel is not None:
                paths.append(f"{folder_rel}/{day.isoformat()}.txt")
        for rel in paths:  # before anything is created: nothing outside the workspace
            contained(repo.root / rel, repo.root)
        before = {rel: _read_bytes(repo.root / rel) for rel in paths}
        created = missing_folders([repo.root / rel for rel in paths])
        try:
            for version in by_date[day]:
                folder_rel = f"articles/{version.meta.bwb_id}/{version.meta.artikel}"
                write_version(repo.root / folder_rel, version, within=repo.root)
            metas = [v.meta for v in by_date[day]]
            shas.append(commit_law_version(repo, paths, metas, author=author))
        except CommitMismatch:
            raise  # committed, if not as written: nothing to put back
        except WetdiffError as error:  # git refused (a lock, a hook): leave no stray files
            for rel, data in before.items():
                if data is None:
                    (repo.root / rel).unlink(missing_ok=True)
                else:
                    atomic_write_bytes(repo.root / rel, data)
            remove_empty(created)
            done = f" ({len(shas)} earlier date(s) were committed)" if shas else ""
            raise WetdiffError(
                f"{error.what}; the versions of {day} were not written{done}",
                file=error.file,
                line=error.line,
                hint=error.hint,
            ) from None
    return shas


def _read_bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def stage_message(proposal: Proposal, stage: Stage, files: Sequence[str]) -> str:
    subject = f"{proposal.display_name} {stage.id}: {stage.name}"
    body = ""
    if files:
        body = "Article texts: " + ", ".join(
            sorted(
                (f.rsplit("/", 1)[-1][:-4] for f in files if f.endswith(".txt")),
                key=article_sort_key,
            )
        )
    trailers = [
        ("Stage", f"{proposal.id}/{stage.id}"),
        ("Stage-date", stage.date.isoformat() if stage.date else GAP),
    ]
    trailers.append(("Base", proposal.base))
    if proposal.illustrative:
        trailers.append(("Illustrative", proposal.illustrative))
    return message_with_trailers(subject, body, trailers)
