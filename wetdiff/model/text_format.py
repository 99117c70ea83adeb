"""The canonical plain-text form of one article, and its parser.

The form is made to read well in any editor and to diff well in plain git: one
provision per line, its number first, indentation showing the structure::

    Artikel 273f

    1. Als schuldig aan mensenhandel wordt … gestraft:
        1°. degene die een ander door dwang, … werft, vervoert, …;
        2°. degene die …
    2. Uitbuiting omvat ten minste …

Rules (the README repeats them for lawyers):

* The first line is ``Artikel <nummer>``, optionally followed by the article's title.
* Leden stand at the left margin, numbered ``1.``, ``2.``, ``2a.``; a blank line separates
  the top-level blocks (it carries no meaning).
* Onderdelen are indented by four spaces per level (subonderdelen by eight), numbered as
  printed: ``a.``, ``1°.``, ``1°``, ``1º.``, ``1e.``, ``i.``, ``–``.
* A further alinea of a lid or onderdeel (e.g. the closing words after a list) stands on
  its own line one level deeper than the element's number. An alinea of an article
  without leden stands at the left margin.
* An alinea that itself begins with something that looks like a number is written with a
  backslash before it (``\\1. …``) so it is not read as a new lid.

``render(parse(text)) == text`` for every file in this form, and ``parse(render(a)) == a``
for every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Alinea, Artikel, Block, Lid, Onderdeel
from wetdiff.model.names import ARTICLE, check_name
from wetdiff.model.normalise import clean, clean_lines, refuse_controls
from wetdiff.model.numbering import NUMBER_PATTERN, Numbering, parse_number

INDENT = "    "
_HEADER = re.compile(r"^Artikel\s+(?P<nr>\S+)(?:\s+(?P<title>.+))?$")
_LID_NUMBER = re.compile(r"^\d+[a-z]{0,6}\.$")
# Something at the start of a line that a lawyer meant as a number but that is not a
# numbering wetdiff knows: "(1)", "Lid 3:", "§ 2", "1:".
_LOOKS_NUMBERED = re.compile(
    r"^(?:\(\w{1,4}\)|§\s*\d+\w*\.?|\d+\w{0,3}[:;]|lid\s+\d+\w*[.:])\s", re.IGNORECASE
)


@dataclass(slots=True)
class ParseReport:
    """Warnings found while parsing leniently (official data: oddities are warnings)."""

    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Open:
    """An element still being filled while parsing: its blocks and where it began."""

    kind: str  # "artikel", "lid", "onderdeel"
    number: str
    depth: int  # indentation depth of its further alinea's and children
    line: int
    body: list[Block] = field(default_factory=list)
    numbers: list[tuple[str, int]] = field(default_factory=list)  # child numbers, lines

    def close(self) -> Block:
        if self.kind == "lid":
            return Lid(self.number, tuple(self.body))
        return Onderdeel(self.number, tuple(self.body))


def parse(
    text: str,
    *,
    source: str = "<text>",
    strict: bool = True,
    report: ParseReport | None = None,
) -> Artikel:
    """Read one article in the canonical form.

    ``strict`` (for files a lawyer wrote) makes bad numbering an error; otherwise (for
    official data, which is the arbiter of what is valid) it is a warning in ``report``.
    Raises :class:`WetdiffError` naming the file and line.

    Articles are immutable values, so a text read before (the same article in two
    versions of a code) is parsed once: without a ``report`` the result is remembered."""
    if report is None:
        known = _PARSED.get((text, strict))
        if known is not None:
            return known
    artikel = _parse(text, source=source, strict=strict, report=report)
    if report is None:
        if len(_PARSED) >= _PARSED_LIMIT:
            _PARSED.clear()
        _PARSED[(text, strict)] = artikel
    return artikel


_PARSED: dict[tuple[str, bool], Artikel] = {}
_PARSED_LIMIT = 4096  # a whole code is ~800 articles; two versions share most


def _parse(text: str, *, source: str, strict: bool, report: ParseReport | None) -> Artikel:
    cleaned = clean_lines(text)
    lines = cleaned.split("\n")
    refuse_controls(cleaned, source)
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index == len(lines):
        raise WetdiffError(
            "the file is empty; an article file starts with 'Artikel <nummer>'", file=source, line=1
        )
    header = _HEADER.match(lines[index].strip())
    if not header or lines[index].startswith(" "):
        raise WetdiffError(
            f"expected 'Artikel <nummer>' but found {lines[index].strip()[:60]!r}",
            file=source,
            line=index + 1,
            hint="The first line of an article file names the article, e.g. 'Artikel 273f'.",
        )
    number, title = header.group("nr"), clean(header.group("title") or "")
    check_name(number, ARTICLE, file=source, line=index + 1)  # it names the article's file
    artikel = _Open("artikel", number, 0, index + 1)
    stack: list[_Open] = [artikel]
    closed: list[_Open] = []

    def close_top() -> None:
        element = stack.pop()
        stack[-1].body.append(element.close())
        closed.append(element)

    for lineno, raw in enumerate(lines[index + 1 :], index + 2):
        if not raw.strip():
            continue
        stripped = raw.lstrip(" ")
        indent = len(raw) - len(stripped)
        if stripped.startswith("\t") or "\t" in raw[: indent + 1]:
            raise WetdiffError(
                "tab in the indentation",
                file=source,
                line=lineno,
                hint="Indent onderdelen with four spaces per level.",
            )
        if indent % len(INDENT):
            raise WetdiffError(
                f"indentation of {indent} spaces; wetdiff indents by four spaces per level",
                file=source,
                line=lineno,
                hint="Leden stand at the left margin, onderdelen four spaces in, "
                "subonderdelen eight.",
            )
        depth = indent // len(INDENT)
        escaped = stripped.startswith("\\")
        content = stripped[1:] if escaped else stripped
        match = None if escaped else NUMBER_PATTERN.match(content)
        if not escaped and match is None and _LOOKS_NUMBERED.match(content):
            raise WetdiffError(
                f"unknown numbering {content.split()[0]!r}",
                file=source,
                line=lineno,
                hint="Number leden '1.', '2.'; onderdelen 'a.', '1°.' (indented); "
                "write '\\' before an alinea that starts with such words.",
            )
        if match:
            token = match.group("nr")
            body_text = clean(content[match.end() :])
            if depth == 0 and not _LID_NUMBER.match(token):
                raise WetdiffError(
                    f"onderdeel {token!r} at the left margin",
                    file=source,
                    line=lineno,
                    hint="Leden are numbered '1.', '2.' at the left margin; indent "
                    "onderdelen by four spaces.",
                )
            # Close elements at this depth or deeper; the parent is the open element
            # whose children stand at this depth.
            while len(stack) > 1 and stack[-1].depth > depth:
                close_top()
            parent = stack[-1]
            expected_child_depth = 0 if parent.kind == "artikel" else parent.depth
            if parent.kind == "artikel" and depth > 0:
                expected_child_depth = 1  # onderdelen of an article without leden
            if depth != expected_child_depth:
                raise WetdiffError(
                    f"{token!r} is indented {depth} level(s), but its parent "
                    f"{_describe(parent)} takes children at level {expected_child_depth}",
                    file=source,
                    line=lineno,
                    hint="Indent each onderdeel one level (four spaces) deeper than its lid "
                    "or onderdeel.",
                )
            parent.numbers.append((token, lineno))
            kind = "lid" if depth == 0 else "onderdeel"
            element = _Open(kind, token, depth + 1, lineno)
            if body_text:
                element.body.append(Alinea(body_text))
            stack.append(element)
        else:
            body_text = clean(content)
            while len(stack) > 1 and stack[-1].depth > depth:
                close_top()
            parent = stack[-1]
            if parent.kind == "artikel" and depth != 0:
                raise WetdiffError(
                    "an indented alinea that belongs to no lid or onderdeel",
                    file=source,
                    line=lineno,
                    hint="An alinea of the article itself stands at the left margin.",
                )
            if parent.kind != "artikel" and depth != parent.depth:
                raise WetdiffError(
                    f"alinea indented {depth} level(s) under {_describe(parent)}",
                    file=source,
                    line=lineno,
                    hint="A further alinea of a lid or onderdeel stands one level deeper "
                    "than its number.",
                )
            parent.body.append(Alinea(body_text))
    while len(stack) > 1:
        close_top()
    problems = (
        sorted(p for e in [artikel, *closed] for p in numbering_problems(e.numbers))
        if strict or report is not None  # else nobody would hear of them
        else []
    )
    if problems and strict:
        first_line, first_message = problems[0]
        raise WetdiffError(
            first_message,
            file=source,
            line=first_line,
            hint="Number leden and onderdelen in sequence (1, 2, 3 or "
            "a, b, c; an inserted one as 2a after 2).",
        )
    if report is not None:
        report.warnings.extend(f"{source}:{row}: {message}" for row, message in problems)
    return Artikel(number, tuple(artikel.body), title)


def _describe(element: _Open) -> str:
    if element.kind == "artikel":
        return f"artikel {element.number}"
    return f"{element.kind} {element.number!r} (line {element.line})"


def numbering_problems(numbers: list[tuple[str, int]]) -> list[tuple[int, str]]:
    """Gaps, duplicates and mixed styles among the numbers of siblings, with lines."""
    if not numbers:
        return []
    roman = numbers[0][0].rstrip(".)") == "i"
    problems: list[tuple[int, str]] = []
    previous: Numbering | None = None
    previous_token = ""
    seen: set[str] = set()
    for token, line in numbers:
        current = parse_number(token, roman=roman)
        key = token.rstrip(".)").replace("º", "°")
        if key in seen and current.style != "dash":  # dash items all look alike
            problems.append((line, f"numbering: {token!r} occurs twice"))
        elif previous is None:
            if current.ordinal not in (None, 1) or current.suffix:
                problems.append((line, f"numbering: the list starts at {token!r}, not at 1 or a"))
        elif not current.follows(previous):
            problems.append((line, f"numbering: {token!r} follows {previous_token!r}"))
        seen.add(key)
        previous, previous_token = current, token
    return problems


def render(artikel: Artikel) -> str:
    """The canonical text of an article; ends with a newline."""
    header = f"Artikel {artikel.number}" + (f" {artikel.title}" if artikel.title else "")
    lines: list[str] = [header]
    for block in artikel.body:
        if not isinstance(block, Onderdeel):
            lines.append("")  # a blank line before each lid and top-level alinea
        _render_block(block, 0, lines)
    return "\n".join(lines) + "\n"


def _alinea_line(text: str) -> str:
    if text.startswith("\\") or NUMBER_PATTERN.match(text) or _LOOKS_NUMBERED.match(text):
        return "\\" + text
    return text


def _render_block(block: Block, depth: int, lines: list[str]) -> None:
    if isinstance(block, Alinea):
        lines.append(INDENT * depth + _alinea_line(block.text))
        return
    own_depth = 0 if isinstance(block, Lid) else max(depth, 1)
    body = block.body
    first = ""
    if body and isinstance(body[0], Alinea):
        first, body = body[0].text, body[1:]
    lines.append(INDENT * own_depth + block.number + (f" {first}" if first else ""))
    for child in body:
        _render_block(child, own_depth + 1, lines)
