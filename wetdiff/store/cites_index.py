"""The citations index: who cites what, kept beside the repository and up to date with it.

``wetdiff cites law 273f`` in a workspace of a whole code and a few hundred other
regelingen would otherwise parse every article text of every regeling and search each
provision for citations, at every run. The index keeps, per article text, the citations
found in it, keyed by the text's git blob id (the id git gives those exact contents): a
text is searched once, and never again, whichever commit, branch, stage or version it
turns up in; a commit that changes three articles has three texts searched anew.

The index lives in the repository's git folder (``.git/wetdiff-cites.idx``: never a file
of the working tree, never committed). It is never wrong about a text, because it never
trusts a name, only contents: as git's own index does, it keeps for each file it has read
the file's size and modification time together with the blob id of what was in it, and
for each folder of ``articles/`` its modification time with what it held. A file whose
size or time differs (an edit, a ``git checkout``, a ``git commit`` made by hand, a
``git reset``) is read and hashed again; a folder whose time differs (a file added or
deleted) is listed again. A file or folder changed in the last seconds is not trusted by
its time at all (a second change within the clock's tick could keep the time).

A missing, unreadable or corrupt index file is simply made again. Saving is best effort:
a temporary file renamed over the index (a reader never sees half of it), under the
index's own lock that nobody waits for (another wetdiff saving at the same moment saves
the same facts).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Locatie, Reference
from wetdiff.model.version import article_sort_key
from wetdiff.model.verwijzing import Verwijzing, names_of
from wetdiff.store.law import dated_file
from wetdiff.store.layout import ARTICLES
from wetdiff.store.lock import lock_path

INDEX_NAME = "wetdiff-cites.idx"
_FORMAT = 2  # bump when what is stored changes: an index of another format is made again
_RECENT_NS = 2_000_000_000  # a file or folder changed this recently is read again next time

# One citation as stored: (cited article, cited provision key, citing provision key,
# words, start, end, relative, regeling named ("" for the text's own)).
_Stored = tuple[str, str, str, str, int, int, bool, str]


def blob_id(data: bytes) -> str:
    """The id git gives a file with these contents (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def index_path(root: Path) -> Path | None:
    """``wetdiff-cites.idx`` in the repository's git folder (a linked worktree's too);
    None outside a git repository."""
    lock = lock_path(root)
    return lock.parent / INDEX_NAME if lock.parent != root else None


class CitesIndex:
    """The index of one workspace as its files stand now: open it (:meth:`open`), ask it
    (:meth:`citing`, :meth:`law_files`, :meth:`regelingen`), and :meth:`save` it."""

    def __init__(self, root: Path, config_names: dict[str, str] | None = None) -> None:
        self.root = root
        self._config_names = config_names or {}
        self._changed = False
        self._now = time.time_ns()
        self._data = self._load()
        self._used: set[str] = set()  # blob ids read this time (kept when saving)
        self._laws: dict[str, dict[str, list[tuple[str, bool]]]] | None = None
        self._law_files: dict[tuple[str, str], dict[str, str]] = {}
        self._names: dict[str, str] | None = None
        self._others_of: dict[str, tuple[str, ...]] = {}
        self._checked_names = False

    @classmethod
    def open(cls, root: Path, config_names: dict[str, str] | None = None) -> CitesIndex:
        """The index of the workspace at ``root`` (an empty one where the file is missing,
        corrupt or of another format)."""
        return cls(root, config_names)

    def _load(self) -> dict[str, Any]:
        fresh: dict[str, Any] = {"format": _FORMAT, "files": {}, "folders": {}, "texts": {}}
        path = index_path(self.root)
        if path is None:
            return fresh
        try:
            data = marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return fresh  # missing or corrupt: made again
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return fresh
        if not all(isinstance(data.get(k), dict) for k in ("files", "folders", "texts")):
            return fresh
        return data

    def save(self) -> None:
        """Write the index if anything was learnt; best effort, never an error (it is
        made again when it cannot be read)."""
        path = index_path(self.root)
        if not self._changed or path is None:
            return
        files: dict[str, list[Any]] = self._data["files"]
        keep = self._used | {entry[2] for entry in files.values()}
        texts = self._data["texts"]
        self._data["texts"] = {k: v for k, v in texts.items() if k.partition("\0")[0] in keep}
        try:
            from filelock import FileLock, Timeout

            with FileLock(str(path) + ".lock", timeout=0):
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                try:
                    tmp.write_bytes(marshal.dumps(self._data))
                    os.replace(tmp, path)
                finally:
                    tmp.unlink(missing_ok=True)
        except (Timeout, OSError, ValueError):
            return  # another wetdiff is saving it, or the git folder is read-only
        self._changed = False

    # -- files and folders as they are now ---------------------------------------------

    def _settled(self, mtime_ns: int) -> bool:
        return self._now - mtime_ns > _RECENT_NS

    def _blob(self, path: str) -> tuple[str, bytes | None] | None:
        """The blob id of the file at ``path`` (relative) as it is on disk now, with its
        contents when they had to be read; None when there is no such file."""
        files: dict[str, list[Any]] = self._data["files"]
        try:
            info = os.stat(os.path.join(self.root, path))
        except OSError:
            return None
        known = files.get(path)
        if known is not None and known[0] == info.st_mtime_ns and known[1] == info.st_size:
            self._used.add(known[2])
            return known[2], None
        try:
            with open(os.path.join(self.root, path), "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        blob = blob_id(data)
        self._used.add(blob)
        if self._settled(info.st_mtime_ns) and len(data) == info.st_size:
            files[path] = [info.st_mtime_ns, info.st_size, blob]
            self._changed = True
        elif known is not None:
            del files[path]
            self._changed = True
        return blob, data

    def _folder(self, rel: str) -> list[Any]:
        """A folder of ``articles/`` as it is now: [time, names of its sub-folders, its
        dated versions (ISO date, whether it has a text)], listed again when its time
        changed."""
        folders: dict[str, list[Any]] = self._data["folders"]
        where = os.path.join(self.root, rel)
        try:
            mtime = os.stat(where).st_mtime_ns
        except OSError:
            return [0, [], []]
        known = folders.get(rel)
        if known is not None and known[0] == mtime:
            return known
        subfolders: list[str] = []
        dated: dict[str, list[bool]] = {}
        try:
            with os.scandir(where) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir():
                        subfolders.append(entry.name)
                        continue
                    found = dated_file(entry.name, entry.path)
                    if found is not None:
                        kinds = dated.setdefault(found[0], [False, False])
                        kinds[found[1] == "txt"] = True
        except OSError:
            return [0, [], []]
        listing = [
            mtime if self._settled(mtime) else -1,  # -1: listed again next time
            sorted(subfolders),
            sorted((day, txt) for day, (toml, txt) in dated.items() if toml),
        ]
        folders[rel] = listing
        self._changed = True
        return listing

    def laws(self) -> dict[str, dict[str, list[tuple[str, bool]]]]:
        """Per regeling (BWB id), per article: its dated versions (ISO date, whether it
        has a text), oldest first, from the folder listings (as
        :mod:`wetdiff.store.law` reads them)."""
        if self._laws is not None:
            return self._laws
        laws: dict[str, dict[str, list[tuple[str, bool]]]] = {}
        for bwb in self._folder(ARTICLES)[1]:
            articles = laws[bwb] = {}
            for number in self._folder(f"{ARTICLES}/{bwb}")[1]:
                articles[number] = [tuple(v) for v in self._folder(f"{ARTICLES}/{bwb}/{number}")[2]]
        self._laws = laws
        return laws

    def law_files(self, bwb: str, on: dt.date) -> dict[str, str]:
        """Per article of a regeling with a text in force on a date, the file it is read
        from (as :func:`wetdiff.store.law.in_force_files`; in no particular order)."""
        day = on.isoformat()
        known = self._law_files.get((bwb, day))
        if known is not None:  # asked again for each article a comparison affects
            return known
        files = self._law_files[(bwb, day)] = {}
        for number, versions in self.laws().get(bwb, {}).items():
            chosen = None
            for stem, has_text in versions:
                if stem > day:
                    break
                chosen = (stem, has_text)
            if chosen is not None and chosen[1]:
                files[number] = f"{ARTICLES}/{bwb}/{number}/{chosen[0]}.txt"
        return files

    def regelingen(self) -> dict[str, str]:
        """BWB id → the regeling's name (its first article's metadata, else
        ``wetdiff.toml``, else the id), for every regeling with versions here."""
        if self._names is not None:
            return self._names
        stored: dict[str, list[str]] = self._data.setdefault("names", {})
        names = {}
        for bwb, articles in self.laws().items():
            name = ""
            first = min(articles, key=article_sort_key) if articles else None
            if first is not None and articles[first]:
                meta = f"{ARTICLES}/{bwb}/{first}/{articles[first][0][0]}.toml"
                blob = self._blob(meta)
                if blob is not None:
                    known = stored.get(bwb)
                    if known and known[0] == blob[0]:
                        name = known[1]
                    else:
                        name = _regeling_of(self.root / meta, blob[1])
                        stored[bwb] = [blob[0], name]
                        self._changed = True
            names[bwb] = name or self._config_names.get(bwb, "") or bwb
        self._names = names
        return names

    # -- citations ---------------------------------------------------------------------

    def _texts(self) -> dict[str, list[_Stored]]:
        """Per text (blob id and the regeling it is of), its citations. A text names
        other regelingen by their names, so when the workspace's regelingen are no longer
        those the texts were searched for, they are searched again."""
        texts: dict[str, list[_Stored]] = self._data["texts"]
        if self._checked_names:
            return texts
        self._checked_names = True
        names = sorted(set(self.regelingen().values()))
        if self._data.get("searched_for") != names:
            texts.clear()
            self._data["searched_for"] = names
            self._changed = True
        return texts

    def _others(self, own: str) -> tuple[str, ...]:
        """The names of the other regelingen here, as a text of ``own`` may cite them."""
        known = self._others_of.get(own)
        if known is not None:
            return known
        mine = set(names_of(own))
        self._others_of[own] = tuple(
            sorted(
                {n for name in self.regelingen().values() for n in names_of(name)} - mine,
                key=lambda n: (-len(n), n),
            )
        )
        return self._others_of[own]

    def citing(self, path: str, regeling: str, wanted: str) -> list[Verwijzing]:
        """The citations of article ``wanted`` (of any of its parts) in the article text
        at ``path`` (relative to the workspace; as it is on disk now) of ``regeling``
        (its name): of its own code by number, of another regeling named by it
        (:attr:`Reference.regeling` says which)."""
        found = self._blob(path)
        if found is None:
            return []
        blob, data = found
        key = f"{blob}\0{regeling}"
        texts = self._texts()
        stored = texts.get(key)
        if stored is None:
            stored = _search(self.root / path, data, regeling, self._others(regeling))
            texts[key] = stored
            self._changed = True
        return [
            Verwijzing(
                Locatie.from_key(at),
                Reference(words, start, end, Locatie.from_key(cited), relative, named),
            )
            for artikel, cited, at, words, start, end, relative, named in stored
            if artikel == wanted
        ]


def _regeling_of(path: Path, data: bytes | None) -> str:
    """The ``regeling`` a version's metadata names ("" when it names none or cannot be
    read: the name then comes from ``wetdiff.toml``)."""
    from wetdiff.model.files import VersionMeta

    try:
        text = (data if data is not None else path.read_bytes()).decode("utf-8-sig")
        return VersionMeta.from_toml(text, str(path)).regeling
    except (OSError, UnicodeDecodeError, WetdiffError):
        return ""


def _search(path: Path, data: bytes | None, regeling: str, others: Sequence[str]) -> list[_Stored]:
    """Every citation in one article text, as stored. A text that cannot be read as an
    article says so, as reading the version would."""
    from wetdiff.model.files import read_text
    from wetdiff.model.references import extract_references
    from wetdiff.model.text_format import parse

    if data is None:
        text = read_text(path)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = read_text(path)  # its own clear message
    artikel = parse(text, source=str(path), strict=False)
    found: list[_Stored] = []
    for provision in artikel.provisions():
        for reference in extract_references(
            provision.text, provision.locatie, regeling=regeling, others=others
        ):
            found.append(
                (
                    reference.target.artikel,
                    reference.target.key,
                    provision.locatie.key,
                    reference.text,
                    reference.start,
                    reference.end,
                    reference.relative,
                    reference.regeling,
                )
            )
    return found
