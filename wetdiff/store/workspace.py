"""The workspace: a git repository with ``wetdiff.toml`` at its root.

It holds ``articles/`` (the law: each article's dated official versions) and
``proposals/`` (each proposal's stages, notes and questions). wetdiff runs on the
workspace it is started in (found from the current folder upwards, or named by
``WETDIFF_WORKSPACE``); started anywhere else, including in wetdiff's own source
repository, it opens the worked example, built once into the user's data folder
(see :mod:`wetdiff.store.example`).

``wetdiff.toml``::

    name = "Mensenhandel (273f Sr)"

    [[regeling]]
    name = "Wetboek van Strafrecht"
    bwb_id = "BWBR0001854"

    [defaults]
    proposal = "36547"            # what a bare proposal command works on
    compare = ["law", "36547"]    # what the TUI opens with
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from wetdiff.errors import WetdiffError
from wetdiff.model.files import ArticleVersion, line_of, parse_toml, read_text
from wetdiff.model.names import BWB_ID, check_name
from wetdiff.store.gitrepo import GitRepo, check_repo_cheaply, init_repo, open_repo, user_identity
from wetdiff.store.layout import ARTICLES, MARKER, PROPOSALS, find_root, proposal_ids
from wetdiff.store.lock import workspace_lock
from wetdiff.store.mergedriver import ATTRIBUTES_FILE, attributes, ensure_registered, register
from wetdiff.store.proposals import Proposal, read_proposal
from wetdiff.store.snapshot import DiskSnapshot, Snapshot

__all__ = ["MARKER", "Workspace", "find_root", "init_workspace", "open_workspace"]
ENV_WORKSPACE = "WETDIFF_WORKSPACE"

_lock = threading.RLock()
_workspaces: dict[Path, Workspace] = {}


@dataclass(frozen=True, slots=True)
class Regeling:
    name: str
    bwb_id: str


@dataclass(frozen=True, slots=True)
class WorkspaceConfig:
    name: str
    regelingen: tuple[Regeling, ...] = ()
    default_proposal: str = ""
    default_compare: tuple[str, str] = ("law", "")
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def to_toml(self) -> str:
        data: dict[str, object] = {"name": self.name}
        if self.regelingen:
            data["regeling"] = [{"name": r.name, "bwb_id": r.bwb_id} for r in self.regelingen]
        defaults: dict[str, object] = {}
        if self.default_proposal:
            defaults["proposal"] = self.default_proposal
        if all(self.default_compare):
            defaults["compare"] = list(self.default_compare)
        if defaults:
            data["defaults"] = defaults
        return (
            "# A wetdiff workspace: this git repository holds articles/ (the law's dated "
            "versions)\n# and proposals/ (each proposal's stages, notes and questions).\n"
            + tomli_w.dumps(data)
        )

    @classmethod
    def from_toml(cls, text: str, source: str) -> WorkspaceConfig:
        data = parse_toml(text, source)
        name = data.get("name", "")
        if not isinstance(name, str):
            raise WetdiffError("'name' must be text", file=source, line=line_of(text, "name"))
        regelingen = []
        for raw in data.get("regeling", []):
            if not isinstance(raw, dict) or not isinstance(raw.get("bwb_id", ""), str):
                raise WetdiffError(
                    "each [[regeling]] needs name and bwb_id (text)",
                    file=source,
                    line=line_of(text, "regeling"),
                )
            bwb_id = str(raw.get("bwb_id", ""))
            if bwb_id:  # it names the folder of the regeling's articles
                check_name(bwb_id, BWB_ID, file=source, line=line_of(text, "bwb_id"))
            regelingen.append(Regeling(str(raw.get("name", "")), bwb_id))
        defaults = data.get("defaults", {})
        if not isinstance(defaults, dict):
            raise WetdiffError(
                "[defaults] must be a table", file=source, line=line_of(text, "defaults")
            )
        compare = defaults.get("compare", ["law", ""])
        if (
            not isinstance(compare, list)
            or len(compare) != 2
            or not all(isinstance(c, str) for c in compare)
        ):
            raise WetdiffError(
                'defaults.compare must be two versions, such as ["law", "36547"]',
                file=source,
                line=line_of(text, "compare"),
            )
        proposal = defaults.get("proposal", "")
        if not isinstance(proposal, str):
            raise WetdiffError(
                "defaults.proposal must be text", file=source, line=line_of(text, "proposal")
            )
        return cls(
            name,
            tuple(regelingen),
            proposal,
            (compare[0], compare[1]),
            {k: v for k, v in data.items() if k not in ("name", "regeling", "defaults")},
        )


class Workspace:
    """One workspace; the process opens it once (:func:`open_workspace`) and shares it."""

    def __init__(self, root: Path, *, example: bool = False) -> None:
        self.root = root
        self.example = example
        self._repo: GitRepo | None = None
        self._reading = threading.local()
        text = read_text(root / MARKER, what="workspace file")
        self.config = WorkspaceConfig.from_toml(text, str(root / MARKER))

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r}, example={self.example})"

    @property
    def name(self) -> str:
        return self.config.name or self.root.name

    @property
    def repo(self) -> GitRepo:
        if self._repo is None:
            self._repo = open_repo(self.root)
        return self._repo

    def check(self, *, git: bool = True) -> None:
        """Open the repository now, so a broken one is reported before anything else;
        ``git=False``: only what needs no GitPython (git installed, a ``.git`` here), and
        the repository is opened when first used."""
        if git:
            _ = self.repo
        elif self._repo is None:
            check_repo_cheaply(self.root)

    def snapshot(self, rev: str | None = None) -> Snapshot:
        """The workspace's files: on disk (``rev`` None) or at a git revision."""
        if rev is None:
            return getattr(self._reading, "snapshot", None) or DiskSnapshot(self.root)
        return self.repo.snapshot(rev)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Within the block (in this thread), the files on disk are one snapshot that lists
        each folder once: reading both sides of a comparison of a whole code lists its
        article folders once, not once per version. Nothing is written meanwhile."""
        if getattr(self._reading, "snapshot", None) is not None:
            yield
            return
        self._reading.snapshot = DiskSnapshot(self.root, remember=True)
        try:
            yield
        finally:
            self._reading.snapshot = None

    def proposals(self, rev: str | None = None) -> list[Proposal]:
        snapshot = self.snapshot(rev)
        return [read_proposal(snapshot, pid) for pid in proposal_ids(snapshot)]

    def proposal(self, proposal_id: str, rev: str | None = None) -> Proposal:
        return read_proposal(self.snapshot(rev), proposal_id)

    def default_comparison(self) -> tuple[str, str]:
        """The two versions the TUI opens with: from ``wetdiff.toml``, else the law and
        the first proposal's latest stage."""
        old, new = self.config.default_compare
        if old and new:
            return old, new
        proposal = self.config.default_proposal or next(iter(proposal_ids(self.snapshot())), "")
        return "law", proposal or "law"

    def writing(self) -> AbstractContextManager[None]:
        """The workspace's write lock (:mod:`wetdiff.store.lock`): hold it from reading
        what will change until the commit, so two wetdiffs never interleave writes."""
        return workspace_lock(self.root)

    def dirty_paths(self) -> list[str]:
        """Files with uncommitted changes: reported to the lawyer, never overwritten."""
        return self.repo.dirty_paths()

    def record_law_versions(self, versions: Iterable[ArticleVersion]) -> list[str]:
        """Write official article versions into ``articles/`` and commit them, one
        commit per in-force date, oldest first (for importers)."""
        from wetdiff.store.history import record_law_versions

        if self.repo.detached:
            raise WetdiffError(
                "the workspace is on a detached HEAD; check out a branch "
                "first. Nothing was written",
                file=self.root,
            )
        with self.writing():
            return record_law_versions(self.repo, versions)

    def close(self) -> None:
        """Stop the repository's git processes (they restart if it is used again)."""
        if self._repo is not None:
            self._repo.close()


