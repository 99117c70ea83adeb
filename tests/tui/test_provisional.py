"""A whole code opens at once: its opening articles are shown first, marked provisional,
and the whole comparison replaces them where the lawyer is reading."""

from __future__ import annotations

import asyncio
import threading

import pytest
from tui_helpers import SIZE, screen_text, selected_key, wait_ready

from wetdiff.tui import data
from wetdiff.tui.data import Comparison
from wetdiff.tui.screens.main import MainScreen
from wetdiff.tui.screens.note_editor import NoteEditor
from wetdiff.tui.widgets.notes_panel import NotesPanel
from wetdiff.tui.widgets.versions_header import VersionsHeader


@pytest.fixture
def slow_whole_comparison(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The fixture's three articles count as a whole code (one opening article), and the
    whole comparison waits until the test opens the returned gate."""
    gate = threading.Event()
    compare = data.compare

    def slow(old, new):  # type: ignore[no-untyped-def]
        if len(new.artikelen) > 1:
            gate.wait(10)
        return compare(old, new)

    monkeypatch.setattr(data, "compare", slow)
    monkeypatch.setattr(data, "PROVISIONAL_ABOVE", 2)
    monkeypatch.setattr(data, "PROVISIONAL_ARTICLES", 1)
    return gate


def test_whole_code_shows_opening_articles_as_provisional_then_the_whole_in_place(
    app_factory, slow_whole_comparison
) -> None:
    loaded: list[bool] = []

    def hook(message) -> None:  # type: ignore[no-untyped-def]
        if isinstance(message, MainScreen.Loaded) and isinstance(message.comparison, Comparison):
            loaded.append(message.comparison.is_provisional)

    app = app_factory()

    async def main() -> None:
        async with app.run_test(size=SIZE, message_hook=hook) as pilot:
            screen = next(s for s in app.screen_stack if isinstance(s, MainScreen))
            for _ in range(250):
                if screen.comparison is not None:
                    break
                await pilot.pause(0.02)
            await pilot.pause()
            assert screen.comparison is not None and screen.comparison.is_provisional
            assert not screen.ready
            text = screen_text(app)
            assert "PROVISIONAL" in text and "comparing the whole code" in text
            assert "Artikel 273f" in text and "Artikel 273fa" not in text
            assert "Reading the notes" in app.screen.query_one(NotesPanel).text

            await pilot.press("n")
            assert selected_key(app) == "273f/2"
            await pilot.press("e")  # no note anchored on a provisional comparison
            assert not isinstance(app.screen, NoteEditor)

            slow_whole_comparison.set()
            await wait_ready(pilot)
            assert screen.comparison is not None and not screen.comparison.is_provisional
            text = screen_text(app)
            assert "PROVISIONAL" not in text and "Artikel 273fa" in text
            assert selected_key(app) == "273f/2"  # still where the lawyer was
            await pilot.press("p")
            assert "Raises the maximum" in app.screen.query_one(NotesPanel).text

    try:
        asyncio.run(main())
    finally:
        slow_whole_comparison.set()
    assert loaded and loaded[-1] is False


def test_while_a_whole_code_is_read_the_header_shows_both_versions_and_dates(
    app_factory, monkeypatch
) -> None:
    gate = threading.Event()
    compare = data.compare

    def slow(old, new):  # type: ignore[no-untyped-def]
        gate.wait(10)  # nothing compared yet
        return compare(old, new)

    monkeypatch.setattr(data, "compare", slow)
    monkeypatch.setattr(data, "PROVISIONAL_ABOVE", 2)
    app = app_factory()

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = next(s for s in app.screen_stack if isinstance(s, MainScreen))
            header = screen.query_one(VersionsHeader)
            for _ in range(250):
                if "36547/nr2" in str(header.content):
                    break
                await pilot.pause(0.02)
            await pilot.pause()
            assert screen.comparison is None  # still reading and comparing
            shown = str(header.content)
            assert "law@" in shown and "2013-11-15" in shown  # the law's text date
            assert "36547/nr2" in shown and "2024-04-25" in shown
            assert "comparing the whole code (3 articles)" in shown
            assert "Comparing the whole code" in screen_text(app)
            gate.set()
            await wait_ready(pilot)
            assert "PROVISIONAL" not in screen_text(app)

    try:
        asyncio.run(main())
    finally:
        gate.set()


def test_ordinary_proposal_is_compared_whole_at_once(app_factory, run_app) -> None:
    loaded: list[bool] = []

    def hook(message) -> None:  # type: ignore[no-untyped-def]
        if isinstance(message, MainScreen.Loaded) and isinstance(message.comparison, Comparison):
            loaded.append(message.comparison.is_provisional)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        assert "PROVISIONAL" not in screen_text(pilot.app)

    run_app(app_factory(), scenario, message_hook=hook)
    assert loaded and not any(loaded)  # shown, and never a provisional step first


def test_text_is_on_screen_before_the_notes_are_read(app_factory, run_app) -> None:
    pending: list[bool] = []

    def hook(message) -> None:  # type: ignore[no-untyped-def]
        if isinstance(message, MainScreen.Loaded) and isinstance(message.comparison, Comparison):
            pending.append(message.comparison.notes_pending)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        assert "Raises the maximum" in pilot.app.screen.query_one(NotesPanel).text

    run_app(app_factory(), scenario, message_hook=hook)
    assert pending[0] is True and pending[-1] is False
