"""Article files on disk: safe reading, atomic writing, and the metadata beside them.

A law version of an article is two files in ``articles/<BWB-id>/<artikel>/``:

* ``<in-force-date>.txt``: the text, in the canonical form of :mod:`text_format`;
* ``<in-force-date>.toml``: its metadata (:class:`VersionMeta`): regeling, BWB id, the
  date it took effect and how certain that date is, the act that made it, where the text
  was captured from, and what it was renumbered from.

An article that ceased to exist on a date (renumbered away, or repealed outright) has a
``.toml`` for that date with ``status = "vernummerd"`` or ``"vervallen"`` and no ``.txt``.

Unknown facts are written as the string ``"gap"``: never guessed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from wetdiff.errors import WetdiffError, unknown_field
from wetdiff.model.artikel import Artikel
from wetdiff.model.names import ARTICLE, BWB_ID, check_name, contained, is_valid_name
from wetdiff.model.text_format import ParseReport, parse, render

GAP = "gap"
MAX_TEXT_BYTES = 2 * 1024 * 1024  # an article of the Sr is at most a few kB

STATUSES = ("geldend", "vervallen", "vernummerd")
CERTAINTIES = ("official", "unverified", GAP)


def read_text(path: Path, *, what: str = "article file", limit: int = MAX_TEXT_BYTES) -> str:
    """The text of a small UTF-8 file, or one clear error: missing, a folder, a device
    or pipe, too large, binary, or not UTF-8 (with the line of the first bad byte)."""
    a_what = f"{'an' if what[:1] in 'aeiou' else 'a'} {what}"
    data = _read_regular_file(path, limit)  # the usual case: one open, one fstat, one read
    if data is not None:
        return _decoded(data, path, a_what)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise WetdiffError(f"no such {what}", file=path) from None
    except OSError as exc:
        raise WetdiffError(f"cannot read this {what}: {exc.strerror}", file=path) from None
    if stat.S_ISDIR(info.st_mode):
        raise WetdiffError(f"is a folder, not {a_what}", file=path)
    if not stat.S_ISREG(info.st_mode):  # /dev/zero, a pipe: reading would never end
        raise WetdiffError(f"is a device or pipe, not {a_what}", file=path)
    if info.st_size > limit:
        raise WetdiffError(
            f"the file is {info.st_size / 1_048_576:.1f} MB; {a_what} is at most "
            f"{limit // 1_048_576} MB",
            file=path,
            hint=f"Is this the right file? {a_what.capitalize()} is a few kilobytes.",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WetdiffError(f"cannot read this {what}: {exc.strerror}", file=path) from None
    return _decoded(data, path, a_what)


# Opening without blocking: a pipe or device is recognised by fstat, never read from.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_OPEN_FLAGS |= getattr(os, "O_BINARY", 0)


def _read_regular_file(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes, or None for anything
    else (missing, a folder, a device, too large, unreadable): then the caller finds out
    what, and says so."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        data = os.read(fd, info.st_size + 1)
        if len(data) == info.st_size:  # all of it, as fstat said: no second read for EOF
            return data
        chunks = [data]  # shorter (interrupted) or longer (growing): read to the end
        while chunk := os.read(fd, 65536):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _decoded(data: bytes, path: Path, a_what: str) -> str:
    """UTF-8 text (a BOM dropped), or one clear error: binary, or not UTF-8."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise WetdiffError(
            f"this is a binary file, not {a_what}",
            file=path,
            line=line,
            hint=f"{a_what.capitalize()} is plain UTF-8 text.",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise WetdiffError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            file=path,
            line=line,
            hint="Save the file as UTF-8 (in Word: 'Plain text', encoding 'Unicode (UTF-8)').",
        ) from None


