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
import json
import os
import shutil
import stat
import tempfile
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

from wetdiff import store
from wetdiff.errors import WetdiffError
from wetdiff.model.files import VersionMeta, atomic_write
from wetdiff.store.commits import BUILDER, git_date
from wetdiff.store.gitrepo import NewCommit, discard, fast_import, init_repo, open_repo
from wetdiff.store.history import law_version_message, stage_message
from wetdiff.store.layout import ARTICLES, MARKER, NOTES_FILE, PROPOSAL_FILE, PROPOSALS
from wetdiff.store.mergedriver import ATTRIBUTES_FILE, attributes, register
from wetdiff.store.proposals import read_proposal
from wetdiff.store.snapshot import DiskSnapshot
from wetdiff.store.workspace import Regeling, WorkspaceConfig

ENV_DATA_DIR = "WETDIFF_DATA_DIR"
# What the build says it is doing: (step, files done, files in all).
Progress = Callable[[str, int, int], None]
# Part of the folder's hash: a change in how the example is built gives a new folder too.
BUILD_FORMAT = "wetdiff-example-2"
PARTS = (ARTICLES, PROPOSALS)
CACHE_FILE = ".example-source.json"  # in the data folder: see _known_hash
EXAMPLE_NAME = "Worked example: the Wetboek van Strafrecht (art. 273f) and bill 36 547"


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


def _listing(source: Path) -> list[tuple[str, os.stat_result]]:
    """The example's files (relative POSIX paths, in path order) with their size and
    modification time, without hidden, editor and temporary files. (Run at every start
    of wetdiff outside a workspace: folder entries read once each, no path objects.)"""
    found: list[tuple[str, os.stat_result]] = []
    base = str(source)

    def walk(rel_folder: str) -> None:
        with os.scandir(os.path.join(base, rel_folder)) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                if entry.is_dir():
                    if name != "__pycache__":
                        walk(f"{rel_folder}/{name}")
                    continue
                if name.endswith(("~", ".tmp", ".swp")):
                    continue
                info = entry.stat()
                if stat.S_ISREG(info.st_mode):
                    found.append((f"{rel_folder}/{name}", info))

    for part in PARTS:
        if os.path.isdir(os.path.join(base, part)):
            walk(part)
    found.sort(key=lambda item: item[0].split("/"))
    return found


def source_files(source: Path) -> list[str]:
    """The example's files (relative POSIX paths), without editor and temporary files."""
    return [rel for rel, _ in _listing(source)]


def source_hash(source: Path, files: list[str]) -> str:
    digest = hashlib.sha256(BUILD_FORMAT.encode())
    for rel in files:
        digest.update(rel.encode() + b"\0" + (source / rel).read_bytes() + b"\0")
    return digest.hexdigest()


def _known_hash(source: Path, listing: list[tuple[str, os.stat_result]]) -> str:
    """The hash of the shipped files' contents. Reading two thousand files on every run
    would cost more than opening the example, so the hash is remembered in the data
    folder next to what identifies those files without reading them (their paths, sizes
    and modification times): a changed file changes those, and then it is read again."""
    files = [rel for rel, _ in listing]
    seen = hashlib.sha256(f"{BUILD_FORMAT}\0{source}".encode())
    for rel, info in listing:
        seen.update(f"\0{rel}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    cache = data_dir() / CACHE_FILE
    try:
        remembered = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        remembered = {}
    if isinstance(remembered, dict) and isinstance(remembered.get(seen.hexdigest()), str):
        return str(remembered[seen.hexdigest()])
    digest = source_hash(source, files)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cache, json.dumps({seen.hexdigest(): digest}) + "\n")
    except WetdiffError:
        pass  # a read-only data folder: the hash is computed again next time
    return digest


def example_folder() -> tuple[Path, Path, list[str]]:
    """(where the current example is or will be built, its source, its files)."""
    source = shipped_source()
    listing = _listing(source) if source else []
    if source is None or not listing:
        raise WetdiffError(
            "not in a wetdiff workspace, and the worked example is not installed",
            hint="Run wetdiff inside a workspace (a folder with wetdiff.toml), or create "
            "one with 'wetdiff init DIR'.",
        )
    digest = _known_hash(source, listing)
    return data_dir() / f"example-{digest[:12]}", source, [rel for rel, _ in listing]


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
        build_workspace(building, source, files, store.example_progress)
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


