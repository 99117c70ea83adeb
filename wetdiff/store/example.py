"""The worked example (art. 273f Sr and bill 36 547), built once into the data folder.

wetdiff ships the example's source files (``articles/`` and ``proposals/``: in a wheel
under ``wetdiff/example/``, in a source checkout at the repository's top level). Started
outside any workspace, wetdiff builds them into a git workspace in the user's data
folder (``platformdirs.user_data_dir("wetdiff")``; ``WETDIFF_DATA_DIR`` overrides), with
the dated history of :mod:`wetdiff.store.history`, and reuses it on every later run.

The folder is named by a hash of the shipped files (``example-<hash12>``): when a new
wetdiff ships a changed example, it is built into a new folder. A built example is
never deleted or rebuilt over: a lawyer may have drafted in it. Building happens in a
temporary folder that is renamed into place when complete, so an interrupted build
leaves nothing half-made and two wetdiff processes starting at once do not collide.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
import tomllib
from collections import defaultdict
from importlib import resources
from pathlib import Path

from wetdiff.errors import WetdiffError
from wetdiff.model.files import VersionMeta, read_text
from wetdiff.store.gitrepo import (
    BUILDER,
    DiskSnapshot,
    GitRepo,
    discard,
    git_date,
    init_repo,
)
from wetdiff.store.history import commit_law_version, stage_message
from wetdiff.store.layout import ARTICLES, MARKER, NOTES_FILE, PROPOSAL_FILE, PROPOSALS
from wetdiff.store.proposals import read_proposal
from wetdiff.store.workspace import Regeling, WorkspaceConfig

ENV_DATA_DIR = "WETDIFF_DATA_DIR"
# Part of the folder's hash: a change in how the example is built gives a new folder too.
BUILD_FORMAT = "wetdiff-example-1"
PARTS = (ARTICLES, PROPOSALS)
EXAMPLE_NAME = "Worked example: art. 273f Wetboek van Strafrecht and bill 36 547"


def data_dir() -> Path:
    """Where wetdiff keeps what it builds for the user (the worked example)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("wetdiff"))


def shipped_source() -> Path | None:
    """The folder holding the shipped ``articles/`` and ``proposals/``."""
    try:
        packaged = resources.files("wetdiff") / "example"
        if packaged.is_dir() and (packaged / ARTICLES).is_dir():
            return Path(str(packaged))
    except (ModuleNotFoundError, OSError):
        pass
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / ARTICLES).is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout
    return None


def source_files(source: Path) -> list[str]:
    """The example's files (relative POSIX paths), without editor and temporary files."""
    files = []
    for part in PARTS:
        for path in sorted((source / part).rglob("*")):
            rel = path.relative_to(source)
            if any(p.startswith(".") or p == "__pycache__" for p in rel.parts):
                continue
            if path.is_file() and not path.name.endswith(("~", ".tmp", ".swp")):
                files.append(rel.as_posix())
    return files


def source_hash(source: Path, files: list[str]) -> str:
    digest = hashlib.sha256(BUILD_FORMAT.encode())
    for rel in files:
        digest.update(rel.encode() + b"\0" + (source / rel).read_bytes() + b"\0")
    return digest.hexdigest()


def example_folder() -> tuple[Path, Path, list[str]]:
    """(where the current example is or will be built, its source, its files)."""
    source = shipped_source()
    files = source_files(source) if source else []
    if source is None or not files:
        raise WetdiffError(
            "not in a wetdiff workspace, and the worked example is not installed",
            hint="Run wetdiff inside a workspace (a folder with wetdiff.toml), or create "
            "one with 'wetdiff init DIR'.",
        )
    return data_dir() / f"example-{source_hash(source, files)[:12]}", source, files


def ensure_example() -> Path:
    """The worked example's workspace: built on first use, reused after."""
    target, source, files = example_folder()
    if (target / MARKER).is_file() and (target / ".git").exists():
        return target
    if target.exists():
        raise WetdiffError(
            "this folder is in the way of the worked example and is not one; wetdiff "
            "does not touch it",
            file=target,
            hint=f"Move it away, or set {ENV_DATA_DIR} to another folder.",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".building-example-", dir=target.parent))
    try:
        build_workspace(building, source, files)
        try:
            os.rename(building, target)
        except OSError:
            if not (target / MARKER).is_file():
                raise
            shutil.rmtree(building)  # another wetdiff built it meanwhile: use theirs
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return target


