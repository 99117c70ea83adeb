"""A reviewer always knows where they are, and never loses their place: the status line,
n/p from what is on screen, f / swap / other versions / history keeping the article in
view, the tree following the text and keeping what was opened, and the selected change
marked as a row (without colour too)."""

from __future__ import annotations

from textual.widgets import Input, OptionList
from tui_helpers import main_screen, screen_text, selected_key, until

from wetdiff.tui.screens.history import HistoryScreen
from wetdiff.tui.widgets.article_tree import ArticleTree
from wetdiff.tui.widgets.notes_panel import NotesPanel

NARROW = (80, 24)


def top_key(app) -> str:  # type: ignore[no-untyped-def]
    """The provision (or article heading) at the top of the text."""
    view = main_screen(app).view
    block = view.document.blocks[view.document.locate(int(view.scroll_y))[0]]
    if block.change < 0:
        return f"Artikel {block.artikel}"
    return view.document.changes[block.change].provision.locatie.key


def status(app) -> str:  # type: ignore[no-untyped-def]
    """The line above the text (the line below the header)."""
    lines = screen_text(app).splitlines()
    return lines[2]


async def scroll_to(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    """Scroll (as with the wheel, not selecting) until ``key`` is at the top."""
    view = main_screen(pilot.app).view
    document = view.document
    for index, block in enumerate(document.blocks):
        change = document.changes[block.change] if block.change >= 0 else None
        provision = None if change is None else (change.new or change.old)
        name = f"Artikel {block.artikel}" if provision is None else provision.locatie.key
        if name == key:
            view.scroll_to(y=document.block_y(index), animate=False)
            await pilot.pause()
            return
    raise AssertionError(f"{key} is not shown")


def test_status_line_says_where_the_text_is_which_change_and_the_modes(
    app_factory, run_app
) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        line = status(app)
        assert "Artikel 273f" in line and "change 1 of 4" in line
        await pilot.press("n")
        assert "change 2 of 4" in status(app)
        await scroll_to(pilot, "273f/3/2°")
        assert "Artikel 273f, derde lid, onderdeel 2°" in status(app)
        await pilot.press("f", "r", "s")
        line = status(app)
        assert "changed only" in line and "renvooi" in line and "swapped" in line

    run_app(app_factory(), scenario, size=NARROW)


def test_n_and_p_continue_from_what_is_on_screen_after_scrolling(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        assert selected_key(app) == "273f/1"
        await scroll_to(pilot, "273f/3")  # 273f/1 and /2 are scrolled away
        await pilot.press("n")
        assert selected_key(app) == "273f/5"
        await scroll_to(pilot, "Artikel 274")
        await pilot.press("p")
        assert selected_key(app) == "273fa/1"

    run_app(app_factory(), scenario, size=NARROW)


def test_filter_and_swap_keep_the_article_being_read(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await scroll_to(pilot, "Artikel 273fa")  # the selection (273f/1) is scrolled away
        await pilot.press("s")
        assert top_key(app) == "Artikel 273fa"
        await pilot.press("f")
        assert top_key(app) == "Artikel 273fa"
        await pilot.press("f", "r")
        assert top_key(app) == "Artikel 273fa"

    run_app(app_factory(), scenario, size=NARROW)


def test_other_versions_open_at_the_article_being_read(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        main = main_screen(app)
        await scroll_to(pilot, "Artikel 274")
        await pilot.press("v")
        app.screen.query_one("#old-spec", Input).value = "law@2013-11-15"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: main.ready and main.old_spec == "law@2013-11-15")
        await pilot.pause()
        assert top_key(app) == "Artikel 274"
        assert "Artikel 274" in status(app)

    run_app(app_factory(), scenario, size=NARROW)


def test_a_comparison_opened_from_history_keeps_the_provision_being_read(
    app_factory, run_app
) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        main = main_screen(app)
        await scroll_to(pilot, "273f/4")
        await pilot.press("l")
        history = app.screen
        assert isinstance(history, HistoryScreen)
        entries = history.query_one(OptionList)
        await until(pilot, lambda: entries.option_count > 0)
        labels = [str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)]
        entries.highlighted = next(i for i, x in enumerate(labels) if "law@2013-11-15" in x)
        await pilot.press("enter")
        await until(pilot, lambda: main.ready and main.new_spec == "law@2013-11-15")
        await pilot.pause()
        assert main.old_spec == "law@2009-07-01"
        assert top_key(app) == "273f/4"

    run_app(app_factory(), scenario, size=NARROW)


def test_tree_follows_the_text_and_keeps_what_was_opened(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        tree = app.screen.query_one(ArticleTree)
        tree.article_nodes["273f"].expand()
        await pilot.pause()
        await scroll_to(pilot, "Artikel 274")
        assert tree.cursor_node is tree.article_nodes["274"]
        await pilot.press("f")
        assert tree.article_nodes["273f"].is_expanded
        await pilot.press("g")
        for char in "273f":
            await pilot.press(char)
        await pilot.press("enter", "n")
        assert selected_key(app) == "273f/2"
        assert tree.cursor_node is not None and tree.cursor_node.data == (
            "change",
            main_screen(app).view.cursor,
        )

    run_app(app_factory(), scenario, size=NARROW)


def test_the_selected_change_is_marked_on_every_row_without_colour(
    app_factory, run_app, monkeypatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        view = main_screen(app).view
        column = view.document.column_width(view.scrollable_content_region.width)
        height = view.document.change_height(view.cursor)
        start = view.document.change_y(view.cursor) - int(view.scroll_y)
        assert start >= 0 and height > 1
        for y in range(view.scrollable_content_region.height):
            gutter = list(view.render_line(y).crop(column, column + 3))
            selected = start <= y < start + height
            reverse = any(s.style is not None and s.style.reverse for s in gutter)
            assert reverse is selected, (y, gutter)

    run_app(app_factory(), scenario, size=NARROW)


def test_questions_answered_are_in_view_at_the_top_of_the_notes_at_80x24(
    app_factory, run_app
) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        panel = app.screen.query_one(NotesPanel)
        text = screen_text(app)
        assert "2022Z19982/3 · schriftelijke vraag · Wanneer komt" in text
        lines = text.splitlines()
        question = next(i for i, x in enumerate(lines) if "2022Z19982/3 ·" in x)
        rationale = next(i for i, x in enumerate(lines) if "Raises the maximum" in x)
        assert question < rationale
        assert app.focused is not panel

    run_app(app_factory(), scenario, size=NARROW)
