"""Blame one article: which version introduced each provision and each word, read
through renumberings (273a became 273f) — not git's line blame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from wetdiff.model.normalise import visible_controls
from wetdiff.tui.screens.base import LoadingDialog

if TYPE_CHECKING:
    from wetdiff.store.blame import Blame

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_STYLES = ("", "italic", "underline", "bold")


def _credit(text: str, origin: int) -> list[tuple[str, str] | str]:
    """One run of words with its origin's number right after its last word: the mark
    sits against the word it credits (``twaalf⁴ jaren``), never before the next one."""
    core = text.strip()
    if not core:
        return [text]
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    parts: list[tuple[str, str] | str] = []
    if lead:
        parts.append(lead)
    parts.append((visible_controls(core), _STYLES[origin % len(_STYLES)]))
    parts.append((str(origin).translate(_SUPERSCRIPT), "bold"))
    if trail:
        parts.append(trail)
    return parts


def blame_content(blame: Blame) -> Content:
    """Origins as a numbered legend, each with its date, act, how certain it is and what
    it did (its description); each provision with who introduced and changed it; every
    run of words followed by its origin's number (superscript), so the credit is
    readable without colour."""
    parts: list[Content | tuple[str, str] | str] = [("Versions\n", "bold underline")]
    for origin in blame.origins:
        date = origin.date.isoformat() if origin.date else "date: gap"
        parts.append((f"{str(origin.index).translate(_SUPERSCRIPT)} {origin.index}. ", "bold"))
        number = f" (artikel {origin.number})" if origin.number != blame.number else ""
        certainty = f"  [{origin.certainty}]" if origin.certainty else ""
        parts.append(
            f"{date}  {visible_controls(origin.label)}{visible_controls(number)}  "
            f"{visible_controls(origin.act)}{visible_controls(certainty)}\n"
        )
        if origin.note:
            parts.append((f"      {visible_controls(' '.join(origin.note.split()))}\n", "italic"))
    parts.append(("\nProvisions\n", "bold underline"))
    labels = {o.index: o.label for o in blame.origins}
    for item in blame.provisions:
        provision = item.provision
        parts.append((f"\n{provision.locatie.key}", "bold"))
        if item.moved_from:  # its history before is the other article's
            came = f"moved here by {labels.get(item.introduced, '?')} from {item.moved_from}"
            parts.append(f"  {visible_controls(came)}")
        else:
            parts.append(f"  introduced by {labels.get(item.introduced, '?')}")
        if item.changed:
            parts.append(f"; last changed by {labels.get(item.last, '?')}")
        parts.append("\n  ")
        for span in item.spans:
            parts.extend(_credit(span.text, span.origin))
        parts.append("\n")
    return Content.assemble(*parts)


class BlameScreen(LoadingDialog[None, "Blame"]):
    CSS_PATH = "blame.tcss"

    def __init__(self, spec: str | None, artikel: str) -> None:
        super().__init__()
        self.spec = spec
        self.artikel = artikel

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(
                Content(f"Blame: artikel {self.artikel} in {self.spec or 'law'}"), id="title"
            )
            with VerticalScroll(id="body"):
                yield Static(Content("Walking the article's history…"), id="blame")

    def fetch(self) -> Blame:
        return self.app.session.blame(self.spec, self.artikel)

    def show(self, content: Blame) -> None:
        self.query_one("#blame", Static).update(blame_content(content))
        self.query_one("#body").focus()

    def show_error(self, error: str) -> None:
        self.query_one("#blame", Static).update(Content(error))
        self.query_one("#body").focus()