def build_workspace(target: Path, source: Path, files: list[str]) -> None:
    """Build a workspace with dated history from source files in the workspace layout:
    one commit per law version in date order, then each proposal and its stages (each
    stage tagged ``<proposal>/<stage>``), then whatever else the source holds."""
    repo = init_repo(target)
    try:
        _build(repo, target, source, files)
    finally:
        discard(repo)


def _copy(source: Path, target: Path, rels: list[str]) -> None:
    for rel in rels:
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / rel, target / rel)


def _build(repo: GitRepo, target: Path, source: Path, files: list[str]) -> None:
    remaining = dict.fromkeys(files)
    # The law: group the dated versions of every article by in-force date.
    by_date: dict[dt.date, list[tuple[VersionMeta, list[str]]]] = defaultdict(list)
    for rel in files:
        parts = rel.split("/")
        # An article folder's notes.toml (notes on the law's history, docs/notes.md) is
        # not a version's metadata: it goes in with the other files.
        if (
            len(parts) == 4
            and parts[0] == ARTICLES
            and rel.endswith(".toml")
            and parts[3] != NOTES_FILE
        ):
            meta = VersionMeta.from_toml(
                read_text(source / rel, what="metadata file"), str(source / rel)
            )
            group = [rel]
            txt = rel[:-5] + ".txt"
            if txt in remaining:
                group.append(txt)
            by_date[meta.in_force].append((meta, group))
    regelingen = dict.fromkeys(
        Regeling(m.regeling, m.bwb_id) for entries in by_date.values() for m, _ in entries
    )
    proposal_ids = sorted(
        {
            rel.split("/")[1]
            for rel in files
            if rel.startswith(PROPOSALS + "/")
            and rel.count("/") == 2
            and rel.endswith("/" + PROPOSAL_FILE)
        }
    )
    first = proposal_ids[0] if proposal_ids else ""
    config = WorkspaceConfig(
        EXAMPLE_NAME, tuple(regelingen), first, ("law", first) if first else ("law", "")
    )
    (target / MARKER).write_text(config.to_toml(), encoding="utf-8")
    repo.commit(
        [MARKER],
        "Worked example: start the workspace\n",
        author=BUILDER,
        committer=BUILDER,
        builder=True,
    )

    for day in sorted(by_date):
        paths = [p for _, group in by_date[day] for p in group]
        _copy(source, target, paths)
        commit_law_version(repo, paths, [m for m, _ in by_date[day]], author=BUILDER, builder=True)
        for p in paths:
            remaining.pop(p, None)

    for pid in proposal_ids:
        prefix = f"proposals/{pid}/"
        own = [r for r in remaining if r.startswith(prefix) and r.count("/") == 2]
        _copy(source, target, own)
        try:
            title = (
                tomllib.loads((source / prefix / PROPOSAL_FILE).read_text("utf-8")).get(
                    "short_title"
                )
                or pid
            )
        except tomllib.TOMLDecodeError:
            title = pid
        repo.commit(
            own,
            f"Proposal {pid}: {title}\n\nIts metadata and the registry of questions it answers.\n",
            author=BUILDER,
            committer=BUILDER,
            builder=True,
        )
        for r in own:
            remaining.pop(r, None)
        proposal = read_proposal(DiskSnapshot(target), pid)
        for stage in proposal.text_stages:
            stage_files = [r for r in remaining if r.startswith(f"{prefix}{stage.id}/")]
            if not stage_files:
                continue
            _copy(source, target, stage_files)
            sha = repo.commit(
                stage_files,
                stage_message(proposal, stage, stage_files),
                author_date=git_date(stage.date) if stage.date else None,
                author=BUILDER,
                committer=BUILDER,
                builder=True,
            )
            repo.tag(f"{pid}/{stage.id}", sha)
            for r in stage_files:
                remaining.pop(r, None)
        rest = [r for r in remaining if r.startswith(prefix)]
        if rest:
            _copy(source, target, rest)
            folders = sorted({r[len(prefix) :].split("/")[0] for r in rest})
            repo.commit(
                rest,
                f"Proposal {pid}: {', '.join(folders)}\n",
                author=BUILDER,
                committer=BUILDER,
                builder=True,
            )
            for r in rest:
                remaining.pop(r, None)
    rest = list(remaining)
    if rest:
        _copy(source, target, rest)
        repo.commit(
            rest, "Worked example: other files\n", author=BUILDER, committer=BUILDER, builder=True
        )