def build_workspace(
    target: Path, source: Path, files: list[str], progress: Progress | None = None
) -> None:
    """Build a workspace with dated history from source files in the workspace layout:
    one commit per law version in date order, then each proposal and its stages (each
    stage tagged ``<proposal>/<stage>``), then whatever else the source holds. The
    history is written in one ``git fast-import`` while the files are read."""
    discard(init_repo(target))
    fast_import(target, history(source, files, progress), BUILDER)
    repo = open_repo(target)
    register(repo)  # notes and questions merged by id (docs/branches.md)
    discard(repo)
    if progress is not None:
        progress("done", len(files), len(files))


def _dated_file(rel: str) -> tuple[str, dt.date] | None:
    """(article folder, date) of a law version's metadata file
    ``articles/<BWB-id>/<artikel>/<date>.toml``; None for any other file (an article
    folder's ``notes.toml``, notes on the law's history, goes in with the other files)."""
    parts = rel.split("/")
    if len(parts) != 4 or parts[0] != ARTICLES or not rel.endswith(".toml"):
        return None
    if parts[3] == NOTES_FILE:
        return None
    try:
        return "/".join(parts[:3]), dt.date.fromisoformat(parts[3][:-5])
    except ValueError:
        return None


def history(
    source: Path, files: list[str], progress: Progress | None = None
) -> Iterator[NewCommit]:
    """The commits of the example's history, in order (see :func:`build_workspace`),
    each made when it is reached: its files are read then."""
    remaining = dict.fromkeys(files)
    done = 0

    def take(rels: list[str]) -> tuple[tuple[str, bytes], ...]:
        nonlocal done
        for rel in rels:
            remaining.pop(rel, None)
        done += len(rels)
        if progress is not None:
            progress("writing the history", done, len(files))
        return tuple((rel, (source / rel).read_bytes()) for rel in rels)

    def meta_of(rel: str, data: bytes) -> VersionMeta:
        return VersionMeta.from_toml(data.decode("utf-8-sig"), str(source / rel))

    # The law, by in-force date: the date is the version file's name (as it is read).
    by_date: dict[dt.date, list[str]] = defaultdict(list)
    first_of: dict[str, str] = {}
    for rel in files:
        dated = _dated_file(rel)
        if dated is not None:
            by_date[dated[1]].append(rel)
            first_of.setdefault(rel.split("/")[1], rel)
    regelingen = []
    for bwb, rel in first_of.items():
        meta = meta_of(rel, (source / rel).read_bytes())
        regelingen.append(Regeling(meta.regeling, meta.bwb_id or bwb))
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
    yield NewCommit(
        "Worked example: start the workspace\n",
        (
            (MARKER, config.to_toml().encode("utf-8")),
            (ATTRIBUTES_FILE, (attributes("") or "").encode("utf-8")),
        ),
        BUILDER,
    )

    for day in sorted(by_date):
        paths = []
        for rel in by_date[day]:
            paths.append(rel)
            if rel[:-5] + ".txt" in remaining:
                paths.append(rel[:-5] + ".txt")
        read = take(paths)
        metas = [meta_of(rel, data) for rel, data in read if rel.endswith(".toml")]
        yield NewCommit(law_version_message(metas), read, BUILDER, git_date(day))

    for pid in proposal_ids:
        prefix = f"{PROPOSALS}/{pid}/"
        own = [r for r in remaining if r.startswith(prefix) and r.count("/") == 2]
        try:
            title = (
                tomllib.loads((source / prefix / PROPOSAL_FILE).read_text("utf-8")).get(
                    "short_title"
                )
                or pid
            )
        except tomllib.TOMLDecodeError:
            title = pid
        yield NewCommit(
            f"Proposal {pid}: {title}\n\nIts metadata and the registry of questions it answers.\n",
            take(own),
            BUILDER,
        )
        proposal = read_proposal(DiskSnapshot(source), pid)
        for stage in proposal.text_stages:
            stage_files = [r for r in remaining if r.startswith(f"{prefix}{stage.id}/")]
            if not stage_files:
                continue
            yield NewCommit(
                stage_message(proposal, stage, stage_files),
                take(stage_files),
                BUILDER,
                git_date(stage.date) if stage.date else None,
                tag=f"{pid}/{stage.id}",
            )
        rest = [r for r in remaining if r.startswith(prefix)]
        if rest:
            folders = sorted({r[len(prefix) :].split("/")[0] for r in rest})
            yield NewCommit(f"Proposal {pid}: {', '.join(folders)}\n", take(rest), BUILDER)
    rest = list(remaining)
    if rest:
        yield NewCommit("Worked example: other files\n", take(rest), BUILDER)
