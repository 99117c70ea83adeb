"""A proposal that amends several regelingen in the terminal UI: o shows the next
regeling's comparison (ARTIKEL II) with the notes on its changes, and t edits its text in
its own folder of the stage."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from textual.widgets import TextArea
from tui_helpers import edit_text_and_commit, main_screen, screen_text, until, write

from wetdiff.model.files import VersionMeta
from wetdiff.tui.screens.note_editor import NoteEditor
from wetdiff.tui.widgets.notes_panel import NotesPanel

LAW_1 = """\
Artikel 1

In deze wet wordt verstaan onder mensenhandel: het misdrijf omschreven in artikel 273f.
"""
DRAFT_1 = (
    "Artikel 1\n\nIn deze wet wordt verstaan onder mensenhandel: het misdrijf omschreven in "
    "de artikelen 273f en 273fa.\n"
)


def _second_regeling(root: Path) -> None:
    """Regeling BWBR0099999 in force since 2014, and 36547/nr2 amending its artikel 1."""
    meta = VersionMeta(
        "1", dt.date(2014, 1, 1), regeling="Wet testregeling mensenhandel", bwb_id="BWBR0099999"
    )
    write(root, "articles/BWBR0099999/1/2014-01-01.txt", LAW_1)
    write(root, "articles/BWBR0099999/1/2014-01-01.toml", meta.to_toml())
    toml = root / "proposals/36547/proposal.toml"
    text = toml.read_text(encoding="utf-8")
    also = 'also_amends = ["BWBR0099999@2024-04-25"]\n'
    toml.write_text(text.replace("\n[[stage]]", "\n" + also + "\n[[stage]]", 1), encoding="utf-8")
    write(root, "proposals/36547/nr2/BWBR0099999/1.txt", DRAFT_1)
    for args in (["add", "-A"], ["commit", "-q", "-m", "A second regeling"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_o_shows_the_second_regeling_and_t_edits_it_in_its_folder(
    app_factory, run_app, workspace
) -> None:  # type: ignore[no-untyped-def]
    _second_regeling(workspace)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        main = main_screen(app)
        assert "ARTIKEL I: Wetboek van Strafrecht" in screen_text(app)
        assert "Artikel 273fa" in screen_text(app)
        await pilot.press("o")
        await until(pilot, lambda: main.comparison.part == 1 and main.ready)
        text = screen_text(app)
        assert "ARTIKEL II: Wet testregeling mensenhandel" in text
        assert "{+de artikelen 273f en 273fa+}" in text or "{+de artikelen+}" in text
        assert "Artikel 273fa" not in text
        await edit_text_and_commit(pilot, "273fa.", "273fb.", "NvW")
        assert main.comparison.part == 1
        assert "273fb" in screen_text(app)
        await pilot.press("o")
        await until(pilot, lambda: main.comparison.part == 0 and main.ready)
        assert "ARTIKEL I: Wetboek van Strafrecht" in screen_text(app)

    run_app(app_factory(), scenario)
    saved = workspace / "proposals/36547/nr2/BWBR0099999/1.txt"
    assert "de artikelen 273f en 273fb." in saved.read_text(encoding="utf-8")
    assert not (workspace / "proposals/36547/nr2/1.txt").exists()


def test_notes_on_the_second_regeling_show_there_and_a_new_one_is_saved_for_it(
    app_factory, run_app, workspace
) -> None:  # type: ignore[no-untyped-def]
    # A note written on a change of ARTIKEL II (regeling = … in notes.toml, as
    # 'wetdiff note add --regeling' writes it) shows on that change when o shows it; a
    # note written there in the TUI is saved for that regeling, not for the Sr.
    _second_regeling(workspace)
    notes = workspace / "proposals/36547/notes.toml"
    notes.write_text(
        notes.read_text(encoding="utf-8")
        + '\n[[note]]\nid = "tweede-1"\nat = "1"\nquote = "273fa"\nstage = "nr2"\n'
        'regeling = "BWBR0099999"\n'
        'rationale = "De testregeling volgt de nieuwe artikelen."\n',
        encoding="utf-8",
    )
    for args in (["add", "-A"], ["commit", "-q", "-m", "A note on ARTIKEL II"]):
        subprocess.run(["git", *args], cwd=workspace, check=True, capture_output=True)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        main = main_screen(app)
        await pilot.press("o")
        await until(pilot, lambda: main.comparison.part == 1 and main.ready)
        await until(pilot, lambda: not main.comparison.notes_pending)
        panel = app.screen.query_one(NotesPanel)
        await until(pilot, lambda: "De testregeling volgt de nieuwe artikelen." in panel.text)
        # its own note is edited, not duplicated, and stays a note of that regeling
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        editor.query_one("#rationale", TextArea).insert("Aangevuld. ")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is not editor)

    run_app(app_factory(), scenario)
    text = notes.read_text(encoding="utf-8")
    assert text.count('id = "tweede-1"') == 1
    block = text.split('id = "tweede-1"')[1]
    assert 'regeling = "BWBR0099999"' in block and "Aangevuld." in block


def test_the_status_line_names_the_artikel_as_the_instructions_do(
    app_factory, run_app, workspace
) -> None:  # type: ignore[no-untyped-def]
    """A stage that leaves the Wetboek van Strafrecht as it is: the second regeling is
    its ARTIKEL I (as in the memo), and the code has no ARTIKEL."""
    _second_regeling(workspace)
    for text in (workspace / "proposals/36547/nr2").glob("*.txt"):
        text.unlink()
    for args in (["add", "-A"], ["commit", "-q", "-m", "nr2 leaves the Sr as it is"]):
        subprocess.run(["git", *args], cwd=workspace, check=True, capture_output=True)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        main = main_screen(app)
        await until(pilot, lambda: main.ready and main.comparison.numerals != ())
        assert "Wetboek van Strafrecht: unchanged, no ARTIKEL" in screen_text(app)
        await pilot.press("o")
        await until(pilot, lambda: main.comparison.part == 1 and main.ready)
        assert "ARTIKEL I: Wet testregeling mensenhandel" in screen_text(app)

    run_app(app_factory(), scenario)
