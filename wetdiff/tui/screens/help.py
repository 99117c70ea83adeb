"""Help: every key, what the markers mean, and where the command palette is."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from wetdiff.diff.kinds import TABLE

KEYS: tuple[tuple[str, str], ...] = (
    ("n / p", "next / previous change (scrolled away from the selection: from the screen's top)"),
    ("g", "jump to an article"),
    ("f", "show changed provisions only (again: all)"),
    ("/", "search in version A, B or both; . and , go to the next / previous hit"),
    (
        "r",
        "renvooi view (one column: deletions struck, insertions underlined); again: side by side",
    ),
    ("s", "swap sides (B on the left)"),
    ("v", "pick the two versions: the law on any date, a proposal's stages, git revisions"),
    ("l", "history (log) of the selected article"),
    ("b", "blame: who last changed each provision, when and why"),
    ("e", "write or edit the note of the selected change (rationale, citations, questions)"),
    ("t", "edit the selected article's text in the proposal, and commit it with a rationale"),
    ("m", "write the change memo of the two versions shown (.docx, .html or .md)"),
    ("a", "amendments on the stage: which conflict, where; Enter compares a pair adopted"),
    (
        "x",
        "citations to update: provisions (here and in other regelingen) still citing an old "
        "number, with the consequential instruction or the question to decide",
    ),
    ("o", "a proposal of several regelingen: the next one (ARTIKEL II, …; t edits its text)"),
    ("c", "resolve the first open review comment on the selected change"),
    ("ctrl+p", "command palette: every action, searchable"),
    ("↑ ↓ / j k", "scroll the text (in the tree: move up and down)"),
    ("PgUp PgDn", "scroll a page; Home and End: to the start, the end"),
    ("mouse", "scroll; click a provision or tree entry to select it"),
    ("tab", "move between the text, the notes and the tree (shift+tab: back)"),
    ("? / F1", "this help"),
    ("q / ctrl+q", "quit (asks first when there is unsaved work)"),
)

MARKERS: tuple[tuple[str, str], ...] = (
    *((info.symbol, info.meaning) for info in TABLE[:-1]),
    ("[-…-]", "words deleted (struck through, red where colour is available)"),
    ("{+…+}", "words inserted (underlined, green where colour is available)"),
    ("▸", "the selected change"),
)


def help_content() -> Content:
    parts: list[Content | tuple[str, str] | str] = [("Keys\n", "bold underline")]
    for key, what in KEYS:
        parts.extend([(f"  {key:<12}", "bold"), f" {what}\n"])
    parts.append(("\nMarkers (never colour alone)\n", "bold underline"))
    for key, what in MARKERS:
        parts.extend([(f"  {key:<12}", "bold"), f" {what}\n"])
    parts.append("\nEscape closes this help.")
    return Content.assemble(*parts)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close")]
    AUTO_FOCUS = "#dialog"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(help_content())

    def action_close(self) -> None:
        self.dismiss(None)
