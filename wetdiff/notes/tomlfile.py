"""Reading and writing the small TOML files of notes and questions, with errors that
name the file, the line and the field.

``tomllib`` reports the line of a syntax error but not where a well-formed value sits, so
:class:`Blocks` finds the line of a field inside the *n*-th ``[[note]]`` (or
``[[question]]``, ``[[note.citation]]``) block by scanning the text: good enough to send
a lawyer to the right line of a file they wrote by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar

import tomli_w

from wetdiff.errors import WetdiffError
from wetdiff.model import files
from wetdiff.model.files import read_text
from wetdiff.notes.mergefile import refuse_conflict_markers

GAP = "gap"
MAX_FILE_BYTES = 4 * 1024 * 1024

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\s]+?)\s*\]\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def load_toml(path: Path, *, what: str) -> tuple[str, dict[str, Any]]:
    """The text of a TOML file and its parsed contents; one clear error otherwise."""
    text = read_text(path, what=what, limit=MAX_FILE_BYTES)
    return text, parse_toml(text, str(path))


def parse_toml(text: str, source: str) -> dict[str, Any]:
    refuse_conflict_markers(text, source)  # a merge left both versions: say which
    return files.parse_toml(
        text,
        source,
        hint='Text goes between double quotes (a long text between """ and """); '
        "the format is in docs/notes.md.",
    )


class _Identified(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def line(self) -> int | None: ...


T = TypeVar("T", bound=_Identified)


def parse_block_file(
    text: str,
    source: str,
    table: str,
    parse_item: Callable[[dict[str, Any], int, Blocks], T],
    *,
    what: str,
) -> list[T]:
    """The ``[[table]]`` blocks of a notes or questions file, each read by
    ``parse_item``; a file with anything else in it, or with an id twice, is refused
    with its line."""
    data = parse_toml(text, source)
    blocks = Blocks(text, source)
    extra = sorted(set(data) - {table})
    if extra:
        raise WetdiffError(
            f"unknown table or field {extra[0]!r}",
            file=source,
            line=top_line(text, extra[0]),
            hint=f"A {what} holds only [[{table}]] blocks.",
        )
    raw = data.get(table, [])
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise WetdiffError(
            f"{table!r} must be [[{table}]] blocks", file=source, line=top_line(text, table)
        )
    items: list[T] = []
    seen: dict[str, int | None] = {}
    for index, entry in enumerate(raw):
        item = parse_item(entry, index, blocks)
        if item.id in seen:
            raise blocks.error(
                f"duplicate {table} id {item.id!r} (first at line {seen[item.id]})",
                table,
                index,
                "id",
                hint=f"Each {table} id may occur only once.",
            )
        seen[item.id] = item.line
        items.append(item)
    return items


def top_line(text: str, key: str) -> int | None:
    """Line of a top-level ``key = …`` or ``[key]``/``[[key]]`` header."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.split("=", 1)[0].strip() == key or stripped.strip("[]").strip() == key:
            return number
    return None


class Blocks:
    """Where the blocks of a file begin, to point an error at the right line.

    The text is split and its ``[[…]]`` headers indexed once, so finding the line of the
    *n*-th block is a look-up: a file of 5,000 notes is read in linear time (scanning the
    file again for each note made it quadratic: 55 s for ``check`` of 5,000 notes)."""

    __slots__ = ("_headers", "_lines", "source", "text")

    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self._lines = text.splitlines()
        # table name → the line numbers of its headers, in order; and every header line
        self._headers: dict[str, list[int]] = {}
        for number, line in enumerate(self._lines, 1):
            if "[[" in line:
                match = _HEADER.match(line)
                if match:
                    self._headers.setdefault(_name(match), []).append(number)

    def header_line(
        self, table: str, index: int, sub: str | None = None, sub_index: int = 0
    ) -> int | None:
        """Line of the ``index``-th ``[[table]]`` header (or of its ``sub_index``-th
        ``[[table.sub]]``)."""
        start, end = self._span(table, index)
        if start is None:
            return None
        if sub is None:
            return start
        inside = [
            n
            for n in self._headers.get(f"{table}.{sub}", ())
            if n > start and (end is None or n <= end)
        ]
        return inside[sub_index] if sub_index < len(inside) else start

    def field_line(
        self, table: str, index: int, key: str, sub: str | None = None, sub_index: int = 0
    ) -> int | None:
        """Line of ``key = …`` in that block (the block's header if not found)."""
        header = self.header_line(table, index, sub, sub_index)
        if header is None:
            return None
        for number in range(header + 1, len(self._lines) + 1):
            line = self._lines[number - 1]
            if _HEADER.match(line) or line.lstrip().startswith("["):
                break
            match = _KEY.match(line)
            if match and match.group(1) == key:
                return number
        return header

    def _span(self, table: str, index: int) -> tuple[int | None, int | None]:
        """First line of the ``index``-th ``[[table]]`` block and the last line before
        the next ``[[table]]`` (None: to the end of the file)."""
        headers = self._headers.get(table, [])
        if index >= len(headers):
            return None, None
        end = headers[index + 1] - 1 if index + 1 < len(headers) else None
        return headers[index], end

    def error(
        self,
        what: str,
        table: str,
        index: int,
        key: str | None = None,
        *,
        sub: str | None = None,
        sub_index: int = 0,
        hint: str | None = None,
    ) -> WetdiffError:
        if key is None:
            line = self.header_line(table, index, sub, sub_index)
        else:
            line = self.field_line(table, index, key, sub, sub_index)
        return WetdiffError(what, file=self.source, line=line, hint=hint)


def _name(match: re.Match[str]) -> str:
    return re.sub(r"\s+", "", match.group(1))


def dump_block(table: str, data: Mapping[str, Any], order: tuple[str, ...]) -> str:
    """One ``[[table]]`` block: keys in a fixed order, each on its own line(s), written
    by tomli-w so every value is escaped correctly. Empty values are left out."""
    lines = [f"[[{table}]]"]
    for key in order:
        if key not in data:
            continue
        value = data[key]
        if value is None or value == "" or value == () or value == []:
            continue
        if isinstance(value, tuple):
            value = list(value)
        lines.append(tomli_w.dumps({key: value}, multiline_strings=True).rstrip("\n"))
    return "\n".join(lines) + "\n"


def is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
