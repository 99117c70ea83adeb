"""The wetdiff terminal app: small on purpose; screens and widgets do the work."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel

from wetdiff.errors import WetdiffError
from wetdiff.model.normalise import visible_controls
from wetdiff.tui.commands import WetdiffCommands
from wetdiff.tui.data import Session

if TYPE_CHECKING:
    from wetdiff.tui.screens.main import MainScreen


class WetdiffApp(App[None]):
    """Compare two versions of statute articles; read and write the reasons."""

    TITLE = "wetdiff"
    COMMANDS = App.COMMANDS | {WetdiffCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("q", "quit", "Quit", show=False),
        Binding("question_mark,f1", "help", "Help"),
    ]

    def __init__(
        self,
        session: Session,
        old_spec: str | None,
        new_spec: str | None,
        *,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.old_spec = old_spec
        self.new_spec = new_spec
        self.theme = theme or "textual-dark"

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: messages quote statute text, file names,
        versions and notes a lawyer typed, and ``[bold]`` in those must show as typed
        (and an escape character as ␛), never be read as markup. A message already on
        screen is replaced (its time starts again), never stacked."""
        del markup
        message, title = visible_controls(message), visible_controls(title)
        for shown in list(self._notifications):  # the same message again: one toast
            if (shown.message, shown.title, shown.severity) == (message, title, severity):
                self._unnotify(shown, refresh=False)
        super().notify(
            message,
            title=title,
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_load(self) -> None:
        """Start comparing as the app starts, while Textual sets up the screen: the main
        screen is made now and its worker (the one way a comparison is made) begins; its
        steps wait in the screen's queue until the screen is mounted."""
        # The screens reach the app's session through getters.app(WetdiffApp), so the
        # app imports them only when it opens them.
        from wetdiff.tui.screens.main import MainScreen

        self._main_screen = MainScreen(self.old_spec, self.new_spec)
        self._main_screen.load(self.old_spec, self.new_spec)

    def on_mount(self) -> None:
        # A save that has to wait for another wetdiff writing the workspace says so in a
        # toast (the command line's notice would write into the screen), and the screen
        # stays live meanwhile: saves run in worker threads.
        from wetdiff.store.lock import set_notice

        set_notice(self._waiting)

    def on_unmount(self) -> None:
        from wetdiff.store.lock import set_notice

        set_notice(None)

    def _waiting(self, message: str) -> None:
        try:
            self.call_from_thread(self.notify, message, title="Waiting", timeout=10)
        except RuntimeError:  # on the app's own thread (no save runs there today)
            self.notify(message, title="Waiting", timeout=10)

    def get_default_screen(self) -> MainScreen:
        return self._main_screen

    @property
    def main(self) -> MainScreen:
        from wetdiff.tui.screens.main import MainScreen

        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def unsaved_work(self) -> list[str]:
        """What would be lost by quitting now: every open editor with changes."""
        return [
            getattr(screen, "unsaved", "")
            for screen in self.screen_stack
            if getattr(screen, "unsaved", "")
        ]

    async def action_quit(self) -> None:
        from wetdiff.tui.screens.confirm import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return  # already asking
        unsaved = self.unsaved_work()
        if not unsaved:
            self.exit()
            return

        def answer(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        self.push_screen(
            ConfirmScreen(
                "Unsaved work: " + "; ".join(unsaved) + ".\nQuit and lose it?",
                yes="Quit, discard",
                no="Keep working",
            ),
            answer,
        )

    def action_help(self) -> None:
        from wetdiff.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def make_app(
    old: str | None = None,
    new: str | None = None,
    *,
    workspace: Path | None = None,
    theme: str | None = None,
) -> WetdiffApp:
    """The app on a workspace (the one around the current folder, else the worked
    example), comparing ``old`` with ``new`` (the workspace's defaults when omitted:
    for the worked example, the law in force against the 36 547 draft)."""
    app = WetdiffApp(Session(workspace), old, new)
    theme = theme or os.environ.get("WETDIFF_THEME")
    if theme:
        if theme not in app.available_themes:
            raise WetdiffError(
                f"unknown theme {theme!r}",
                hint="Themes: " + ", ".join(sorted(app.available_themes)) + ".",
            )
        app.theme = theme
    return app
