"""The one small interface to git: the only module in wetdiff that imports GitPython.

Everything else sees :class:`GitRepo` (open, read a file at a revision, list a folder,
commit some paths with dates and trailers, tag) and a
:class:`~wetdiff.store.snapshot.Snapshot` (the files of the workspace as they are on disk,
or as they were at a revision: :class:`CommitSnapshot`), never a GitPython object: shas,
:class:`~wetdiff.store.commits.CommitInfo` values and text. What a commit says (messages,
trailers, dates) is :mod:`wetdiff.store.commits`.

One :class:`GitRepo` per repository per process, kept open (GitPython keeps two
``git cat-file`` processes per repository to read objects fast) and closed on exit, so a
wetdiff run never leaves git processes behind. Files at a revision are read through the
commit's tree (``commit.tree / path``): no checkout, the working files are never touched.

Writes only ever add: ``git add`` and ``git commit --only -- <paths>`` (so changes the
lawyer has staged for other files are neither committed nor lost) and ``git tag``. Nothing
here amends, resets, rebases, force-pushes or deletes.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any

from wetdiff.errors import CommitMismatch, WetdiffError
from wetdiff.store.commits import CommitInfo
from wetdiff.store.lock import workspace_lock

_lock = threading.RLock()
_open: dict[Path, GitRepo] = {}
# Paths are file names, never patterns: a name with "*" or ":(" means just that file.
_LITERAL = {"GIT_LITERAL_PATHSPECS": "1"}


def _git_installed() -> None:
    if shutil.which(os.environ.get("GIT_PYTHON_GIT_EXECUTABLE", "git")) is None:
        raise WetdiffError(
            "git is not installed or not on PATH; wetdiff keeps versions in git",
            hint="Install git (https://git-scm.com) and try again.",
        )


def _not_a_repository(root: Path) -> WetdiffError:
    return WetdiffError(
        "not a git repository (a workspace is a git repository with wetdiff.toml at its root)",
        file=root,
        hint="Run 'git init' there, or 'wetdiff init' to start a new workspace.",
    )


def check_repo_cheaply(root: Path) -> None:
    """The checks :func:`open_repo` makes that need no GitPython (which takes a tenth of
    a second to load): git is installed and ``root`` has a ``.git``. For a program that
    reads the files on disk first (the terminal UI's first screen) and git later."""
    _git_installed()
    if not (root / ".git").exists():
        raise _not_a_repository(root)


def _git() -> ModuleType:
    """GitPython, or one clear message when git itself is missing."""
    _git_installed()
    try:
        import git
    except ImportError as exc:  # GitPython refuses to load when it cannot run git
        raise WetdiffError(
            f"git cannot be run: {exc}".splitlines()[0],
            hint="Install git (https://git-scm.com) and try again.",
        ) from None
    return git


def _damaged(root: Path, exc: BaseException) -> WetdiffError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return WetdiffError(
        f"the git repository is damaged: {first}",
        file=root,
        hint="Run 'git fsck' there to see what is broken; wetdiff changed nothing.",
    )


def open_repo(root: Path) -> GitRepo:
    """The process's one :class:`GitRepo` for the repository at ``root``."""
    root = root.resolve()
    with _lock:
        repo = _open.get(root)
        if repo is None:
            repo = GitRepo(root)
            _open[root] = repo
        return repo


def init_repo(root: Path) -> GitRepo:
    """A new repository at ``root`` (which must not be one yet), branch ``main``."""
    git = _git()
    try:
        git.Repo.init(root, mkdir=True, initial_branch="main").close()
    except git.exc.GitCommandError as exc:
        what, advice = git_says(exc)
        raise WetdiffError(f"git init failed: {what}", file=root, hint=advice) from None
    return open_repo(root)


def user_identity(cwd: Path) -> tuple[str, str]:
    """Who the lawyer is to git (environment, then git config), or one clear error:
    every version wetdiff saves for them records who made it."""
    git = _git()
    found = {}
    for key, env in (("name", "GIT_AUTHOR_NAME"), ("email", "GIT_AUTHOR_EMAIL")):
        value = os.environ.get(env, "")
        if not value:
            try:
                value = git.Git(str(cwd)).config("--get", f"user.{key}").strip()
            except git.exc.GitCommandError:
                value = ""
        found[key] = value
    if not found["name"] or not found["email"]:
        raise WetdiffError(
            "git does not know who you are, and every saved version records who made it",
            hint='Run: git config --global user.name "Your Name" && '
            "git config --global user.email you@example.org",
        )
    return found["name"], found["email"]


def clone(source: Path, target: Path) -> GitRepo:
    """A full copy of a repository, history and tags included, that does not point back
    at its source (no remote)."""
    git = _git()
    try:
        git.Git().clone("--no-hardlinks", "--quiet", str(source), str(target))
        git.Git(str(target)).remote("remove", "origin")
    except git.exc.GitCommandError as exc:
        raise WetdiffError(
            f"git could not copy the repository: {git_says(exc)[0]}", file=target
        ) from None
    return open_repo(target)


def discard(repo: GitRepo) -> None:
    """Close a repository and forget it (one built in a folder about to be renamed)."""
    repo.close()
    with _lock:
        _open.pop(repo.root, None)


def close_all() -> None:
    """Close every open repository (run at exit): no ``git cat-file`` left behind."""
    with _lock:
        for repo in list(_open.values()):
            repo.close()


atexit.register(close_all)


class GitRepo:
    """A repository with a working tree, opened once per process."""

    def __init__(self, root: Path) -> None:
        git = _git()
        self._gitmod = git
        self.root = root
        # GitPython's object reader (one git cat-file process) serves one caller at a
        # time; the TUI reads from worker threads.
        self.lock = threading.RLock()
        self._snapshots: dict[str, dict[str, dict[str, Any] | None]] = {}
        try:
            self._repo = git.Repo(root, search_parent_directories=False)
        except git.exc.NoSuchPathError:
            raise WetdiffError("no such folder", file=root) from None
        except git.exc.InvalidGitRepositoryError:
            raise _not_a_repository(root) from None
        # Reading (git status, git diff) never takes .git/index.lock, so a reader never
        # makes another wetdiff's commit fail with "index.lock: File exists".
        self._repo.git.update_environment(GIT_OPTIONAL_LOCKS="0")
        if self._repo.bare:
            self._repo.close()
            raise WetdiffError(
                "this is a bare git repository: it has no working files to read or edit",
                file=root,
                hint="Clone it ('git clone <this> <folder>') and run wetdiff in the clone.",
            )

    def close(self) -> None:
        """Stop this repository's ``git cat-file`` processes. The object stays usable
        (they restart when next needed) and shared: whoever else holds it is not hurt,
        and :func:`close_all` stops them again at exit."""
        self._repo.close()

    # -- reading ---------------------------------------------------------------------

    def sha_of(self, rev: str) -> str:
        """The commit a revision names (``HEAD~2``, a tag, a sha), or a clear error."""
        return str(self._commit_of(rev).hexsha)

    def _commit_of(self, rev: str) -> Any:
        """GitPython's commit for ``rev``: it never leaves this module."""
        git = self._gitmod
        if not rev or rev.startswith("-"):
            raise WetdiffError(f"not a git revision: {rev!r}")
        try:
            with self.lock:
                return self._repo.commit(rev)
        except (git.exc.BadName, git.exc.BadObject, ValueError, IndexError) as exc:
            if "ambiguous" in str(exc).lower():
                raise WetdiffError(
                    f"ambiguous git revision {rev!r}", hint="Give a longer commit id or a tag."
                ) from None
            if self.is_empty():
                raise WetdiffError(
                    f"unknown git revision {rev!r}: the repository has no commits yet"
                ) from None
            raise WetdiffError(
                f"unknown git revision {rev!r}",
                hint=f"Tags here: {', '.join(sorted(self.tags())) or 'none'}; "
                "or use HEAD, HEAD~1, a branch or a commit id.",
            ) from None
        except git.exc.GitCommandError as exc:
            raise _damaged(self.root, exc) from None

    def is_empty(self) -> bool:
        return self.head_sha() is None

    def snapshot(self, rev: str) -> CommitSnapshot:
        """The files at a revision; snapshots of one commit share what was read."""
        commit = self._commit_of(rev)
        entries = self._snapshots.pop(commit.hexsha, None)
        if entries is None:
            entries = {}
        self._snapshots[commit.hexsha] = entries  # most recent last
        while len(self._snapshots) > 16:
            del self._snapshots[next(iter(self._snapshots))]
        return CommitSnapshot(self, commit, rev, entries)

    def merge_base(self, first: str, second: str) -> str:
        """The commit two revisions have in common most recently (where a reviewer's
        branch left the line it was made from): ``git merge-base``."""
        a, b = self._commit_of(first), self._commit_of(second)
        try:
            with self.lock:
                found = self._repo.merge_base(a, b)
        except self._gitmod.exc.GitCommandError as exc:
            raise _damaged(self.root, exc) from None
        if not found:
            raise WetdiffError(f"{first} and {second} have no commit in common")
        return str(found[0].hexsha)

    def tags(self) -> dict[str, str]:
        """Tag name → the commit it labels."""
        try:
            out = self._repo.git.for_each_ref(
                "refs/tags", format="%(refname:strip=2)%00%(objectname)%00%(*objectname)"
            )
        except self._gitmod.exc.GitCommandError as exc:
            raise _damaged(self.root, exc) from None
        tags = {}
        for line in out.splitlines():
            name, obj, peeled = line.split("\0")
            tags[name] = peeled or obj
        return tags

    def head_sha(self) -> str | None:
        """The commit HEAD points at (None in a repository without commits), read from
        the refs alone: cheap enough to ask before every read."""
        from git.refs.symbolic import SymbolicReference

        try:
            with self.lock:
                return str(SymbolicReference.dereference_recursive(self._repo, "HEAD"))
        except (ValueError, OSError):
            return None

    @property
    def detached(self) -> bool:
        return self._repo.head.is_detached

    def log(
        self, paths: Sequence[str] = (), rev: str = "HEAD", limit: int | None = None
    ) -> list[CommitInfo]:
        """Commits touching ``paths`` (all when empty), newest first, in one git call;
        at most ``limit``."""
        if self.is_empty():
            return []
        sep, end = "\x1f", "\x1e"
        fmt = sep.join(["%H", "%an", "%ae", "%aI", "%cI", "%B"]) + end
        count = [f"--max-count={limit}"] if limit else []
        try:
            out = self._repo.git.log(rev, f"--format={fmt}", *count, "--", *paths)
        except self._gitmod.exc.GitCommandError as exc:
            raise _damaged(self.root, exc) from None
        commits = []
        for record in out.split(end):
            record = record.strip("\n")
            if not record:
                continue
            commits.append(_commit_info(record.split(sep, 5)))
        return commits

    def log_by_path(
        self, paths: Sequence[str] | None, rev: str = "HEAD"
    ) -> dict[str, list[CommitInfo]]:
        """For each file (of ``paths``, or every file when None), the commits that
        touched it, newest first: the history read in one git call."""
        if self.is_empty() or paths == []:
            return {}
        sep, start = "\x1f", "\x1e"
        fmt = start + sep.join(["%H", "%an", "%ae", "%aI", "%cI", "%B"]) + sep
        wanted = set(paths) if paths is not None else None
        scope = sorted({str(PurePosixPath(p).parent) for p in paths}) if paths else []
        try:
            out = self._repo.git.log(
                rev, f"--format={fmt}", "--name-only", "--no-renames", "--", *scope
            )
        except self._gitmod.exc.GitCommandError as exc:
            raise _damaged(self.root, exc) from None
        found: dict[str, list[CommitInfo]] = {}
        for record in out.split(start):
            if not record.strip():
                continue
            *fields, files = record.split(sep, 6)
            info = _commit_info(fields)
            for name in files.split("\n"):
                if name and (wanted is None or name in wanted):
                    found.setdefault(name, []).append(info)
        return found

    # -- state of the working tree ---------------------------------------------------

    def staged_paths(self) -> list[str]:
        """Paths with changes staged for the next commit (not yet committed)."""
        if self.is_empty():
            out = self._repo.git.diff("--cached", "--name-only", "--root")
        else:
            out = self._repo.git.diff("--cached", "--name-only", "HEAD")
        return [p for p in out.splitlines() if p]

    def dirty_paths(self) -> list[str]:
        """Paths whose working file differs from the last commit, or that git does not
        track yet (the lawyer's unsaved-to-git work)."""
        out = self._repo.git.status("--porcelain", "-z", "--untracked-files=all")
        paths = []
        for entry in out.split("\0"):
            if len(entry) > 3:
                paths.append(entry[3:])
        return paths

    def config(self, key: str) -> str | None:
        """A value of the repository's own configuration (``merge.wetdiff.driver``), read
        from its config file (no git process); None when it is not set."""
        section, _, option = key.rpartition(".")
        head, _, sub = section.partition(".")
        name = f'{head} "{sub}"' if sub else head
        try:
            with self.lock:
                reader = self._repo.config_reader("repository")
                if not reader.has_option(name, option):
                    return None
                value = reader.get_value(name, option)
        except (OSError, ValueError, KeyError):
            return None
        return str(value)

    def set_config(self, key: str, value: str) -> None:
        """Set a value in the repository's own configuration (``.git/config``: it stays
        with this clone, as git's settings do)."""
        try:
            self._repo.git.execute(["git", "config", "--local", key, value])
        except self._gitmod.exc.GitCommandError as exc:
            what, advice = git_says(exc)
            raise WetdiffError(
                f"git could not set {key}: {what}", file=self.root, hint=advice
            ) from None

    def identity(self) -> tuple[str, str]:
        """Who the lawyer is to git (see :func:`user_identity`)."""
        return user_identity(self.root)

    # -- writing (adds only) ---------------------------------------------------------

    def commit(
        self,
        paths: Sequence[str],
        message: str,
        *,
        author_date: str | None = None,
        author: tuple[str, str] | None = None,
        committer: tuple[str, str] | None = None,
        builder: bool = False,
    ) -> str:
        """Commit exactly ``paths`` (relative, POSIX) as they are on disk; other staged
        or unstaged changes stay as they are. Returns the new commit's sha.

        Under the workspace's write lock. If git refuses (a hook, ``HEAD.lock``, a full
        disk), the index is put back exactly as it was (a version the lawyer had staged
        stays staged; nothing new is left staged). After committing, the commit is
        checked to hold what is on disk for ``paths`` and to follow the commit that was
        HEAD: anything else is said, never reported as saved."""
        env: dict[str, str] = dict(_LITERAL)
        if author_date:
            env["GIT_AUTHOR_DATE"] = author_date
        if author:
            env["GIT_AUTHOR_NAME"], env["GIT_AUTHOR_EMAIL"] = author
        if committer:
            env["GIT_COMMITTER_NAME"], env["GIT_COMMITTER_EMAIL"] = committer
        options = ["-c", "commit.gpgsign=false"] if builder else []
        git = self._repo.git
        with workspace_lock(self.root), self.lock:
            parent = self.head_sha()
            saved = self._index_entries(paths)
            try:
                # Nothing else staged (the usual case): a plain commit of the index is
                # the same as --only, and much cheaper for a large first version.
                alone = builder or parent is None or not self.staged_paths()
                git.execute(["git", *options, "add", "--", *paths], env=env)
                written = _blobs(self._index_entries(paths))  # what the commit must hold
                args = [
                    "git",
                    *options,
                    "commit",
                    "--quiet",
                    "--cleanup=whitespace",
                    "-m",
                    message,
                ]
                if builder:
                    args.append("--no-verify")
                if not alone:
                    args += ["--only", "--", *paths]
                git.execute(args, env=env)
            except self._gitmod.exc.GitCommandError as exc:
                self._restore_index(paths, saved)
                what, advice = git_says(exc)
                raise WetdiffError(
                    f"git could not commit: {what}", file=self.root, hint=advice
                ) from None
            sha = self.head_sha()
            assert sha is not None
            self._verify_commit(sha, parent, written)
            return sha

    def _index_entries(self, paths: Sequence[str]) -> str:
        """The index entries of ``paths`` as ``git ls-files -s`` gives them (mode, blob,
        stage, path): what :meth:`_restore_index` puts back."""
        if not paths:
            return ""
        return str(
            self._repo.git.execute(
                ["git", "ls-files", "-s", "-z", "--", *paths],
                env=_LITERAL,
            )
        )

    def _restore_index(self, paths: Sequence[str], saved: str) -> None:
        """Put the index entries of ``paths`` back as :meth:`_index_entries` read them,
        after a commit git refused; best effort (the lock that made the commit fail may
        also stop this, and then git did not change the index either)."""
        if not paths:
            return
        entries = []
        for entry in saved.split("\0"):
            info, _, path = entry.partition("\t")
            if path and info.split()[2] == "0":  # a merge conflict's stages stay as git has them
                mode, blob, _ = info.split()
                entries += ["--cacheinfo", f"{mode},{blob},{path}"]
        with contextlib.suppress(self._gitmod.exc.GitCommandError):
            self._repo.git.execute(
                ["git", "update-index", "--force-remove", "--", *paths], env=_LITERAL
            )
            if entries:
                self._repo.git.execute(["git", "update-index", "--add", *entries], env=_LITERAL)

    def _verify_commit(self, sha: str, parent: str | None, written: dict[str, str]) -> None:
        """The commit just made follows ``parent`` and holds, for each path, exactly the
        blob that was added (what wetdiff wrote): not what a hook or another program
        made of it meanwhile."""
        problem = ""
        try:  # read through the open object reader: no new git process per check
            commit = self._repo.commit(sha)
            if parent is not None and [p.hexsha for p in commit.parents][:1] != [parent]:
                problem = "another commit was made at the same time"
            for path, blob in written.items():
                if problem:
                    break
                try:
                    held = (commit.tree / path).hexsha
                except KeyError:
                    held = None
                if held != blob:
                    problem = f"{path} in the commit is not the file that was written"
        except (ValueError, self._gitmod.exc.GitCommandError) as exc:
            problem = str(exc).strip().splitlines()[0] if str(exc).strip() else "unreadable"
        if problem:
            raise CommitMismatch(
                f"the commit {sha[:10]} does not hold what was written: {problem}",
                file=self.root,
                hint=f"Look at it with 'git show {sha[:10]}' (a git hook or another program "
                "may have changed it).",
            )

    def tag(self, name: str, sha: str) -> None:
        """Label a commit (lightweight tag); an existing tag is never moved."""
        if name in self.tags():
            raise WetdiffError(f"tag {name!r} already exists; tags are never moved")
        try:
            self._repo.git.tag(name, sha)
        except self._gitmod.exc.GitCommandError as exc:
            raise WetdiffError(f"git could not tag {name!r}: {git_says(exc)[0]}") from None


def merge_file_lines(ours: Path, base: Path, theirs: Path) -> int:
    """git's own line merge of three files into ``ours`` (``git merge-file``): the number
    of conflicts it left marked (0: merged cleanly)."""
    _git()
    done = subprocess.run(
        [
            "git",
            "merge-file",
            "-L",
            "ours",
            "-L",
            "base",
            "-L",
            "theirs",
            "--",
            str(ours),
            str(base),
            str(theirs),
        ],
        capture_output=True,
        check=False,
    )
    if done.returncode < 0:
        raise WetdiffError(
            "git merge-file failed: " + done.stderr.decode("utf-8", "replace").strip(),
            file=ours,
        )
    return done.returncode


# -- building a whole history at once ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewCommit:
    """One commit of a history written with :func:`fast_import`: the files it adds or
    changes (relative POSIX path, content), its message, author and legal date (an ISO
    date-time as :func:`git_date` gives, or None: the moment it is recorded), and the tag
    that labels it ("" for none)."""

    message: str
    files: tuple[tuple[str, bytes], ...]
    author: tuple[str, str]
    author_date: str | None = None
    tag: str = ""


def _raw_date(iso: str | None, now: int) -> str:
    if iso is None:
        return f"{now} +0000"
    when = dt.datetime.fromisoformat(iso)
    offset = when.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{int(when.timestamp())} {sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def fast_import(root: Path, commits: Iterable[NewCommit], committer: tuple[str, str]) -> None:
    """Write a whole history into the new, empty repository at ``root`` in one ``git
    fast-import`` (no hooks, no commit processes), with the files of its last
    state in the working tree and the index: as if each commit had been made in turn.

    ``commits`` may be a generator: each commit's files are streamed to git as soon as
    it is produced, and written to the working tree meanwhile, so that reading the
    source, git's hashing and compressing, and writing the files overlap. For building a
    workspace from files wetdiff ships (the worked example), not for a lawyer's work."""
    _git()  # one clear message when git is missing
    now = int(dt.datetime.now(dt.UTC).timestamp())
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            ["git", "fast-import", "--quiet", "--done"],
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            _stream(process, root, commits, committer, now)
        except BaseException:
            process.kill()
            process.wait()
            raise
        if process.wait() != 0:
            errors.seek(0)
            _build_failed(root, "fast-import", errors.read())
    # The index of the last commit (the files on disk are already its files): git
    # compares their contents on the first status, as after any checkout of new files.
    done = subprocess.run(["git", "read-tree", "HEAD"], cwd=root, capture_output=True, check=False)
    if done.returncode != 0:
        _build_failed(root, "read-tree", done.stderr)


def _stream(
    process: subprocess.Popen[bytes],
    root: Path,
    commits: Iterable[NewCommit],
    committer: tuple[str, str],
    now: int,
) -> None:
    """Write each commit to git fast-import, and its files to the working tree (in a
    second thread: writing files waits on the disk, not on Python)."""
    assert process.stdin is not None
    pipe = process.stdin
    folders: set[str] = set()
    with ThreadPoolExecutor(max_workers=1) as writer:
        written = []
        try:
            for mark, commit in enumerate(commits, 1):
                for path, _ in commit.files:
                    if "\n" in path or path.startswith(('"', "/")) or ".." in path.split("/"):
                        raise WetdiffError(f"cannot record a file named {path!r}")
                written.append(writer.submit(_write_files, root, commit.files, folders))
                message = commit.message.encode("utf-8")
                header = (
                    f"commit refs/heads/main\nmark :{mark}\n"
                    f"author {commit.author[0]} <{commit.author[1]}> "
                    f"{_raw_date(commit.author_date, now)}\n"
                    f"committer {committer[0]} <{committer[1]}> {now} +0000\n"
                    f"data {len(message)}\n"
                )
                chunks = [header.encode("utf-8"), message, b"\n"]
                for path, data in commit.files:
                    chunks.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode())
                    chunks.extend((data, b"\n"))
                if commit.tag:
                    chunks.append(f"reset refs/tags/{commit.tag}\nfrom :{mark}\n\n".encode())
                pipe.write(b"".join(chunks))
            pipe.write(b"done\n")
            pipe.close()
        except BrokenPipeError:
            pass  # git stopped early: its own message is read after it ends
        for job in written:
            job.result()  # a file that could not be written: its error


def _write_files(root: Path, files: tuple[tuple[str, bytes], ...], folders: set[str]) -> None:
    """New files (the repository was empty), with as few system calls as it takes."""
    for path, data in files:
        folder, _, _ = path.rpartition("/")
        if folder and folder not in folders:
            os.makedirs(root / folder, exist_ok=True)
            folders.add(folder)
        handle = os.open(root / path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            os.write(handle, data)
        finally:
            os.close(handle)


def _build_failed(root: Path, step: str, stderr: bytes) -> None:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    raise WetdiffError(
        f"git {step} failed: {lines[0] if lines else 'no reason given'}",
        file=root,
        hint="Is git installed and working? 'git --version' should answer.",
    )


class CommitSnapshot:
    """The files as they were at a commit, read through its tree (no checkout)."""

    def __init__(
        self,
        repo: GitRepo,
        commit: Any,
        label: str,
        entries: dict[str, dict[str, Any] | None] | None = None,
    ) -> None:
        self.repo = repo
        self._commit = commit  # GitPython's: it never leaves this module
        self.label = label
        # folder → {name: git object}: each tree is read once, however many files in it
        # are asked for (a code has a thousand article folders under one tree).
        self._entries: dict[str, dict[str, Any] | None] = {} if entries is None else entries

    def _folder(self, rel: str) -> dict[str, Any] | None:
        if rel in self._entries:
            return self._entries[rel]
        try:
            with self.repo.lock:
                if not rel:
                    tree = self._commit.tree
                else:
                    parent, _, name = rel.rpartition("/")
                    above = self._folder(parent)
                    found = above.get(name) if above else None
                    tree = found if found is not None and found.type == "tree" else None
                entries = {item.name: item for item in tree} if tree is not None else None
        except WetdiffError:
            raise
        except Exception as exc:
            raise _damaged(self.repo.root, exc) from None
        self._entries[rel] = entries
        return entries

    def _object(self, rel: str) -> Any | None:
        rel = str(PurePosixPath(rel)) if rel else ""
        if rel in ("", "."):
            return self._commit.tree
        parent, _, name = rel.rpartition("/")
        entries = self._folder(parent)
        return entries.get(name) if entries else None

    def read(self, rel: str) -> str | None:
        obj = self._object(rel)
        if obj is None or obj.type != "blob":
            return None
        try:
            with self.repo.lock:
                data = obj.data_stream.read()
        except Exception as exc:
            raise _damaged(self.repo.root, exc) from None
        if b"\x00" in data:
            raise WetdiffError("this is a binary file, not an article file", file=self.where(rel))
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise WetdiffError("not valid UTF-8", file=self.where(rel)) from None

    def listdir(self, rel: str) -> list[tuple[str, bool]]:
        rel = str(PurePosixPath(rel)) if rel and rel != "." else ""
        entries = self._folder(rel)
        if not entries:
            return []
        return sorted(
            (name, item.type == "tree")
            for name, item in entries.items()
            if not name.startswith(".")
        )

    def is_dir(self, rel: str) -> bool:
        rel = str(PurePosixPath(rel)) if rel and rel != "." else ""
        return self._folder(rel) is not None

    def where(self, rel: str) -> str:
        return f"{self.label}:{rel}"


def _commit_info(fields: Sequence[str]) -> CommitInfo:
    """A commit from ``git log --format=%H%x1f%an%x1f%ae%x1f%aI%x1f%cI%x1f%B``."""
    sha, author, email, authored, committed, message = fields
    return CommitInfo(
        sha,
        author,
        email,
        dt.datetime.fromisoformat(authored),
        dt.datetime.fromisoformat(committed),
        message.strip() + "\n",
    )


def _blobs(entries: str) -> dict[str, str]:
    """Path → blob id, from ``git ls-files -s -z`` output."""
    found = {}
    for entry in entries.split("\0"):
        info, _, path = entry.partition("\t")
        if path:
            found[path] = info.split()[1]
    return found


def git_says(exc: Any) -> tuple[str, str | None]:
    """What git said when a command failed, as one line and its advice (GitPython wraps
    it as "stderr: 'fatal: …'" over many lines)."""
    text = str(getattr(exc, "stderr", "") or "").strip()
    text = text.removeprefix("stderr:").strip().strip("'").strip()
    if not text:  # a hook that failed without a word
        status = getattr(exc, "status", None)
        return f"git stopped with exit code {status} and gave no reason", (
            "A git hook (.git/hooks) may have refused it; run 'git commit' there to see why."
        )
    first, _, rest = text.partition("\n")
    for prefix in ("fatal: ", "error: "):
        first = first.removeprefix(prefix)
    return first.strip(), " ".join(rest.split()) or None