def atomic_write(
    path: Path, text: str, *, expected: str | None = None, within: Path | None = None
) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a reader never
    sees half a file. With ``expected``, refuse if the file on disk is no longer what was
    read (someone changed it since), instead of overwriting their work. With ``within``
    (the workspace, the output folder), refuse a path that leads outside it."""
    if within is not None:
        contained(path, within)
    if path.is_dir():
        raise WetdiffError("is a folder, not a file; nothing was written", file=path)
    if expected is not None:
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != expected:
            raise WetdiffError(
                "the file changed on disk since it was read; not overwriting it",
                file=path,
                hint="Reload it, and make your change again.",
            )
    atomic_write_bytes(path, text.encode("utf-8"), within=within)


def atomic_write_bytes(path: Path, data: bytes, *, within: Path | None = None) -> None:
    """Temp file + rename: a reader never sees half a file (a memo, a .docx), and a
    failure leaves nothing behind. A symbolic link is written through (the link stays);
    a device or pipe (``-o /dev/stdout``) is written to directly, never replaced. A new
    file gets the permissions the umask allows, a replaced one keeps its own. With
    ``within``, a path (or link) that leads outside that folder is refused before any
    folder is made."""
    path = Path(path)
    if within is not None:
        contained(path, within)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise WetdiffError("is a folder, not a file; nothing was written", file=path)
    if path.exists() and not path.is_file():
        try:
            with open(path, "wb") as handle:  # a device or pipe: nothing to rename over
                handle.write(data)
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        return
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask()
    try:
        import tempfile  # only writers need it (a diff reads: ~3 ms less at every start)

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # disk full, no permission: the user's to fix
            raise _cannot_write(path, exc) from None
        raise


def missing_folders(paths: Iterable[Path]) -> list[Path]:
    """The folders that writing ``paths`` would create (every level not there yet),
    deepest first: what a write that is undone removes again."""
    found: dict[Path, None] = {}
    for path in paths:
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            found[folder] = None
            folder = folder.parent
    return sorted(found, key=lambda f: len(f.parts), reverse=True)


def remove_empty(folders: Iterable[Path]) -> None:
    """Remove those of ``folders`` (deepest first) that are empty: an undone write
    leaves no folders behind."""
    for folder in folders:
        with contextlib.suppress(OSError):  # not empty (something else is in it), or gone
            folder.rmdir()


def remove_stale_temp_files(paths: Iterable[Path]) -> int:
    """Remove the temporary files (``.273f.txt.k3j2h1x0.tmp``) that an
    :func:`atomic_write` of one of ``paths`` left when its process was killed between
    writing and renaming. Only for a writer that holds the workspace lock (no other
    wetdiff is writing these files now). Returns how many were removed."""
    removed = 0
    by_folder: dict[Path, set[str]] = {}
    for path in paths:
        by_folder.setdefault(path.parent, set()).add(path.name)
    for folder, names in by_folder.items():
        if not folder.is_dir():
            continue
        for candidate in folder.glob(".*.tmp"):
            match = _TEMP_NAME.fullmatch(candidate.name)
            if match and match.group(1) in names and candidate.is_file():
                candidate.unlink(missing_ok=True)
                removed += 1
    return removed


_TEMP_NAME = re.compile(r"\.(.+)\.[A-Za-z0-9_]{8}\.tmp")


def _cannot_write(path: Path, exc: OSError) -> WetdiffError:
    return WetdiffError(
        f"cannot write this file: {exc.strerror or exc}; nothing was written",
        file=path,
        hint="Check that the folder exists, that you may write there, and that the disk has room.",
    )


def _umask() -> int:
    """The process's umask, read without changing it (``os.umask`` sets it, which would
    race with other threads writing files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def read_article(path: Path, *, strict: bool = True, report: ParseReport | None = None) -> Artikel:
    """Parse one article text file (canonical form)."""
    return parse(read_text(path), source=str(path), strict=strict, report=report)


_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")


