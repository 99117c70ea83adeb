"""Dialogs and views beside the main text: a failed version pick, blame, the memo, the
note editor's check boxes."""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import main_screen, notifications, screen_text, selected_key, until

from wetdiff.tui.screens.blame import BlameScreen
from wetdiff.tui.screens.confirm import ConfirmScreen
from wetdiff.tui.screens.note_editor import NoteEditor
from wetdiff.tui.screens.versions import VersionsScreen


def test_a_failed_version_pick_keeps_the_comparison_shown_and_working(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        main = main_screen(app)
        shown = main.old_spec
        for bad in ("law@1990-01-01", "99999/nr2"):
            await pilot.press("v")
            assert isinstance(app.screen, VersionsScreen)
            app.screen.query_one("#old-spec", Input).value = bad
            await pilot.press("ctrl+s")
            await until(pilot, lambda: main.ready)
            await pilot.pause()
            text = screen_text(app)
            assert "Comparing" not in text and "{+vijftien+}" in text
            assert any(n.title == "Cannot compare" for n in notifications(app))
            assert main.old_spec == shown
        await pilot.press("n")
        assert selected_key(app) == "273f/2"

    run_app(app_factory(), scenario)


async def _blame(pilot, version: str | None = None) -> str:  # type: ignore[no-untyped-def]
    app = pilot.app
    if version is not None:
        main_screen(app).new_spec = version
    await pilot.press("b")
    assert isinstance(app.screen, BlameScreen)
    await until(pilot, lambda: "introduced by" in screen_text(app))
    return screen_text(app)


def test_blame_puts_each_mark_against_the_word_it_credits(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        text = await _blame(pilot)
        # "vijftien" is the draft's (version 3); the words around it are older.
        assert "vijftien³ jaren" in text
        assert "³jaren" not in text and "²vijftien" not in text

    run_app(app_factory(), scenario)


def test_blame_lists_each_version_with_its_description(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        text = await _blame(pilot, "law@2013-11-15")
        assert "2009-07-01  law@2009-07-01" in text and "[unverified]" in text
        assert "made by Kamerstuk 31 386 (fixture)" in text
        assert "twaalf² jaren" in text

    run_app(app_factory(), scenario, size=(120, 50))


def test_memo_asks_before_overwriting_and_names_the_full_path(
    app_factory, run_app, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    existing = tmp_path / "memo.md"
    existing.write_text("my own notes\n", encoding="utf-8")

    async def write_memo(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("m")
        pilot.app.screen.query_one(Input).value = "memo.md"  # relative, as typed
        await pilot.press("enter")
        await pilot.pause()

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await write_memo(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert str(existing) in app.screen.question
        await pilot.press("n")  # keep it
        await pilot.pause(0.3)
        assert existing.read_text(encoding="utf-8") == "my own notes\n"
        await write_memo(pilot)
        await pilot.press("y")
        await until(pilot, lambda: any(n.title == "Memo written" for n in notifications(app)))
        written = next(n for n in notifications(app) if n.title == "Memo written")
        assert written.message.startswith(str(existing))

    run_app(app_factory(), scenario)
    assert "vijftien" in existing.read_text(encoding="utf-8")


def test_ticked_questions_differ_from_unticked_without_colour(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        ticked = next(x for x in lines if "2022Z19982/3 —" in x)
        unticked = next(x for x in lines if "motie-1 —" in x)
        box = ticked[: ticked.index("2022Z19982/3")]
        other = unticked[: unticked.index("motie-1")]
        assert box != other and "✓" in box and "✓" not in other

    run_app(app_factory(), scenario, size=(120, 50))


def test_x_lists_the_citations_to_update(app_factory, run_app) -> None:
    """The citations the comparison leaves pointing at an old number, in a dialog (here:
    none; the list itself is tested in test_consequences_shown)."""
    from wetdiff.tui.screens.consequences import ConsequencesScreen

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await until(pilot, lambda: not main_screen(app).comparison.notes_pending)
        await pilot.press("x")
        assert isinstance(app.screen, ConsequencesScreen)
        text = screen_text(app)
        assert "Citations to update (0)" in text
        assert "No provision cites a number this comparison changes." in text
        await pilot.press("escape")
        assert not isinstance(app.screen, ConsequencesScreen)

    run_app(app_factory(), scenario)
