"""A note's rationale, written in Markdown, as blocks the memo renderers lay out.

A rationale is the lawyer's own words, and lawyers write them in Markdown (``**niet**``,
lists of reasons). It is parsed once with markdown-it-py (CommonMark, raw HTML off, so
``<script>`` stays text) into paragraphs and list items of styled runs; each renderer
lays those out in its own terms: Markdown (re-escaped, so only the parsed emphasis and
lists come out as markup), HTML (markdown-it's own renderer, which escapes all text and
refuses ``javascript:`` links) and Word (paragraphs with bold and italic runs, list
styles). Statute text never goes through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it is loaded when a rationale is first read (a memo of
    # files on disk has none: ~20 ms saved at its start)
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one look. ``link`` is a web address the words link to."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str = ""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph (``item`` False) or list item: its runs, its list depth (0 for a
    paragraph, 1 for a top-level item) and its number in an ordered list (0: bullet)."""

    runs: tuple[Run, ...]
    item: bool = False
    level: int = 0
    number: int = 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def to_html(markdown: str) -> str:
    """The rationale as HTML: all text escaped, raw HTML shown as text, links only to
    safe addresses (markdown-it refuses ``javascript:`` and the like)."""
    return _parser().render(markdown)


def _runs(inline: Token) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    link = ""
    for child in inline.children or ():
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            link = href if href.startswith(("http://", "https://", "mailto:")) else ""
        elif kind == "link_close":
            link = ""
        elif kind in ("text", "html_inline"):
            runs.append(Run(child.content, bold > 0, italic > 0, False, link))
        elif kind == "code_inline":
            runs.append(Run(child.content, bold > 0, italic > 0, True, link))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" " if kind == "softbreak" else "\n", bold > 0, italic > 0))
        elif kind == "image":
            runs.append(Run(child.content, bold > 0, italic > 0))
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].code, merged[-1].link) == (
            run.bold,
            run.italic,
            run.code,
            run.link,
        ):
            previous = merged[-1]
            merged[-1] = Run(previous.text + run.text, run.bold, run.italic, run.code, run.link)
        elif run.text:
            merged.append(run)
    return merged


def parse(markdown: str) -> tuple[Paragraph, ...]:
    """The blocks of a rationale: paragraphs, list items (with their depth and number),
    headings as bold paragraphs, code blocks as code paragraphs."""
    blocks: list[Paragraph] = []
    lists: list[list[int]] = []  # per open list: [ordered?, next number]
    item_open = False
    heading = False
    for token in _parser().parse(markdown):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1) or 1)
            lists.append([1 if kind == "ordered_list_open" else 0, start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_open = True
        elif kind == "list_item_close":
            item_open = False
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "inline":
            runs = _runs(token)
            if heading:
                runs = [Run(r.text, True, r.italic, r.code, r.link) for r in runs]
            if item_open and lists:
                ordered, number = lists[-1]
                blocks.append(Paragraph(tuple(runs), True, len(lists), number if ordered else 0))
                lists[-1][1] += 1
                item_open = False
            else:
                blocks.append(Paragraph(tuple(runs)))
        elif kind in ("fence", "code_block"):
            blocks.append(Paragraph((Run(token.content.rstrip("\n"), code=True),)))
    return tuple(b for b in blocks if b.runs)