def parse_toml(text: str, source: str, *, hint: str | None = None) -> dict[str, Any]:
    """Parse a TOML file's text; a syntax error is one :class:`WetdiffError` pointing at
    the file and line (Python < 3.14 gives the line only inside the message)."""
    import tomllib  # only metadata needs it (article texts do not: ~3 ms at every start)

    try:
        return tomllib.loads(text)
    except RecursionError:  # [[[[… nested thousands deep: tomllib recurses per level
        raise WetdiffError(
            "not valid TOML for wetdiff: arrays or tables are nested too deeply",
            file=source,
            line=_deepest_line(text),
            hint=hint or "A wetdiff file nests a few levels at most; is this the right file?",
        ) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        message = getattr(exc, "msg", None) or str(exc)
        at = _AT_LINE.search(message)
        if at:
            line = line or int(at.group(1))
            message = message[: at.start()].rstrip()
        raise WetdiffError(
            f"not valid TOML: {message}",
            file=source,
            line=line,
            hint=hint or "Text goes between double quotes; a date is written 2024-04-25.",
        ) from None


def _deepest_line(text: str) -> int | None:
    """The line where brackets first nest more than a few hundred deep."""
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        for char in line:
            depth += 1 if char in "[{" else -1 if char in "]}" else 0
            if depth > 200:
                return number
    return None


@dataclass(frozen=True, slots=True)
class VersionMeta:
    """What is known of one version of an article: the law's own facts, never guesses.

    ``in_force`` is the legal date (the day the version took effect); ``certainty`` says
    whether that date comes from the official data (``official``), from a secondary source
    (``unverified``, with ``in_force_note`` saying which), or is unknown (``gap``)."""

    artikel: str
    in_force: dt.date
    regeling: str = "Wetboek van Strafrecht"
    bwb_id: str = ""
    certainty: str = "official"
    in_force_note: str = ""
    source_act: str = GAP
    kamerstuk: str = GAP
    source_note: str = ""
    captured_from: str = ""
    renumbered_from: str = ""
    renumbered_to: str = ""
    status: str = "geldend"
    answers: tuple[str, ...] = field(default=())

    @property
    def has_text(self) -> bool:
        return self.status == "geldend"

    def to_toml(self) -> str:
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "answers":
                if value:
                    data[f.name] = list(value)
            elif value != "" or f.name in ("source_act", "kamerstuk"):
                data[f.name] = value
        import tomli_w

        return tomli_w.dumps(data)

    @classmethod
    def from_toml(cls, text: str, source: str) -> VersionMeta:
        data = flat_toml(text) or parse_toml(text, source)
        if bad := unknown_field(data, sorted(_META_FIELDS)):
            raise WetdiffError(bad.what, file=source, line=_line_of(text, bad.key), hint=bad.hint)
        for name in ("artikel", "in_force"):
            if name not in data:
                raise WetdiffError(f"missing field {name!r}", file=source)
        if not isinstance(data["in_force"], dt.date) or isinstance(data["in_force"], dt.datetime):
            raise WetdiffError(
                "field 'in_force' must be a date such as 2013-11-15",
                file=source,
                line=_line_of(text, "in_force"),
            )
        for name in _META_TEXT_FIELDS:
            if name in data and not isinstance(data[name], str):
                raise WetdiffError(
                    f"field {name!r} must be text", file=source, line=_line_of(text, name)
                )
        if data.get("status", "geldend") not in STATUSES:
            raise WetdiffError(
                f"status must be one of {', '.join(STATUSES)}",
                file=source,
                line=_line_of(text, "status"),
            )
        if data.get("certainty", "official") not in CERTAINTIES:
            raise WetdiffError(
                f"certainty must be one of {', '.join(CERTAINTIES)}",
                file=source,
                line=_line_of(text, "certainty"),
            )
        for name, kind in (
            ("artikel", ARTICLE),
            ("renumbered_from", ARTICLE),
            ("renumbered_to", ARTICLE),
            ("bwb_id", BWB_ID),
        ):
            value = data.get(name)  # these name folders: one rule for every name of a path
            if value and not (isinstance(value, str) and is_valid_name(value, kind)):
                check_name(value, kind, file=source, line=_line_of(text, name))
        answers = data.get("answers", [])
        if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
            raise WetdiffError(
                "field 'answers' must be a list of question ids",
                file=source,
                line=_line_of(text, "answers"),
            )
        stem = os.path.splitext(os.path.basename(source))[0]  # as Path(source).stem
        if stem != data["in_force"].isoformat() and _is_date(stem):
            raise WetdiffError(
                f"in_force is {data['in_force']}, but the file is named for {stem}",
                file=source,
                line=_line_of(text, "in_force"),
                hint="A version's files are named by the date it took effect: rename the "
                "files or correct the date.",
            )
        data["answers"] = tuple(answers)
        return cls(**data)


