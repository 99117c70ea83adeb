"""Statute text as people actually get it → the canonical article form.

Lawyers rarely have the XML. They copy an article from the wetten.overheid.nl page (leden
numbered ``1`` without a dot, bullets, "Toon relaties in LiDO" lines), export it as
Markdown (``### Artikel  1``, ``**1.**``, ``1\\.``), or paste it from Word or a PDF (hard
line breaks in the middle of sentences, non-breaking spaces, soft hyphens). This module
reads all of these leniently and returns an :class:`Artikel`; what it had to guess is a
warning, never a silent change:

* a line is a new lid or onderdeel only when it starts with a number that fits the
  numbering so far *and* the line before ended a sentence (``.``, ``:``, ``;``, a blank
  line) — so "… met een van de onder\\n1° genoemde middelen" stays one sentence;
* a line that does not start a provision continues the one before (a hard wrap), unless
  a blank line or a sentence end separates them: then it is a new alinea (after a list:
  the closing words of the lid);
* a word broken with a hyphen at the end of a line is joined keeping the hyphen, with a
  warning (``gevangenis-`` + ``straf`` may have been a word break).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wetdiff.errors import WetdiffError
from wetdiff.importers import ImportWarning
from wetdiff.model.artikel import Alinea, Artikel, Block, Lid, Onderdeel
from wetdiff.model.normalise import clean, clean_lines, refuse_controls
from wetdiff.model.numbering import NUMBER_PATTERN, Numbering, parse_number
from wetdiff.model.text_format import numbering_problems

_HEADER = re.compile(
    r"^(?:artikel|art\.)\s+(?P<nr>[0-9]+(?:[a-z:.0-9]*[a-z0-9])?|[ivxlc]+)\.?"
    r"(?:\s+(?P<rest>.*))?$",
    re.IGNORECASE,
)
_BARE_LID = re.compile(r"^(?P<nr>\d{1,3}[a-z]{0,2})\s+(?=\S)")
# A line holding nothing but a lid or onderdeel number: "1", "2a", "1°", "a.", "iv.", "–"
_LONE_NUMBER = re.compile(r"\d{1,3}[a-z]{0,2}[.°º)]?|\d{1,3}[°º]\.|\d{1,3}e\.|[a-z]{1,4}[.)]|[–—-]")
DASH, EM_DASH = "\u2013", "\u2014"
_BULLET = re.compile("^(?P<b>[-*+•·▪◦‣○\u2013\u2014])\\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!°])")
_SENTENCE_END = re.compile(r"[.:;]$")
# Lines of the wetten.overheid.nl page around the statute text.
_WEB_CHROME = re.compile(
    r"^(?:toon relaties in lido|maak een permanente link|toon wetstechnische informatie|"
    r"druk het regelingonderdeel af|sla het regelingonderdeel op|geldend van .*|"
    r"wijzigingenoverzicht|vergelijk met een andere versie|terug naar boven|"
    r"\.\.\.|…)$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Node:
    kind: str  # "artikel", "lid", "onderdeel"
    number: str
    line: int
    body: list[Block | _Node | _Alinea] = field(default_factory=list)
    numbers: list[tuple[str, int]] = field(default_factory=list)
    style: str | None = None  # numbering style of its onderdelen
    roman: bool = False
    last: Numbering | None = None


@dataclass(slots=True)
class _PasteReader:
    source: str
    number: str
    title: str
    warnings: list[ImportWarning] = field(default_factory=list)
    artikel: _Node = field(init=False)
    stack: list[_Node] = field(init=False)
    text: list[str] | None = None  # the alinea being read (its lines)
    lid_last: Numbering | None = None
    problems: list[_Node] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.artikel = _Node("artikel", self.number, 1)
        self.stack = [self.artikel]

    def warn(self, kind: str, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(kind, f"{self.source}:{line}", message))

    # -- reading lines ------------------------------------------------------------------

    def line(self, content: str, lineno: int, after_break: bool) -> None:
        """One non-empty line; ``after_break`` when the line before was blank or ended
        a sentence."""
        token, rest = self._numbering(content, lineno, after_break)
        if token is None:
            if self.text is not None and not after_break:
                self._continue(content, lineno)
            else:
                self._new_alinea(content)
            return
        self._open(token, rest, lineno)

    def _numbering(self, content: str, lineno: int, after_break: bool) -> tuple[str | None, str]:
        match = NUMBER_PATTERN.match(content)
        token: str | None = None
        if match and match.group("nr") not in ("•",):
            token, rest = match.group("nr"), content[match.end() :]
        else:
            bare = _BARE_LID.match(content)
            if bare and after_break and self._fits_lid(parse_number(bare.group("nr") + ".")):
                return bare.group("nr") + ".", content[bare.end() :]
            return None, content
        if token in ("-", EM_DASH):
            token = DASH
        numbering = self._parse(token)
        if after_break:
            return token, rest
        # No sentence end before it: a number here is most often a wrapped citation
        # ("onder\n1° genoemde"); only the very next number of an open list counts.
        if self._follows_somewhere(numbering):
            return token, rest
        if (
            token.endswith(".")
            and _starts_list(numbering)
            and self.text is not None
            and not self.text[-1].endswith((".", ";"))
        ):
            # a list opening after an aanhef that ends in a comma or no punctuation at all
            # ("…, indien" + "a. het feit …"); a citation is never written "1°." mid-text
            return token, rest
        return None, content

    def _parse(self, token: str) -> Numbering:
        roman = any(n.roman for n in self.stack) and re.fullmatch(r"[ivx]+[.)]", token)
        return parse_number(token, roman=bool(roman) or token.rstrip(".)") == "i")

    def _fits_lid(self, numbering: Numbering) -> bool:
        if numbering.style != "arabic":
            return False
        if self.lid_last is None:
            return numbering.ordinal == 1 and not numbering.suffix
        return numbering.follows(self.lid_last)

    def _follows_somewhere(self, numbering: Numbering) -> bool:
        if self._fits_lid(numbering) and self.lid_last is not None:
            return True
        return any(
            node.style == numbering.style and node.last is not None and numbering.follows(node.last)
            for node in self.stack
        )

    def _continue(self, content: str, lineno: int) -> None:
        assert self.text is not None
        previous = self.text[-1]
        if previous.endswith("-") and not previous.endswith(" -") and content[:1].islower():
            joined = previous + content
            self.warn(
                "hyphen",
                lineno,
                "a line ended in a hyphen and was joined as "
                f"{(previous.split()[-1] + content.split()[0])!r}; check whether it "
                "was a word break",
            )
            self.text[-1] = joined
        else:
            self.text.append(content)

    def _new_alinea(self, content: str) -> None:
        # An unnumbered paragraph after a list closes the list: it belongs to the lid (or
        # the article), as the closing words ("slot") do.
        while self.stack[-1].kind == "onderdeel":
            self.stack.pop()
        self.text = [content]
        self.stack[-1].body.append(_Alinea(self.text))

    def _open(self, token: str, rest: str, lineno: int) -> None:
        numbering = self._parse(token)
        # The next sibling of an open list, innermost first.
        for depth in range(len(self.stack) - 1, -1, -1):
            node = self.stack[depth]
            if (
                node.style == numbering.style
                and node.last is not None
                and numbering.follows(node.last)
            ):
                del self.stack[depth + 1 :]
                self._child(node, token, numbering, rest, lineno)
                return
        if self._fits_lid(numbering) or (
            numbering.style == "arabic"
            and self.stack[-1].kind == "artikel"
            and not any(isinstance(b, _Node) and b.kind == "onderdeel" for b in self.artikel.body)
        ):
            del self.stack[1:]
            self.lid_last = numbering
            self._child(
                self.artikel,
                token if token.endswith(".") else token + ".",
                numbering,
                rest,
                lineno,
                kind="lid",
            )
            return
        parent = self.stack[-1]
        # A new list under the current element, or an odd number at an open level.
        same = [n for n in self.stack if n.style == numbering.style]
        if same and not _starts_list(numbering):
            parent = same[-1]
            del self.stack[self.stack.index(parent) + 1 :]
        self._child(parent, token, numbering, rest, lineno)

    def _child(
        self,
        parent: _Node,
        token: str,
        numbering: Numbering,
        rest: str,
        lineno: int,
        kind: str = "onderdeel",
    ) -> None:
        node = _Node(kind, token, lineno)
        if kind == "onderdeel":
            if parent.style is None:
                parent.style = numbering.style
                parent.roman = numbering.style == "roman"
            parent.last = numbering
        parent.numbers.append((token, lineno))
        parent.body.append(node)
        self.stack.append(node)
        self.text = None
        if rest.strip():
            self.text = [rest.strip()]
            node.body.append(_Alinea(self.text))
        if parent not in self.problems:
            self.problems.append(parent)

    def finish(self) -> Artikel:
        for node in self.problems:
            for line, message in numbering_problems(node.numbers):
                self.warn("numbering", line, message)
        body = tuple(_finish(b) for b in self.artikel.body)
        return Artikel(self.number, tuple(b for b in body if b is not None), self.title)


@dataclass(slots=True)
class _Alinea:
    lines: list[str]


def _finish(block: Block | _Node | _Alinea) -> Block | None:
    if isinstance(block, _Alinea):
        text = clean(" ".join(block.lines))
        return Alinea(text) if text else None
    if isinstance(block, _Node):
        body = tuple(b for b in (_finish(c) for c in block.body) if b is not None)
        if block.kind == "lid":
            return Lid(block.number, body)
        return Onderdeel(block.number, body)
    return block


def _starts_list(numbering: Numbering) -> bool:
    return numbering.ordinal in (None, 1) and not numbering.suffix


def _prepare(raw: str) -> str:
    """A line without the decoration of Markdown, the web page or a word processor."""
    line = raw.strip().replace("\t", " ")
    line = re.sub(r"^#{1,6}\s*", "", line)
    line = re.sub(r"^>\s?", "", line)
    line = line.replace("**", "").replace("__", "")
    line = _MD_ESCAPE.sub(r"\1", line)
    return re.sub(r" {2,}", " ", line).strip()


_LONGEST_WORD = 12  # a full wrapped line leaves less room than the next word needs


def _headings(lines: list[str]) -> list[tuple[int, re.Match[str]]]:
    """Lines that head an article: "Artikel 12" (with an optional title), standing after a
    blank line or a sentence end — not "artikel 1 van de Wet …" wrapped to a line start,
    nor "Artikel 13 is van overeenkomstige toepassing."."""
    found = []
    previous = ""
    for index, line in enumerate(lines):
        match = _HEADER.match(line)
        if match and (not previous or _SENTENCE_END.search(previous)):
            rest = match.group("rest") or ""
            if not rest or not rest[0].islower():
                found.append((index, match))
        previous = line
    return found


def _wrap_width(lines: list[str]) -> int:
    """The width of a text with hard line breaks (Word, PDF), or 0 when its lines are
    paragraphs (web page, Markdown): at least three long lines of nearly equal length."""
    lengths = sorted((len(line) for line in lines if line), reverse=True)
    if len(lengths) < 3 or not 40 <= lengths[0] <= 120:
        return 0
    width = lengths[0]
    near = sum(1 for n in lengths if n >= width - _LONGEST_WORD)
    return width if near >= 3 and near >= len(lengths) // 3 else 0


def _would_not_fit(previous: str, line: str, width: int) -> bool:
    """Whether the first word of ``line`` was too long for the end of ``previous``: then
    the line break came from wrapping, not from the author."""
    first = line.split(" ", 1)[0]
    return len(previous) + 1 + len(first) > width


def import_text(
    text: str, *, article: str | None = None, source: str = "<text>"
) -> tuple[Artikel, list[ImportWarning]]:
    """Read one article from pasted text. ``article`` picks it when the text holds
    several (or names it when the text has no heading). Raises :class:`WetdiffError`
    when the article is not there or the text holds control characters."""
    # A soft hyphen at the end of a line is a word break by definition: join the word.
    text = re.sub("\u00ad[ \t]*\r?\n[ \t]*", "", text)
    lines = clean_lines(text).split("\n")
    refuse_controls("\n".join(lines), source)
    prepared = [_prepare(line) for line in lines]
    headers = _headings(prepared)
    wanted = article.strip() if article else None
    if headers:
        chosen = None
        for index, candidate in headers:
            if wanted is None or candidate.group("nr").lower() == wanted.lower():
                chosen = (index, candidate)
                break
        if chosen is None:
            found = ", ".join(m.group("nr") for _, m in headers[:8])
            raise WetdiffError(
                f"there is no 'Artikel {wanted}' in this text (it has artikel {found})",
                file=source,
                hint="Pass the number of an article the text holds.",
            )
        start, heading = chosen
        following = [i for i, _ in headers if i > start]
        end = following[0] if following else len(prepared)
        number, title = heading.group("nr"), clean(heading.group("rest") or "")
        if wanted is not None:
            number = wanted
    else:
        if wanted is None:
            raise WetdiffError(
                "the text has no heading 'Artikel <nummer>'",
                file=source,
                line=1,
                hint="Pass --article NR to say which article it is.",
            )
        start, end, number, title = -1, len(prepared), wanted, ""
    reader = _PasteReader(source, number, title)
    if title and (
        NUMBER_PATTERN.match(title) or _BARE_LID.match(title) or title.endswith((".", ":", ";"))
    ):
        # "Artikel 1 1. Geen feit …" or "Artikel 2 De Nederlandse strafwet … maakt." on
        # one line: no title, the rest is the article's text
        reader.title = ""
        prepared[start] = title
        start -= 1
    width = _wrap_width(prepared[start + 1 : end])
    after_break = True
    previous = ""
    # wetten.overheid.nl copies may put each number on a line of its own ("1" / "Als
    # schuldig …" / "a." / "degene …"): a lone number is joined with the line after it.
    alone: tuple[str, int, bool] | None = None  # the number, its line, after a break
    joined = 0
    for index in range(start + 1, end):
        content = prepared[index]
        if not content:
            if alone is None:
                after_break, previous = True, ""
            continue
        if previous:
            # A sentence end is a break, unless the text is hard-wrapped and the line was
            # full (the next word did not fit): then the wrap fell after a full stop.
            after_break = bool(_SENTENCE_END.search(previous)) and not (
                width and _would_not_fit(previous, content, width)
            )
        if _WEB_CHROME.match(content):
            reader.warn("web", index + 1, f"web page line left out: {content[:60]!r}")
            after_break, previous = True, ""
            continue
        bullet = _BULLET.match(content)
        if bullet:
            rest = content[bullet.end() :]
            if NUMBER_PATTERN.match(rest) or _BARE_LID.match(rest):
                content = rest
            elif bullet.group("b") not in (DASH, EM_DASH):
                reader.warn(
                    "bullet",
                    index + 1,
                    f"bullet {bullet.group('b')!r} read as a dash item {DASH!r}",
                )
                content = f"{DASH} {rest}"
        lineno = index + 1
        if _LONE_NUMBER.fullmatch(content):
            if alone is not None:  # two numbers in a row: the first stands for itself
                reader.line(alone[0], alone[1], alone[2])
            alone = (content, lineno, after_break)
            after_break, previous = True, content
            continue
        if alone is not None:
            content, lineno, after_break = f"{alone[0]} {content}", alone[1], alone[2]
            alone = None
            joined += 1
        reader.line(content, lineno, after_break)
        previous = content
    if alone is not None:
        reader.line(alone[0], alone[1], alone[2])
    if joined:
        reader.warn(
            "layout",
            start + 2,
            f"{joined} number(s) of leden or onderdelen stood on a line of their own (as "
            "copied from wetten.overheid.nl) and were read with the line after them; "
            "check the result",
        )
    artikel = reader.finish()
    if not artikel.body:
        raise WetdiffError(
            f"artikel {number} has no text here", file=source, line=start + 2 if start >= 0 else 1
        )
    return artikel, reader.warnings