def open_workspace(start: Path | None = None, *, git: bool = True) -> Workspace:
    """The workspace wetdiff runs on: the one ``start`` is in (an error if it is in none);
    else ``WETDIFF_WORKSPACE`` if set; else the one the current folder is in; else the
    worked example (built on first use). ``git=False``: the repository is opened when
    first used, not now (see :meth:`Workspace.check`)."""
    named = os.environ.get(ENV_WORKSPACE)
    if start is None and named:
        root = Path(named).expanduser().resolve()
        if not (root / MARKER).is_file():
            if not root.exists():
                raise WetdiffError(
                    "no such folder", file=root, hint=f"{ENV_WORKSPACE} names the workspace to use."
                )
            raise WetdiffError(
                f"not a wetdiff workspace: there is no {MARKER} here",
                file=root,
                hint="Run 'wetdiff init' there to make it one.",
            )
        return _load(root, example=False, git=git)
    found = find_root(start or Path.cwd())
    if found is not None:
        return _load(found, example=False, git=git)
    if start is not None:  # a folder named on purpose: not silently the example
        raise WetdiffError(
            f"not a wetdiff workspace: there is no {MARKER} here or above",
            file=start,
            hint="Run 'wetdiff init' there to make it one, or "
            "leave the folder out to open the worked example.",
        )
    from wetdiff.store.example import ensure_example

    return _load(ensure_example(), example=True, git=git)