_META_FIELDS = frozenset(f.name for f in fields(VersionMeta))
_META_TEXT_FIELDS = tuple(sorted(_META_FIELDS - {"in_force", "answers"}))

_TOML_CONTROL = re.compile("[\x00-\x1f\x7f]")  # in a value: the general parser decides
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def flat_toml(text: str) -> dict[str, Any] | None:
    """The TOML of a version's metadata as wetdiff writes it (``key = "text"`` and
    ``key = 2013-11-15``, one per line), read without the general parser: a whole code
    has a thousand of these files, and reading them is most of what opening it costs.
    Anything else (a comment, an escape, an array, a table, a repeated key) gives None:
    then the file is read by :func:`parse_toml`, which also reports its mistakes."""
    data: dict[str, Any] = {}
    for line in text.splitlines():
        if not line:
            continue
        key, sep, value = line.partition(" = ")
        if not sep or key in data or not _BARE_KEY.fullmatch(key):
            return None
        if value.startswith('"'):
            if len(value) < 2 or not value.endswith('"') or '"' in value[1:-1]:
                return None
            body = value[1:-1]
            if "\\" in body or _TOML_CONTROL.search(body):
                return None  # escapes and control characters: the general parser decides
            data[key] = body
        elif _PLAIN_DATE.fullmatch(value):
            try:
                data[key] = dt.date.fromisoformat(value)
            except ValueError:
                return None
        else:
            return None
    return data or None


def line_of(text: str, key: str) -> int | None:
    """The first line of a TOML text where ``key = …`` (or the table ``[key]``, or
    ``[[key]]``) is written: where to send the lawyer for a wrong value."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.split("=", 1)[0].strip() == key or stripped.strip("[]").strip() == key:
            return number
    return None


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if line.split("=", 1)[0].strip() == key:
            return number
    return None


@dataclass(frozen=True, slots=True)
class ArticleVersion:
    """One dated version of an article: metadata, and the text unless it ceased."""

    meta: VersionMeta
    artikel: Artikel | None


def read_version(meta_path: Path, *, strict: bool = False) -> ArticleVersion:
    """Read ``<date>.toml`` and the ``<date>.txt`` beside it (if the article has text)."""
    meta = VersionMeta.from_toml(read_text(meta_path, what="metadata file"), str(meta_path))
    if not meta.has_text:
        return ArticleVersion(meta, None)
    artikel = read_article(meta_path.with_suffix(".txt"), strict=strict)
    if artikel.number != meta.artikel:
        raise WetdiffError(
            f"the text is of artikel {artikel.number}, the metadata says {meta.artikel}",
            file=meta_path.with_suffix(".txt"),
            line=1,
        )
    return ArticleVersion(meta, artikel)


def write_version(folder: Path, version: ArticleVersion, *, within: Path | None = None) -> Path:
    """Write a version's files into ``folder`` (the article's folder); returns the
    metadata path. With ``within``, nothing is written outside that folder."""
    stem = folder / version.meta.in_force.isoformat()
    if version.artikel is not None:
        atomic_write(stem.with_suffix(".txt"), render(version.artikel), within=within)
    meta_path = stem.with_suffix(".toml")
    atomic_write(meta_path, version.meta.to_toml(), within=within)
    return meta_path
