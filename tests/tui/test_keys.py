"""Keys a reviewer reaches for (Tab, j/k, Enter in search), the footer at 80 columns,
dialogs that answer Enter, and messages that do not pile up."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, RadioSet
from tui_helpers import main_screen, notifications, screen_text, selected_key

from wetdiff.tui.screens.main import MainScreen
from wetdiff.tui.screens.search import SearchScreen
from wetdiff.tui.widgets.article_tree import ArticleTree
from wetdiff.tui.widgets.notes_panel import NotesPanel
from wetdiff.tui.widgets.side_by_side import SideBySide

NARROW = (80, 24)


def footer_line(app) -> str:  # type: ignore[no-untyped-def]
    return screen_text(app).splitlines()[-1]


def test_tab_moves_between_the_text_the_notes_and_the_tree(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        assert isinstance(app.focused, SideBySide)
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(type(app.focused).__name__)
        assert "ArticleTree" in seen and "SideBySide" in seen[1:]
        await pilot.press("shift+tab")
        assert app.focused is not None

    run_app(app_factory(), scenario)


def test_j_and_k_move_like_the_arrows(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        view = main_screen(app).view
        await pilot.press("j", "j", "j")
        assert view.scroll_y == 3
        await pilot.press("k")
        assert view.scroll_y == 2
        tree = app.screen.query_one(ArticleTree)
        tree.focus()
        await pilot.pause()
        line = tree.cursor_line
        await pilot.press("j")
        assert tree.cursor_line == line + 1
        await pilot.press("k")
        assert tree.cursor_line == line

    run_app(app_factory(), scenario, size=NARROW)


def test_footer_fits_80_columns_with_the_same_keys_whatever_has_focus(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        panel = app.screen.query_one(NotesPanel)
        scroll = panel if panel.can_focus else panel.query_one(VerticalScroll)
        footers = []
        for target in (app.screen.query_one("#view"), app.screen.query_one("#tree"), scroll):
            target.focus()
            await pilot.pause()
            footers.append(footer_line(app))
        assert len(set(footers)) == 1, footers
        footer = footers[0]
        for key in ("v Versions", "e Note", "? Help", "^q Quit", "n Next", "p Prev"):
            assert key in footer, footer
        assert app.screen.query_one(Footer).size.width == 80

    run_app(app_factory(), scenario, size=NARROW)


def test_enter_in_search_jumps_to_the_first_hit_wherever_the_focus_is(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        assert selected_key(app) == "273f/1"
        await pilot.press("slash")
        dialog = app.screen
        assert isinstance(dialog, SearchScreen)
        dialog.query_one(Input).value = "overeenkomstige"
        dialog.query_one(RadioSet).focus()  # after choosing which version to search
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert selected_key(app) == "273f/4"
        assert main_screen(app).view.cursor_visible()

    run_app(app_factory(), scenario, size=NARROW)


def test_the_same_message_twice_is_one_toast(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("g")
        for char in "273fa":
            await pilot.press(char)
        await pilot.press("enter")
        for _ in range(4):
            await pilot.press("n")  # the last change: "No further change." each time
        await pilot.pause()
        assert [n.message for n in notifications(app)].count("No further change.") == 4
        assert screen_text(app).count("No further change.") == 1  # one toast on screen

    run_app(app_factory(), scenario, toasts=True)
