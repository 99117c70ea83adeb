"""Edit one article of a proposal stage, in the app or in $EDITOR, and commit it with
a rationale: each step of a draft is a git commit that says why."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Label, TextArea

from wetdiff.errors import WetdiffError
from wetdiff.tui.data import ArticleDraft
from wetdiff.tui.screens.base import EditorScreen


class ArticleEditor(EditorScreen):
    """The canonical article text (one provision per line) in a TextArea."""

    CSS_PATH = "article_editor.tcss"
    BINDINGS = [
        Binding("ctrl+s", "commit", "Commit…"),
        Binding("ctrl+o", "external", "Open in $EDITOR"),
        Binding("escape", "close", "Close"),
    ]

    DISCARD = "Discard your edits to this article?"
    FAILED_TIMEOUT = 10.0

    @dataclass
    class Opened(Message, bubble=False):
        draft: ArticleDraft

    def __init__(self, spec: str | None, artikel: str, regeling: str = "") -> None:
        super().__init__()
        self.spec = spec or ""
        self.artikel = artikel
        self.regeling = regeling  # a further regeling the proposal amends (its BWB id)
        self.draft: ArticleDraft | None = None

    def compose(self) -> ComposeResult:
        yield Label(Content(f"Artikel {self.artikel} — loading…"), id="title")
        yield TextArea("", id="text", soft_wrap=True, read_only=True)
        yield Footer()

    def on_mount(self) -> None:
        self.open_draft()

    @work(thread=True, exclusive=True, group="article")
    def open_draft(self) -> None:
        try:
            draft = self.app.session.article_draft(self.spec, self.artikel, self.regeling)
        except WetdiffError as error:
            self.post_message(self.Failed(str(error), close=True))
            return
        self.post_message(self.Opened(draft))

    def on_article_editor_opened(self, message: Opened) -> None:
        self.draft = message.draft
        where = f"proposals/{self.draft.proposal}/{self.draft.stage}/{self.artikel}.txt"
        note = (
            ""
            if self.draft.expected is not None
            else "  (the stage does not change this article yet: saving adds it)"
        )
        self.query_one("#title", Label).update(
            Content(
                f"Artikel {self.artikel} in {self.draft.proposal}/{self.draft.stage} — {where}"
                + note
            )
        )
        text = self.query_one("#text", TextArea)
        text.load_text(self.draft.text)
        text.read_only = False
        text.focus()

    @property
    def text(self) -> str:
        return self.query_one("#text", TextArea).text

    @property
    def unsaved(self) -> str:
        if self.draft is None or self.saving or not self.is_mounted:
            return ""
        return (
            f"uncommitted edits to artikel {self.artikel}" if self.text != self.draft.text else ""
        )

    def action_external(self) -> None:
        """Edit in the lawyer's own editor; the app steps aside meanwhile."""
        if self.draft is None:
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        with tempfile.TemporaryDirectory(prefix="wetdiff-") as folder:
            path = Path(folder) / f"{self.artikel}.txt"
            path.write_text(self.text, encoding="utf-8")
            try:
                with self.app.suspend():
                    subprocess.run([*shlex.split(editor), str(path)], check=False)
            except SuspendNotSupported:
                self.notify(
                    "This terminal cannot hand over to $EDITOR (e.g. in a "
                    "browser); edit here instead.",
                    severity="warning",
                )
                return
            except OSError as error:
                self.notify(f"Could not run {editor}: {error.strerror}", severity="error")
                return
            edited = path.read_text(encoding="utf-8")
        self.query_one("#text", TextArea).load_text(edited)

    def action_commit(self) -> None:
        from wetdiff.model.text_format import parse
        from wetdiff.tui.screens.prompt import PromptScreen

        if self.draft is None:
            return
        if self.text == self.draft.text:
            self.notify("Nothing changed.", timeout=2)
            return
        try:
            parse(self.text, source=f"{self.artikel}.txt", strict=True)
        except WetdiffError as error:
            self.notify(str(error), title="Not a valid article text", severity="error", timeout=10)
            return

        def rationale(answer: str | None) -> None:
            if answer and answer.strip():
                self.saving = True
                self.commit(self.text, answer.strip())
            elif answer is not None:
                self.notify("A commit needs a rationale.", severity="warning")

        self.app.push_screen(
            PromptScreen(
                "Why this change? (the commit message: your rationale)",
                placeholder="e.g. Codify the non-punishment principle (MvT § 4.3)",
            ),
            rationale,
        )

    @work(thread=True, exclusive=True, group="commit")
    def commit(self, text: str, rationale: str) -> None:
        assert self.draft is not None
        try:
            sha = self.app.session.save_article(self.draft, text, rationale)
        except WetdiffError as error:
            self.post_message(self.Failed(str(error)))
            return
        self.post_message(self.Saved(sha))

    def saved(self, what: str) -> None:
        self.app.notify(f"Committed {what[:10]}.", timeout=4)
