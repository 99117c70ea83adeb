"""The notes panel shows exactly the notes the explanation layer attaches: the law's own
history too, a merger's notes on the merged provision (shown once), and the orphaned
notes that ``wetdiff check`` reports, no others."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import TextArea
from tui_helpers import (
    DRAFT_273F,
    main_screen,
    notifications,
    screen_text,
    selected_key,
    until,
    write,
)

from wetdiff.tui.screens.main import MainScreen
from wetdiff.tui.screens.note_editor import NoteEditor
from wetdiff.tui.widgets.notes_panel import NotesPanel

LAW_NOTE = """\
[[note]]
id = "273f-2013-twaalf"
at = "273f/1"
side = "new"
quote = "twaalf"
version = 2013-11-15
gap = "fixture"
rationale = \"\"\"
The maximum is raised from eight to twelve years (fixture).
\"\"\"
"""

#: Lid 3's aanhef and onderdeel 1° merged into one lid; its 2° becomes lid 4.
MERGING_DRAFT = (
    DRAFT_273F.replace(
        "3. De schuldige wordt gestraft met gevangenisstraf van ten hoogste vijftien jaren, "
        "indien:\n    1°. de feiten worden gepleegd door twee of meer verenigde personen;\n"
        "    2°. het slachtoffer jonger is dan achttien jaren.",
        "3. De schuldige wordt gestraft met gevangenisstraf van ten hoogste vijftien jaren, "
        "indien de feiten worden gepleegd door twee of meer verenigde personen.\n\n"
        "4. Dezelfde straf wordt opgelegd indien het slachtoffer jonger is dan achttien "
        "jaren.",
    )
    .replace("4. Artikel 251", "5. Artikel 251")
    .replace("5. Niet strafbaar", "6. Niet strafbaar")
)


def commit(root: Path, *rels: str) -> None:
    subprocess.run(["git", "add", *rels], cwd=root, check=True)
    subprocess.run(["git", "commit", "-qm", "Fixture change"], cwd=root, check=True)


async def go_to(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    """Select the change at ``key`` with n (from the first change)."""
    for _ in range(20):
        if selected_key(pilot.app) == key:
            return
        await pilot.press("n")
    raise AssertionError(f"no change at {key}")


async def ready_again(pilot) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, MainScreen) and main_screen(app).ready)
    await pilot.pause()


def test_notes_of_the_laws_own_history_are_shown_and_edited_not_duplicated(
    app_factory, run_app, workspace
) -> None:
    write(workspace, "articles/BWBR0001854/273f/notes.toml", LAW_NOTE)
    commit(workspace, "articles/BWBR0001854/273f/notes.toml")

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        assert selected_key(app) == "273f/1"
        panel = app.screen.query_one(NotesPanel)
        assert "raised from eight to twelve years" in panel.text
        assert "No note yet" not in panel.text
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        area = editor.query_one("#rationale", TextArea)
        assert "raised from eight to twelve years" in area.text  # the note, not a new one
        area.load_text(area.text.replace("(fixture)", "(edited in the TUI)"))
        await pilot.press("ctrl+s")
        await ready_again(pilot)
        assert "(edited in the TUI)" in app.screen.query_one(NotesPanel).text

    run_app(app_factory("law@2009-07-01", "law@2013-11-15"), scenario)
    notes = (workspace / "articles/BWBR0001854/273f/notes.toml").read_text(encoding="utf-8")
    assert notes.count("\n[[note]]") == 1 and "(edited in the TUI)" in notes
    assert not (workspace / "proposals/36547/notes.toml").read_text().count("edited in the TUI")


def test_a_merged_provision_is_shown_once_and_its_note_shows_on_it(
    app_factory, run_app, workspace
) -> None:
    write(workspace, "proposals/36547/nr2/273f.txt", MERGING_DRAFT)
    commit(workspace, "proposals/36547/nr2/273f.txt")

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await go_to(pilot, "273f/3")
        # the old lid on the left, the new one on the right: each once (the two parts
        # of the merger would show the new lid twice)
        assert screen_text(app).count("De schuldige wordt gestraft") == 2
        panel = app.screen.query_one(NotesPanel)
        assert "merged" in panel.text and "No note yet" in panel.text
        # where its parts stood, the aanhef named as such (not "artikel 273f, derde lid")
        assert (
            "(was artikel 273f, derde lid, aanhef and artikel 273f, derde lid, onderdeel 1°)"
            in panel.text
        )
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        editor.query_one("#rationale", TextArea).insert("Two parts become one lid.")
        editor.query_one("#citations", TextArea).insert("Kamerstuk 36 547, nr. 3 | § 3 | gap")
        await pilot.press("ctrl+s")
        await ready_again(pilot)
        assert selected_key(app) == "273f/3"
        text = app.screen.query_one(NotesPanel).text
        assert "Two parts become one lid." in text and "No note yet" not in text

    run_app(app_factory(), scenario, size=(160, 48))


def test_orphaned_notes_are_the_ones_check_reports(app_factory, run_app, workspace) -> None:
    notes = workspace / "proposals/36547/notes.toml"
    text = notes.read_text(encoding="utf-8")
    text += """
