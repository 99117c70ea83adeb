"""The main screen: two versions side by side, the tree of articles, and the notes.

What a lawyer opens: the header says what is compared (with dates, and the label of an
illustrative draft), the tree lists articles and provisions with change markers, the
side-by-side view shows the texts aligned with word marks, and the notes panel says why
the selected change is there and which questions it answers.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Tree
from textual.worker import Worker, get_current_worker

from wetdiff.diff import Change
from wetdiff.diff.shown import Shown
from wetdiff.errors import WetdiffError
from wetdiff.tui.app import WetdiffApp
from wetdiff.tui.data import SHOWN_TIMEOUT, Comparison, ComparisonHeading
from wetdiff.tui.layout import DiffDocument, Mode, QuerySide
from wetdiff.tui.widgets.article_tree import ArticleTree
from wetdiff.tui.widgets.notes_panel import ChangeNotes, NotesPanel
from wetdiff.tui.widgets.side_by_side import Place, SideBySide
from wetdiff.tui.widgets.status_line import StatusLine
from wetdiff.tui.widgets.versions_header import VersionsHeader

#: Seconds the first frame waits for the first comparison step before it says
#: "Comparing…" (the worked example's comparison is ready well within it).
FIRST_FRAME_WAIT = 0.1


class MainScreen(Screen[None]):
    """Compare two versions."""

    app = getters.app(WetdiffApp)

    # DEFAULT_CSS, not CSS_PATH: Textual reads no CSS file for the app's default screen.
    DEFAULT_CSS = """
    MainScreen {
        layout: vertical;
        & #body { height: 1fr; }
        & #tree { width: 24%; min-width: 16; max-width: 34; }
        & #reading { width: 1fr; }
        & #view { height: 1fr; }
        & #notes { height: 35%; min-height: 6; max-height: 16; }
    }
    """
    AUTO_FOCUS = "#view"
    # The footer shows the keys a reviewer needs first and fits 80 columns (with the
    # app's help and quit); every other key is in help (?) and the palette (ctrl+p). The
    # widgets bind no labelled keys of their own, so the footer reads the same whatever
    # has focus. Tab and shift+tab are the app's: between the tree, the text and the notes.
    BINDINGS = [
        Binding("n", "next_change", "Next"),
        Binding("p", "previous_change", "Prev"),
        Binding("g", "jump", "Jump", show=False),
        Binding("f", "toggle_filter", "Changed only", show=False),
        Binding("slash", "search", "Search"),
        Binding("full_stop", "next_match", "Next hit", show=False),
        Binding("comma", "previous_match", "Prev hit", show=False),
        Binding("r", "toggle_renvooi", "Renvooi", show=False),
        Binding("s", "swap", "Swap", show=False),
        Binding("v", "pick_versions", "Versions"),
        Binding("l", "history", "Log", show=False),
        Binding("b", "blame", "Blame", show=False),
        Binding("e", "edit_note", "Note"),
        Binding("t", "edit_text", "Edit text", show=False),
        Binding("m", "memo", "Memo", show=False),
        Binding("c", "resolve_comment", "Resolve comment", show=False),
        Binding("a", "conflicts", "Amendments", show=False),
        Binding("x", "consequences", "Citations", show=False),
        Binding("o", "other_regeling", "Other regeling", show=False),
    ]

    class Loaded(Message):
        """A step of loading a comparison (posted from the worker thread): a whole code's
        headings (a :class:`ComparisonHeading`) and provisional first step
        (``comparison.is_provisional``), the whole comparison, and then its notes."""

        bubble = False

        def __init__(
            self, comparison: Comparison | ComparisonHeading, worker: Worker[None] | None = None
        ) -> None:
            super().__init__()
            self.comparison = comparison
            self.worker = worker
            self.shown = threading.Event()  # set once the screen has shown it

    @dataclass
    class MemoWritten(Message):
        bubble = False

        summary: str
        error: bool = False

    @dataclass
    class LoadFailed(Message):
        bubble = False

        error: str

    def __init__(self, old_spec: str | None, new_spec: str | None) -> None:
        super().__init__()
        self.old_spec = old_spec
        self.new_spec = new_spec
        self.comparison: Comparison | None = None
        self.part = 0  # a proposal of several regelingen: which one is shown (ARTIKEL I: 0)
        self.mode: Mode = "side"
        self.changed_only = False
        self.swapped = False
        self.query_text = ""
        self.query_side: QuerySide = "both"
        self.ready = False
        self.comparing = ""  # what is being compared to replace what is shown
        self._first_step = threading.Event()  # the worker has posted a comparison

    def compose(self) -> ComposeResult:
        yield VersionsHeader(id="versions")
        with Horizontal(id="body"):
            yield ArticleTree(id="tree")
            with Vertical(id="reading"):
                yield StatusLine(id="status")
                yield SideBySide(id="view")
                yield NotesPanel(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        # The first comparison started as the app did (WetdiffApp.on_load); its steps
        # are handled from now on, as they come. A step due within moments is waited
        # for (the worker has the interpreter meanwhile), so the first frame shows it
        # rather than "Comparing…" drawn once and at once drawn again.
        self._first_step.wait(timeout=FIRST_FRAME_WAIT)
        if self.comparison is None:
            self.view.busy("Comparing…")

    @property
    def view(self) -> SideBySide:
        return self.query_one("#view", SideBySide)

    # loading

    @work(thread=True, exclusive=True, group="compare")
    def load(self, old_spec: str | None, new_spec: str | None) -> None:
        """The one way a comparison is made (the first, other versions, a reload): in a
        thread, as git reads and a whole code's diff would block the screen. Each step is
        posted as it is ready: a whole code's headings and then its opening articles
        (provisional), the text of the comparison, and, once that is on screen, its notes."""
        worker = get_current_worker()
        session = self.app.session

        def provide(step: Comparison | ComparisonHeading) -> None:
            if worker.is_cancelled:
                return
            message = self.Loaded(step, worker)
            self.post_message(message)
            if isinstance(step, Comparison):  # (a whole code's headings: not worth a frame)
                self._first_step.set()
            if isinstance(step, Comparison) and (step.is_provisional or step.notes_pending):
                # What comes next (the whole code's alignment, reading and anchoring the
                # notes) would take the UI thread's turns while it draws this: wait.
                message.shown.wait(timeout=SHOWN_TIMEOUT)

        try:
            comparison = session.compare_text(old_spec, new_spec, provide, part=self.part)
            if comparison.notes_pending:
                provide(comparison)
                comparison = session.with_notes(comparison)
        except WetdiffError as error:
            if not worker.is_cancelled:
                self.post_message(self.LoadFailed(str(error)))
            self._first_step.set()
            return
        provide(comparison)

    def on_main_screen_loaded(self, message: Loaded) -> None:
        cancelled = message.worker is not None and message.worker.is_cancelled
        step = message.comparison
        if cancelled:  # other versions were asked for meanwhile
            pass
        elif isinstance(step, ComparisonHeading):
            self.show_heading(step)
        elif step is not self.comparison:
            self.show_loaded(step)
        self.call_after_refresh(message.shown.set)

    def show_heading(self, heading: ComparisonHeading) -> None:
        """A whole code: its versions in the header at once, while its texts are read."""
        self.query_one(VersionsHeader).show(
            heading.old, heading.new, swapped=self.swapped, loading=heading.articles
        )
        if self.comparison is None:
            self.view.busy(f"Comparing the whole code ({heading.articles} articles)…")

    def show_loaded(self, comparison: Comparison) -> None:
        previous = self.comparison
        if previous is not None and previous.changeset is comparison.changeset:
            self.comparison = comparison  # the same text, now with its notes
            self.show_notes(self.view.cursor)
            self.ready = True
            self.notify_orphans()
            return
        # Where the lawyer was reading stays in view: in the whole comparison replacing a
        # provisional one, after a reload, and in other versions when the article is there.
        place = self.view.place() if previous is not None else None
        self.comparing = ""
        self.comparison = comparison
        self.old_spec = comparison.old_spec
        self.new_spec = comparison.new_spec
        self.rebuild(tree=True, place=place)
        self.ready = not comparison.is_provisional and not comparison.notes_pending
        self.notify_orphans()

    def notify_orphans(self) -> None:
        orphans = self.comparison.orphans if self.comparison is not None else ()
        if orphans:
            names = ", ".join(note.id for note in orphans[:5])
            self.notify(
                f"{len(orphans)} note(s) no longer match the text they explained "
                f"(orphaned): {names}. 'wetdiff check' lists them.",
                severity="warning",
                timeout=10,
            )

    def on_main_screen_load_failed(self, message: LoadFailed) -> None:
        self.show_failure(message.error)

    def show_failure(self, error: str) -> None:
        """Say why versions cannot be compared; the comparison shown before (if any)
        stays on screen as it was, and every key keeps working on it."""
        self.notify(error, title="Cannot compare", severity="error", timeout=10)
        self.comparing = ""
        self.view.busy("")
        self.show_status()
        if self.comparison is None:
            self.query_one(NotesPanel).show_message(
                f"Cannot compare: {error}\nPress v to pick two versions."
            )
        self.ready = True

    def rebuild(self, *, tree: bool = False, place: Place | None = None) -> None:
        """Show the comparison as the lawyer asked (mode, filter, sides, search);
        ``place`` (from :meth:`SideBySide.place`) is where the lawyer was reading, in
        this comparison or the one it replaces."""
        if self.comparison is None:
            return
        document = DiffDocument(
            self.comparison.shown,
            mode=self.mode,
            changed_only=self.changed_only,
            swapped=self.swapped,
            query=self.query_text,
            query_side=self.query_side,
        )
        self.query_one(VersionsHeader).show(
            self.comparison.old,
            self.comparison.new,
            swapped=self.swapped,
            provisional=self.comparison.provisional,
            articles=self.comparison.articles,
        )
        self.view.show(document, place=place)
        if tree:
            self.query_one(ArticleTree).show(document)
        self.show_notes(self.view.cursor)
        self.follow_in_tree()
        self.show_status()

    def modes(self) -> list[str]:
        """The modes that are on, in words, for the status line."""
        modes = [self.comparing] if self.comparing else []
        comparison = self.comparison
        if comparison is not None and len(comparison.regelingen) > 1:
            name = comparison.regelingen[comparison.part]
            numerals = comparison.numerals
            numeral = numerals[comparison.part] if comparison.part < len(numerals) else ""
            what = f"ARTIKEL {numeral}: {name}" if numeral else f"{name}: unchanged, no ARTIKEL"
            modes.append(f"{what} (o: next regeling)")
        if self.changed_only:
            modes.append("changed only")
        if self.mode == "renvooi":
            modes.append("renvooi")
        if self.swapped:
            modes.append("swapped")
        if self.query_text:
            found = self.view.match_count
            side = {"old": " in A", "new": " in B"}.get(self.query_side, "")
            modes.append(f"“{self.query_text}”{side}: {found} hit{'s' * (found != 1)}")
        return modes

    def show_status(self) -> None:
        """The status line: the provision at the top of the text, the selected change's
        place among the changes, the modes that are on."""
        view = self.view
        comparison = self.comparison
        if comparison is None:
            return
        where = ""
        top = view.top_block()
        if top >= 0:
            block = view.document.blocks[top]
            if block.change < 0:
                where = f"Artikel {block.artikel}"
            else:
                provision = view.document.changes[block.change].provision
                where = provision.locatie.in_words(capital=True)
        self.query_one(StatusLine).show(
            where,
            view.rank(view.cursor),
            view.changed_count,
            self.modes(),
            so_far=comparison.is_provisional,
        )

    def follow_in_tree(self) -> None:
        """The tree's cursor on the selected change while it is on screen, else on the
        article at the top of the text."""
        view = self.view
        document = view.document
        if view.cursor >= 0 and view.cursor_visible():
            change = view.cursor
        else:
            top = view.top_block()
            if top < 0:
                return
            change = document.blocks[top].change
            if change < 0:
                self.query_one(ArticleTree).follow(-1, document.blocks[top].artikel)
                return
        self.query_one(ArticleTree).follow(
            change, document.changes[change].provision.locatie.artikel
        )

    def show_notes(self, index: int) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        units = comparison.shown
        unit = units[index] if 0 <= index < len(units) else None
        self.query_one(NotesPanel).show(
            ChangeNotes(
                unit,
                comparison.notes_of_unit(index),
                comparison.questions,
                pending=comparison.notes_pending,
                comments=comparison.comments_of_shown(unit) if unit is not None else (),
            )
        )

    @property
    def selected_unit(self) -> Shown | None:
        """What is selected: one change, or all parts of a split or merger."""
        if self.comparison is None or not 0 <= self.view.cursor < len(self.comparison.shown):
            return None
        return self.comparison.shown[self.view.cursor]

    @property
    def selected_change(self) -> Change | None:
        """The change a note on the selection is written on: the part that has the
        selection's note, else its first part (a merger's notes show on the whole)."""
        unit = self.selected_unit
        if unit is None or self.comparison is None:
            return None
        notes = self.comparison.notes_of_shown(unit)
        if notes:
            owner = next(
                (c for c in unit.changes if notes[0] in self.comparison.notes.get(c.id, ())), None
            )
            if owner is not None:
                return owner
        return unit.changes[0]

    # events

    @on(SideBySide.ChangeSelected)
    def _change_selected(self, message: SideBySide.ChangeSelected) -> None:
        self.show_notes(message.change)
        if self.comparison is None:
            return
        self.follow_in_tree()
        self.show_status()

    @on(SideBySide.TopChanged)
    def _top_changed(self) -> None:
        if self.comparison is None:
            return
        self.follow_in_tree()
        self.show_status()

    @on(Tree.NodeSelected)
    def _node_selected(self, event: Tree.NodeSelected[tuple[str, Any]]) -> None:
        data = event.node.data
        if not data:
            return
        if data[0] == "artikel":
            self.view.scroll_to_artikel(data[1])
        elif data[0] == "change":
            self.view.select(data[1])

    # actions

    def action_next_change(self) -> None:
        self.view.action_next_change()

    def action_previous_change(self) -> None:
        self.view.action_previous_change()

    def action_toggle_filter(self) -> None:
        self.changed_only = not self.changed_only
        self.rebuild(tree=True, place=self.view.place())

    def action_toggle_renvooi(self) -> None:
        self.mode = "renvooi" if self.mode == "side" else "side"
        self.rebuild(place=self.view.place())

    def action_swap(self) -> None:
        self.swapped = not self.swapped
        self.rebuild(place=self.view.place())

    def action_jump(self) -> None:
        from wetdiff.tui.screens.prompt import PromptScreen

        if self.comparison is None:
            return
        artikelen = self.view.document.artikelen()

        def jump(answer: str | None) -> None:
            if not answer:
                return
            number = answer.strip().removeprefix("artikel").removeprefix("Artikel").strip()
            if not self.view.scroll_to_artikel(number):
                comparison = self.comparison
                if comparison is not None and comparison.is_provisional:
                    self.notify(f"Article {number} is not compared yet; a moment, please.")
                else:
                    self.notify(f"No article {number} in this comparison.", severity="warning")
            else:
                self.view.focus()

        self.app.push_screen(
            PromptScreen("Jump to article", placeholder="273f", suggestions=artikelen), jump
        )

    def action_search(self) -> None:
        from wetdiff.tui.screens.search import SearchScreen

        def search(answer: tuple[str, QuerySide] | None) -> None:
            if answer is None:
                return
            self.query_text, self.query_side = answer
            found = self.view.search(*answer)
            self.show_status()
            if answer[0] and not found:
                self.notify(f"No provision contains “{answer[0]}”.", timeout=3)

        self.app.push_screen(SearchScreen(self.query_text, self.query_side), search)

    def action_next_match(self) -> None:
        if not self.view.next_match(True):
            self.notify("No further hit.", timeout=2)

    def action_previous_match(self) -> None:
        if not self.view.next_match(False):
            self.notify("No earlier hit.", timeout=2)

    def action_pick_versions(self) -> None:
        from wetdiff.tui.screens.versions import VersionsScreen

        def picked(answer: tuple[str, str] | None) -> None:
            if answer is not None:
                self.compare_other(*answer)

        self.app.push_screen(VersionsScreen(self.old_spec, self.new_spec), picked)

    def current_artikel(self) -> str | None:
        change = self.selected_change
        if change is None:
            return None
        return change.provision.locatie.artikel

    def action_history(self) -> None:
        from wetdiff.tui.screens.history import HistoryScreen

        artikel = self.current_artikel()
        if artikel is None:
            return

        def compare(pair: tuple[str, str] | None) -> None:
            if pair is not None:
                self.compare_other(*pair)

        self.app.push_screen(HistoryScreen(artikel), compare)

    def action_blame(self) -> None:
        from wetdiff.tui.screens.blame import BlameScreen

        artikel = self.current_artikel()
        if artikel is not None:
            self.app.push_screen(BlameScreen(self.new_spec, artikel))

    def still_comparing(self) -> bool:
        """Whether only a provisional comparison is shown (and says so if it is): a note
        anchored, or a memo written, on it could describe a move as an insertion."""
        if self.comparison is not None and self.comparison.is_provisional:
            self.notify("Still comparing the whole code; a moment, please.", timeout=3)
            return True
        if self.comparison is not None and self.comparison.notes_pending:
            self.notify("Still reading the notes; a moment, please.", timeout=3)
            return True
        return False

    def action_edit_note(self) -> None:
        from wetdiff.tui.screens.note_editor import NoteEditor

        change = self.selected_change
        if change is None or self.comparison is None or self.still_comparing():
            return
        notes = self.comparison.notes_of_unit(self.view.cursor)

        def saved(result: bool | None) -> None:
            if result:
                self.reload()

        self.app.push_screen(
            NoteEditor(self.comparison, change, notes[0] if notes else None), saved
        )

    def action_edit_text(self) -> None:
        from wetdiff.tui.screens.article_editor import ArticleEditor

        artikel = self.current_artikel()
        if artikel is None:
            return

        def done(committed: bool | None) -> None:
            if committed:
                self.reload()

        regeling = self.comparison.regeling if self.comparison is not None else ""
        self.app.push_screen(ArticleEditor(self.new_spec, artikel, regeling), done)

    def action_resolve_comment(self) -> None:
        """Resolve the first open review comment on the selected change (asking first),
        and commit that, as 'wetdiff note resolve' does."""
        from wetdiff.tui.screens.confirm import ConfirmScreen

        comparison, unit = self.comparison, self.selected_unit
        if comparison is None or unit is None:
            return
        comments = comparison.comments_of_shown(unit)
        if not comments:
            self.notify("No open review comment on this change.", timeout=3)
            return
        comment = comments[0]
        words = " ".join(comment.rationale.split())
        if len(words) > 200:
            words = words[:200] + "…"

        def answered(yes: bool | None) -> None:
            if yes:
                self.resolve_comment(comparison.proposal, comment.id)

        self.app.push_screen(
            ConfirmScreen(
                f"Resolve the review comment of {comment.author or 'gap'}?\n\n{words}",
                yes="Resolve",
                no="Keep it open",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="review")
    def resolve_comment(self, proposal: str, note_id: str) -> None:
        try:
            sha = self.app.session.resolve_comment(proposal, note_id)
        except WetdiffError as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Not resolved", severity="error", timeout=10
            )
            return
        self.app.call_from_thread(
            self.notify, f"Review comment {note_id} resolved (commit {sha[:10]}).", timeout=5
        )
        self.app.call_from_thread(self.reload)

    def action_conflicts(self) -> None:
        """Which amendments of the stage shown can be adopted together; choosing a pair
        that can compares the stage with both adopted."""
        from wetdiff.tui.screens.conflicts import ConflictsScreen

        comparison = self.comparison
        if comparison is None or not comparison.proposal:
            self.notify("Amendments belong to a proposal, and neither version is one.")
            return
        version = comparison.new if comparison.new.proposal else comparison.old
        stage = version.stage.partition("+")[0]

        def picked(pair: tuple[str, str] | None) -> None:
            if pair is not None:
                self.compare_other(*pair)

        self.app.push_screen(ConflictsScreen(f"{comparison.proposal}/{stage}"), picked)

    def action_consequences(self) -> None:
        """The citations the changes leave pointing at an old number (here and in the
        workspace's other regelingen), with their consequential instructions."""
        from wetdiff.tui.screens.consequences import ConsequencesScreen

        if self.comparison is None or self.still_comparing():
            return
        self.app.push_screen(ConsequencesScreen(self.comparison.consequences))

    def action_memo(self) -> None:
        """Write the change memo of the two versions shown (asking first before a file
        is overwritten; the message names the full path written)."""
        from pathlib import Path

        from wetdiff.tui.screens.confirm import ConfirmScreen
        from wetdiff.tui.screens.prompt import PromptScreen

        comparison = self.comparison
        if comparison is None or self.still_comparing():
            return

        def slug(spec: str) -> str:
            return "".join(c if c.isalnum() or c in "-@." else "-" for c in spec)

        default = f"memo-{slug(comparison.old_spec)}-{slug(comparison.new_spec)}.docx"

        def write(path: Path) -> None:
            self.notify(f"Writing the memo to {path}…", timeout=3)
            self.write_memo(comparison, path)

        def answered(answer: str | None) -> None:
            if not answer or not answer.strip():
                return
            path = Path(answer.strip()).expanduser().absolute()
            if not path.exists():
                write(path)
                return

            def overwrite(yes: bool | None) -> None:
                if yes:
                    write(path)

            self.app.push_screen(
                ConfirmScreen(
                    f"{path} exists already.\nOverwrite it with this memo?",
                    yes="Overwrite",
                    no="Keep it",
                ),
                overwrite,
            )

        self.app.push_screen(
            PromptScreen("Write the memo to (.docx, .html or .md):", value=default), answered
        )

    @work(thread=True, exclusive=True, group="memo")
    def write_memo(self, comparison: Comparison, path: Path) -> None:
        try:
            summary = self.app.session.write_memo(comparison, path)
        except WetdiffError as error:
            self.post_message(self.MemoWritten(str(error), error=True))
            return
        self.post_message(self.MemoWritten(summary))

    def on_main_screen_memo_written(self, message: MemoWritten) -> None:
        if message.error:
            self.notify(message.summary, title="Memo not written", severity="error", timeout=10)
        else:
            self.notify(message.summary, title="Memo written", timeout=6)

    def compare_other(self, old_spec: str, new_spec: str) -> None:
        """Compare other versions; the comparison shown stays on screen (the status line
        says what is being compared) until the new one replaces it, or, if they cannot
        be compared, for good."""
        self.ready = False
        self.part = 0
        self.comparing = f"comparing {old_spec} with {new_spec}…"
        self.show_status()
        self.load(old_spec, new_spec)

    def action_other_regeling(self) -> None:
        """A proposal that amends several regelingen: show the next one's comparison
        (ARTIKEL I, II, …, and round again)."""
        comparison = self.comparison
        if comparison is None or len(comparison.regelingen) < 2:
            self.notify("This comparison holds one regeling.", timeout=3)
            return
        self.part = (comparison.part + 1) % len(comparison.regelingen)
        self.ready = False
        self.comparing = f"comparing {comparison.regelingen[self.part]}…"
        self.show_status()
        self.load(self.old_spec, self.new_spec)

    def reload(self) -> None:
        self.ready = False
        self.load(self.old_spec, self.new_spec)
