"""The shapes several screens share: a dialog that reads something in a thread and then
shows it (blame, history, amendments), and an editor that saves in a thread and asks
before it drops unsaved work (article text, note)."""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import Generic, TypeVar

from textual import getters, work
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen, Screen

from wetdiff.errors import WetdiffError
from wetdiff.tui.app import WetdiffApp

ResultT = TypeVar("ResultT")
LoadedT = TypeVar("LoadedT")
ContentT = TypeVar("ContentT")


class LoadingDialog(ModalScreen[ResultT], Generic[ResultT, LoadedT]):
    """Reads its content off the event loop (:meth:`fetch`, in a thread) when it opens,
    then shows it (:meth:`show`) or the error (:meth:`show_error`). ``BUSY``: the widget
    (a selector) that shows it is loading meanwhile. Escape closes it with no result."""

    app = getters.app(WetdiffApp)
    BINDINGS = [Binding("escape", "close", "Close")]
    BUSY = ""

    @dataclass
    class Loaded(Message, Generic[ContentT], bubble=False):
        content: ContentT | None
        error: str = ""

    def on_mount(self) -> None:
        if self.BUSY:
            self.query_one(self.BUSY).loading = True
        self.load()

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        try:
            content = self.fetch()
        except WetdiffError as error:
            self.post_message(self.Loaded(None, str(error)))
            return
        self.post_message(self.Loaded(content))

    def on_loading_dialog_loaded(self, message: Loaded[LoadedT]) -> None:
        if self.BUSY:
            self.query_one(self.BUSY).loading = False
        if message.content is None:
            self.show_error(message.error)
        else:
            self.show(message.content)

    # The hooks each dialog writes (mypy refuses a dialog that lacks one).

    @abstractmethod
    def fetch(self) -> LoadedT:
        """What the dialog shows; runs in a worker thread. Raises :class:`WetdiffError`."""

    @abstractmethod
    def show(self, content: LoadedT) -> None:
        """Lay out what :meth:`fetch` read."""

    @abstractmethod
    def show_error(self, error: str) -> None:
        """Say, in the dialog, why there is nothing to show."""

    def action_close(self) -> None:
        self.dismiss()


class EditorScreen(Screen[bool]):
    """An editor that saves in a worker (:meth:`saved` when done, ``Failed`` when not)
    and, on Escape, closes at once when nothing is unsaved, else asks ``DISCARD`` first.
    Dismissed with True once saved."""

    app = getters.app(WetdiffApp)
    DISCARD = "Discard your edits?"
    FAILED_TIMEOUT = 8.0

    @dataclass
    class Saved(Message, bubble=False):
        what: str  # the commit, or the file written

    @dataclass
    class Failed(Message, bubble=False):
        error: str
        close: bool = False  # the editor cannot go on (e.g. the text could not be read)

    def __init__(self) -> None:
        super().__init__()
        self.saving = False

    # The hooks each editor writes (mypy refuses an editor that lacks one).

    @property
    @abstractmethod
    def unsaved(self) -> str:
        """What would be lost on closing now (in words), or ""."""

    @abstractmethod
    def saved(self, what: str) -> None:
        """Tell the lawyer what was saved."""

    def on_editor_screen_saved(self, message: Saved) -> None:
        self.saved(message.what)
        self.dismiss(True)

    def on_editor_screen_failed(self, message: Failed) -> None:
        self.saving = False
        self.app.notify(
            message.error, title="Not saved", severity="error", timeout=self.FAILED_TIMEOUT
        )
        if message.close:
            self.dismiss(False)

    def action_close(self) -> None:
        from wetdiff.tui.screens.confirm import close_editor

        close_editor(self, self.unsaved, self.DISCARD)