[[note]]
id = "273fb-later"
at = "273fb/1"
side = "new"
quote = "een latere fase"
stage = "A"
gap = "fixture"
rationale = "Explains a later stage, not this one."

[[note]]
id = "273f-weg"
at = "273f/2"
side = "new"
quote = "woorden die nergens staan"
stage = "nr2"
gap = "fixture"
rationale = "Its words are gone."
"""
    notes.write_text(text, encoding="utf-8")
    proposal = workspace / "proposals/36547/proposal.toml"
    proposal.write_text(
        proposal.read_text(encoding="utf-8")
        + '\n[[stage]]\nid = "A"\nname = "Gewijzigd voorstel"\ndate = 2025-06-10\n'
        "text = true\ndocuments = []\n",
        encoding="utf-8",
    )
    later = "Artikel 273fb\n\n1. Dit artikel beschrijft een latere fase.\n"
    write(workspace, "proposals/36547/A/273fb.txt", later)
    commit(
        workspace,
        "proposals/36547/notes.toml",
        "proposals/36547/proposal.toml",
        "proposals/36547/A/273fb.txt",
    )

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await until(pilot, lambda: any("orphaned" in n.message for n in notifications(app)))
        shown = " ".join(n.message for n in notifications(app) if "orphaned" in n.message)
        assert "273f-weg" in shown and "273fb-later" not in shown

    run_app(app_factory("law@2024-04-25", "36547/nr2"), scenario)
    checked = subprocess.run(
        [sys.executable, "-m", "wetdiff", "check", "36547"],
        cwd=workspace,
        capture_output=True,
        text=True,
    ).stdout
    orphaned = [line for line in checked.splitlines() if "orphaned" in line]
    assert any("273f-weg" in line for line in orphaned)
    assert not any("273fb-later" in line for line in orphaned)


def test_history_shows_why_each_version_came(app_factory, run_app, workspace) -> None:
    from textual.widgets import OptionList

    from wetdiff.tui.screens.history import HistoryScreen

    write(workspace, "articles/BWBR0001854/273f/notes.toml", LAW_NOTE)
    commit(workspace, "articles/BWBR0001854/273f/notes.toml")

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("l")
        history = app.screen
        assert isinstance(history, HistoryScreen)
        entries = history.query_one(OptionList)
        await until(pilot, lambda: entries.option_count > 0)
        labels = [str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)]
        entries.highlighted = next(i for i, x in enumerate(labels) if "law@2013-11-15" in x)
        await pilot.pause()
        text = screen_text(app)
        assert "why (artikel 273f, eerste lid): The maximum is raised from eight" in text

    run_app(app_factory(), scenario, size=(160, 48))