def _load(root: Path, *, example: bool, git: bool = True) -> Workspace:
    with _lock:
        workspace = _workspaces.get(root)
        if workspace is None:
            workspace = Workspace(root, example=example)
            workspace.check(git=git)
            # a clone learns what merges notes by id (a file read when it knows already)
            ensure_registered(root, lambda: workspace.repo)
            _workspaces[root] = workspace
        elif git:
            workspace.check()
        return workspace


def init_workspace(
    folder: Path, *, name: str = "", config: WorkspaceConfig | None = None
) -> Workspace:
    """A new, empty workspace: ``git init`` (unless it is a repository already), a
    ``wetdiff.toml`` and empty ``articles/`` and ``proposals/``, in one first commit. An
    existing workspace is never overwritten."""
    folder = folder.resolve()
    if (folder / MARKER).exists():
        raise WetdiffError(
            f"this is a workspace already ({MARKER} exists); nothing changed", file=folder
        )
    if folder.exists() and not folder.is_dir():
        raise WetdiffError("is a file, not a folder", file=folder)
    is_repo = (folder / ".git").exists()
    if folder.exists() and not is_repo and any(folder.iterdir()):
        raise WetdiffError(
            "the folder is not empty and not a git repository; nothing changed",
            file=folder,
            hint="Give a new or empty folder, or run 'git init' there first.",
        )
    repo = open_repo(folder) if is_repo else None
    if repo is not None and repo.detached:
        raise WetdiffError(
            "the repository is on a detached HEAD; check out a branch first", file=folder
        )
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    identity = user_identity(existing)
    folder.mkdir(parents=True, exist_ok=True)
    if repo is None:
        repo = init_repo(folder)
    config = config or WorkspaceConfig(name or folder.name)
    (folder / MARKER).write_text(config.to_toml(), encoding="utf-8")
    paths = [MARKER]
    existing = folder / ATTRIBUTES_FILE
    attributes_text = attributes(existing.read_text(encoding="utf-8") if existing.exists() else "")
    if attributes_text is not None:
        existing.write_text(attributes_text, encoding="utf-8")
        paths.append(ATTRIBUTES_FILE)
    for sub in (ARTICLES, PROPOSALS):
        (folder / sub).mkdir(exist_ok=True)
        keep = folder / sub / ".gitkeep"
        if not any((folder / sub).iterdir()):
            keep.write_text("", encoding="utf-8")
            paths.append(f"{sub}/.gitkeep")
    repo.commit(paths, f"Start workspace {config.name}\n", author=identity)
    register(repo)
    return _load(folder, example=False)
