"""Pilot tests: each flow a lawyer uses, on a small fixture workspace."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from textual.widgets import Input, OptionList, TextArea
from tui_helpers import (
    edit_text_and_commit,
    main_screen,
    notifications,
    screen_text,
    selected_key,
    until,
)

from wetdiff.tui.app import WetdiffApp
from wetdiff.tui.screens.confirm import ConfirmScreen
from wetdiff.tui.screens.help import HelpScreen
from wetdiff.tui.screens.main import MainScreen
from wetdiff.tui.screens.note_editor import NoteEditor
from wetdiff.tui.screens.versions import VersionsScreen
from wetdiff.tui.widgets.article_tree import ArticleTree
from wetdiff.tui.widgets.notes_panel import NotesPanel
from wetdiff.tui.widgets.versions_header import VersionsHeader


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        await pilot.press("space" if char == " " else char)


def git_log(workspace: Path) -> str:
    return subprocess.run(
        ["git", "log", "--format=%s%n%b"], cwd=workspace, check=True, capture_output=True, text=True
    ).stdout


def test_opens_on_law_against_latest_stage_with_dates_and_illustrative_label(
    app_factory, run_app
) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        header = str(app.screen.query_one(VersionsHeader).content)
        assert "law" in header and "2013-11-15" in header
        assert "36547/nr2" in header and "2024-04-25" in header
        assert "illustratief ontwerp" in header
        text = screen_text(app)
        assert "Artikel 273f" in text and "Artikel 273fa" in text
        assert "[-twaalf-]" in text and "{+vijftien+}" in text
        assert selected_key(app) == "273f/1"  # the first change is selected
        assert "Raises the maximum" in app.screen.query_one(NotesPanel).text

    run_app(app_factory(), scenario)


def test_comparisons_are_loaded_in_a_worker_that_posts_a_message(app_factory, run_app) -> None:
    seen: list[str] = []

    def hook(message) -> None:  # type: ignore[no-untyped-def]
        if isinstance(message, MainScreen.Loaded):
            seen.append(message.comparison.new_spec)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        main = main_screen(pilot.app)
        main.load("law@2013-11-15", "36547/nr2")
        for _ in range(200):
            await pilot.pause(0.02)
            if seen:
                break
        assert main.comparison.new_spec == "36547/nr2"

    run_app(app_factory(), scenario, message_hook=hook)
    assert "36547/nr2" in seen


def test_next_and_previous_change_move_the_selection_and_the_notes(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("n")
        assert selected_key(app) == "273f/2"
        assert "No note yet" in app.screen.query_one(NotesPanel).text
        await pilot.press("n")
        assert selected_key(app) == "273f/5"
        assert "inserted" in app.screen.query_one(NotesPanel).text
        await pilot.press("n")
        assert selected_key(app) == "273fa/1"
        await pilot.press("p", "p")
        assert selected_key(app) == "273f/2"

    run_app(app_factory(), scenario)


def test_tree_shows_markers_and_selecting_a_provision_selects_its_change(
    app_factory, run_app
) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        tree = app.screen.query_one(ArticleTree)
        labels = [str(node.label) for node in tree.root.children]
        assert labels == ["~ Artikel 273f", "+ Artikel 273fa", "  Artikel 274"]
        node = tree.article_nodes["273f"]
        node.expand()
        await pilot.pause()
        children = [str(child.label) for child in node.children]
        assert children[0].startswith("~ 1 ") and children[-1].startswith("+ 5 ")
        tree.focus()
        tree.select_node(node.children[-1])
        await pilot.pause()
        assert selected_key(app) == "273f/5"

    run_app(app_factory(), scenario)


def test_filter_shows_changed_provisions_only(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        assert "overeenkomstige" in screen_text(app)
        await pilot.press("f")
        text = screen_text(app)
        assert "overeenkomstige" not in text and "{+vijftien+}" in text
        tree = app.screen.query_one(ArticleTree)
        assert "274" not in tree.article_nodes
        await pilot.press("f")
        assert "overeenkomstige" in screen_text(app)

    run_app(app_factory(), scenario)


def test_renvooi_view_puts_struck_and_underlined_words_in_one_column(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("r")
        assert main_screen(app).mode == "renvooi"
        assert "[-twaalf-]{+vijftien+}" in screen_text(app)
        await pilot.press("r")
        assert "[-twaalf-]{+vijftien+}" not in screen_text(app)

    run_app(app_factory(), scenario)


def test_swap_sides_shows_version_b_on_the_left(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("s")
        header = str(app.screen.query_one(VersionsHeader).content).splitlines()
        assert header[0].lstrip().startswith("B")
        line = next(x for x in screen_text(app).splitlines() if "{+vijftien+}" in x)
        gutter = re.search("[│┃]", line[line.index("{+vijftien+}") :])  # the selection: ┃
        assert gutter is not None

    run_app(app_factory(), scenario)


def test_search_in_one_version_goes_to_the_provision_that_has_the_words(
    app_factory, run_app
) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("slash")
        await type_text(pilot, "huwelijk")
        await pilot.press("enter")
        await pilot.pause()
        assert selected_key(app) == "273f/2"
        await pilot.press("slash")
        search = app.screen.query_one(Input)
        search.value = "huwelijk"
        app.screen.side = "old"  # the radio button "Version A (old)"
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).view.search("huwelijk", "old") == 0

    run_app(app_factory(), scenario)


def test_jump_to_article(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("g")
        await type_text(pilot, "274")
        await pilot.press("enter")
        await pilot.pause()
        assert selected_key(app) == "274/1"
        assert "[bold]slavernij[/]" in screen_text(app)  # markup stays literal

    run_app(app_factory(), scenario)


def test_notifications_show_what_the_lawyer_typed_literally(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("g")
        await type_text(pilot, "[bold]999[/]")
        await pilot.press("enter")
        await pilot.pause()
        shown = notifications(app)[-1]  # a toast, drawn as plain text
        assert shown.message == "No article [bold]999[/] in this comparison."
        assert not shown.markup
        app.notify("Fout in \x1b[31m[red]tekst[/red]", title="[b]titel[/b]")
        await pilot.pause()
        last = notifications(app)[-1]
        assert last.message == "Fout in ␛[31m[red]tekst[/red]"
        assert last.title == "[b]titel[/b]" and not last.markup

    run_app(app_factory(), scenario)


def test_pick_versions_from_the_list(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, VersionsScreen)
        for _ in range(100):
            await pilot.pause(0.02)
            if screen.query_one("#old-list", OptionList).option_count:
                break
        old = screen.query_one("#old-list", OptionList)
        ids = [old.get_option_at_index(i).id for i in range(old.option_count)]
        assert "law@2013-11-15" in ids and "36547/nr2" in ids
        assert any(i and i.endswith(":law") for i in ids)  # git revisions too
        old.highlighted = ids.index("law@2013-11-15")
        old.focus()
        await pilot.press("enter")
        new = screen.query_one("#new-list", OptionList)
        new.highlighted = ids.index("36547/nr2")
        await pilot.press("enter", "ctrl+s")
        main = main_screen(app)
        for _ in range(200):
            await pilot.pause(0.02)
            if main.ready and main.old_spec == "law@2013-11-15":
                break
        header = str(main.query_one(VersionsHeader).content)
        assert "law@2013-11-15" in header and "36547/nr2" in header

    run_app(app_factory(), scenario)


def test_write_a_note_and_find_it_on_disk_and_in_git(app_factory, run_app, workspace) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("n")  # 273f/2, no note yet
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        editor.query_one("#rationale", TextArea).insert("Adds forced marriage [sic].")
        editor.query_one("#citations", TextArea).insert("Kamerstuk 36 547, nr. 3 | § 2 | gap")
        editor.query_one("#answers").select("motie-1")
        await pilot.press("ctrl+s")
        for _ in range(200):
            await pilot.pause(0.02)
            if isinstance(app.screen, MainScreen) and main_screen(app).ready:
                break
        assert "Adds forced marriage [sic]." in app.screen.query_one(NotesPanel).text

    run_app(app_factory(), scenario)
    notes = (workspace / "proposals/36547/notes.toml").read_text(encoding="utf-8")
    assert "Adds forced marriage [sic]." in notes and "motie-1" in notes
    assert 'at = "273f/2"' in notes and "§ 2" in notes
    assert "Adds forced marriage [sic]." in git_log(workspace)


async def save_a_note(pilot, rationale: str) -> NoteEditor:  # type: ignore[no-untyped-def]
    """``n`` to the first change, ``e`` to write its note, the rationale, ctrl+s."""
    await pilot.press("n", "e")
    editor = pilot.app.screen
    assert isinstance(editor, NoteEditor)
    editor.query_one("#rationale", TextArea).insert(rationale)
    await pilot.press("ctrl+s")
    return editor


def test_a_note_git_refuses_to_commit_leaves_the_notes_file_as_it_was(
    app_factory, run_app, workspace
) -> None:  # type: ignore[no-untyped-def]
    # The TUI writes notes through the same workflow as 'wetdiff note add': when git
    # refuses the commit (here a hook), the file is put back and the editor says so.
    hook = workspace / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'notes are frozen today' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    notes = workspace / "proposals/36547/notes.toml"
    before = notes.read_bytes()
    head = git_log(workspace)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        editor = await save_a_note(pilot, "Adds forced marriage.")
        await until(pilot, lambda: any(n.title == "Not saved" for n in notifications(app)))
        refused = next(n for n in notifications(app) if n.title == "Not saved")
        assert "nothing was written" in refused.message
        assert app.screen is editor  # the lawyer's words are still there to save again

    run_app(app_factory(), scenario)
    assert notes.read_bytes() == before
    assert git_log(workspace) == head
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=workspace, capture_output=True, text=True
    )
    assert status.stdout == ""  # nothing staged, nothing left modified


def test_a_save_that_waits_for_another_writer_says_so_and_then_saves(
    app_factory, run_app, workspace
) -> None:  # type: ignore[no-untyped-def]
    # Another wetdiff (here: another thread) holds the workspace's write lock: the note's
    # save waits for its turn, says so, and the screen answers meanwhile.
    from store_helpers import another_writer

    with another_writer(workspace) as release:

        async def scenario(pilot):  # type: ignore[no-untyped-def]
            app = pilot.app
            editor = await save_a_note(pilot, "Written while another one wrote.")
            await until(pilot, lambda: any(n.title == "Waiting" for n in notifications(app)))
            waiting = next(n for n in notifications(app) if n.title == "Waiting")
            assert "another wetdiff is writing to this workspace" in waiting.message
            await pilot.press("ctrl+n", "escape")  # the screen still takes keys meanwhile
            assert app.screen is editor
            release.set()
            await until(pilot, lambda: app.screen is not editor)

        run_app(app_factory(), scenario)
    assert "Written while another one wrote." in (
        workspace / "proposals/36547/notes.toml"
    ).read_text(encoding="utf-8")


def test_create_a_question_from_the_note_editor(app_factory, run_app, workspace) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("n", "e", "ctrl+n")
        dialog = app.screen
        dialog.query_one("#id", Input).value = "2024Z00001"
        dialog.query_one("#summary", Input).value = "Vraag over huwelijksdwang"
        await pilot.press("ctrl+s")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        for _ in range(200):
            await pilot.pause(0.02)
            if "2024Z00001" in editor.query_one("#answers").selected:
                break
        assert "2024Z00001" in editor.query_one("#answers").selected

    run_app(app_factory(), scenario)
    registry = (workspace / "proposals/36547/questions.toml").read_text(encoding="utf-8")
    assert 'id = "2024Z00001"' in registry and "huwelijksdwang" in git_log(workspace)


def test_question_editor_refuses_a_bad_date_as_question_add_does(
    app_factory, run_app, workspace
) -> None:
    from wetdiff.tui.screens.question_editor import QuestionEditor

    before = (workspace / "proposals/36547/questions.toml").read_text(encoding="utf-8")
    shown: list[str] = []

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("n", "e", "ctrl+n")
        dialog = app.screen
        original = app.notify

        def record(message: str, **kwargs: object) -> None:
            shown.append(message)
            original(message, **kwargs)  # type: ignore[arg-type]

        app.notify = record
        dialog.query_one("#id", Input).value = "2024Z00001"
        dialog.query_one("#summary", Input).value = "Vraag over huwelijksdwang"
        dialog.query_one("#date", Input).value = "2024-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause(0.05)
        assert isinstance(app.screen, QuestionEditor)  # still open: nothing was added

    run_app(app_factory(), scenario)
    assert any("date '2024-02-30' is not a date: write YYYY-MM-DD, or gap" in m for m in shown)
    after = (workspace / "proposals/36547/questions.toml").read_text(encoding="utf-8")
    assert after == before


def test_edit_article_text_and_commit_it_with_a_rationale(app_factory, run_app, workspace) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await edit_text_and_commit(pilot, "vijftien jaren of", "zestien jaren of", "Zestien jaar")
        assert "{+zestien+}" in screen_text(app)

    run_app(app_factory(), scenario)
    text = (workspace / "proposals/36547/nr2/273f.txt").read_text(encoding="utf-8")
    assert "zestien jaren of geldboete" in text
    assert git_log(workspace).startswith("Zestien jaar")


def test_edit_in_external_editor_through_suspend(
    app_factory, run_app, workspace, monkeypatch, tmp_path
) -> None:
    from contextlib import nullcontext

    script = tmp_path / "editor.sh"
    script.write_text("#!/bin/sh\nsed -i 's/twee of meer/drie of meer/' \"$1\"\n")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.setattr(WetdiffApp, "suspend", lambda self: nullcontext())

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("t")
        editor = app.screen
        for _ in range(200):
            await pilot.pause(0.02)
            if editor.draft is not None:
                break
        await pilot.press("ctrl+o")
        assert "drie of meer" in editor.query_one("#text", TextArea).text
        assert editor.unsaved

    run_app(app_factory(), scenario)


def test_quitting_with_unsaved_work_asks_first(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("e")
        app.screen.query_one("#rationale", TextArea).insert(" more")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor) and app.is_running
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert not app.is_running

    run_app(app_factory(), scenario)


def test_quitting_without_unsaved_work_does_not_ask(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("q")
        await pilot.pause()
        assert not pilot.app.is_running

    run_app(app_factory(), scenario)


def test_help_and_command_palette(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        for _ in range(100):
            await pilot.pause(0.02)
            if "renvooi" in screen_text(app):
                break
        assert "renvooi" in screen_text(app) and "ctrl+p" in screen_text(app)
        await pilot.press("end")  # the markers' legend, further down
        await pilot.pause()
        assert "{+…+}" in screen_text(app) and "never colour alone" in screen_text(app)
        await pilot.press("escape", "ctrl+p")
        await type_text(pilot, "renvooi view")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert main_screen(app).mode == "renvooi"

    run_app(app_factory(), scenario)


def test_palette_offers_note_commands_only_with_a_selected_change(app_factory, run_app) -> None:
    from wetdiff.tui.commands import main_commands

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        main = main_screen(pilot.app)
        names = [name for name, _, _ in main_commands(main)]
        assert "Write note for this change" in names and "Blame this article" in names
        main.view.cursor = -1
        names = [name for name, _, _ in main_commands(main)]
        assert "Write note for this change" not in names

    run_app(app_factory(), scenario)


def test_markup_in_statute_text_and_notes_renders_literally_and_controls_visibly(
    app_factory, run_app
) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        panel = app.screen.query_one(NotesPanel).text
        assert "[bold]fifteen[/]" in panel
        assert "␛[31m" in panel and "\x1b" not in panel
        await pilot.press("g")
        await type_text(pilot, "274")
        await pilot.press("enter", "b")
        for _ in range(200):
            await pilot.pause(0.02)
            if "introduced by" in screen_text(app):
                break
        assert "[bold]slavernij[/]" in screen_text(app)

    run_app(app_factory(), scenario)


def test_an_unknown_version_is_one_message_not_a_crash(app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        assert pilot.app.is_running
        text = pilot.app.screen.query_one(NotesPanel).text
        assert "Cannot compare" in text and "nonsense@@" in text

    run_app(app_factory("nonsense@@", "36547"), scenario)


async def _marks_shown(pilot) -> None:  # type: ignore[no-untyped-def]
    text = screen_text(pilot.app)
    assert "[-twaalf-]" in text and "{+vijftien+}" in text and "▸~" in text


def test_monochrome_keeps_the_word_marks(app_factory, run_app, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_factory()
    assert app.no_color
    run_app(app, _marks_shown)


def test_16_colour_theme_keeps_the_word_marks(workspace, run_app) -> None:
    from wetdiff.tui.app import make_app

    app = make_app(workspace=workspace, theme="ansi-dark")
    run_app(app, _marks_shown)
    assert app.theme == "ansi-dark"


def test_write_the_memo_of_the_two_versions_shown(app_factory, run_app, tmp_path) -> None:
    target = tmp_path / "memo.md"

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("m")
        answer = app.screen.query_one(Input)
        assert answer.value.endswith(".docx")
        answer.value = str(target)
        await pilot.press("enter")
        for _ in range(300):
            await pilot.pause(0.02)
            if target.exists():
                break

    run_app(app_factory(), scenario)
    memo = target.read_text(encoding="utf-8")
    assert "vijftien" in memo and "Raises the maximum" in memo


def test_versions_list_shows_a_stage_once_when_a_tag_has_its_name(
    app_factory, run_app, workspace
) -> None:
    subprocess.run(["git", "tag", "36547/nr2"], cwd=workspace, check=True)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("v")
        old = app.screen.query_one("#old-list", OptionList)
        for _ in range(200):
            await pilot.pause(0.02)
            if old.option_count:
                break
        ids = [old.get_option_at_index(i).id for i in range(old.option_count)]
        assert ids.count("36547/nr2") == 1

    run_app(app_factory(), scenario)
