"""What the terminal UI's tests share: the fixture workspace they open, the screen as
text, the notifications shown, and waiting for a comparison (fixtures: tui/conftest.py)."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from pathlib import Path

from rich.cells import cell_len
from textual.app import App
from textual.notifications import Notification, Notify
from textual.pilot import Pilot

from wetdiff.model.files import VersionMeta
from wetdiff.tui.app import WetdiffApp
from wetdiff.tui.screens.main import MainScreen

SIZE = (120, 36)
THEME = "textual-dark"

LAW_273F = """\
Artikel 273f

1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste twaalf jaren of geldboete van de vijfde categorie gestraft degene die een ander werft, vervoert of opneemt met het oogmerk van uitbuiting.

2. Uitbuiting omvat ten minste uitbuiting van een ander in de prostitutie en gedwongen arbeid.

3. De schuldige wordt gestraft met gevangenisstraf van ten hoogste vijftien jaren, indien:
    1°. de feiten worden gepleegd door twee of meer verenigde personen;
    2°. het slachtoffer jonger is dan achttien jaren.

4. Artikel 251 is van overeenkomstige toepassing.
"""

#: 273f as in force from 2009-07-01: the maximum was eight years (an older version, so
#: history and blame have two versions of the law to walk).
LAW_273F_2009 = LAW_273F.replace("ten hoogste twaalf jaren", "ten hoogste acht jaren")

LAW_274 = """\
Artikel 274

1. Hij die een ander in [bold]slavernij[/] brengt, wordt gestraft met gevangenisstraf van ten hoogste twaalf jaren.
"""

DRAFT_273F = """\
Artikel 273f

1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste vijftien jaren of geldboete van de vijfde categorie gestraft degene die een ander werft, vervoert, overbrengt of opneemt met het oogmerk van uitbuiting.

2. Uitbuiting omvat ten minste uitbuiting van een ander in de prostitutie, gedwongen arbeid en gedwongen huwelijk.

3. De schuldige wordt gestraft met gevangenisstraf van ten hoogste vijftien jaren, indien:
    1°. de feiten worden gepleegd door twee of meer verenigde personen;
    2°. het slachtoffer jonger is dan achttien jaren.

4. Artikel 251 is van overeenkomstige toepassing.

5. Niet strafbaar is het slachtoffer dat als rechtstreeks gevolg van de uitbuiting een strafbaar feit begaat.
"""

DRAFT_273FA = """\
Artikel 273fa

1. Hij die een ander ernstig benadeelt bij het verrichten van arbeid wordt gestraft met gevangenisstraf van ten hoogste [gap: strafmaximum] jaren.
"""

PROPOSAL = """\
title = "Wet modernisering mensenhandel (fixture)"
kamerstuk = "36 547"
regeling = "Wetboek van Strafrecht"
bwb_id = "BWBR0001854"
base = "law@2024-04-25"
illustrative = "illustratief ontwerp — niet de officiële tekst"

[[stage]]
id = "nr2"
name = "Voorstel van wet"
date = 2024-04-25
text = true
documents = []
"""

QUESTIONS = """\
[[question]]
id = "2022Z19982/3"
kind = "schriftelijke vraag"
date = 2022-10-20
asked_by = "Kuik (CDA)"
summary = "Wanneer komt het wetsvoorstel [bold]mensenhandel[/]?"
link = "gap"

[[question]]
id = "motie-1"
kind = "motie"
date = "gap"
asked_by = ""
summary = "Verzoekt de regering het non-punishment-beginsel te codificeren"
link = "gap"
"""

NOTES = """\
[[note]]
id = "273f-1-straf"
at = "273f/1"
side = "new"
quote = "vijftien"
before = "ten hoogste"
after = "jaren"
answers = ["2022Z19982/3"]
rationale = \"\"\"
Raises the maximum to [bold]fifteen[/] years \\u001b[31m (own words).
\"\"\"

[[note.citation]]
document = "Kamerstuk 36 547, nr. 3"
section = "§ 4.2"
page = "gap"
"""


def write(root: Path, rel: str, text: str) -> str:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return rel


def build_workspace(root: Path, *, notes: bool = True) -> Path:
    """A workspace with 273f (since 2009-07-01, eight years; since 2013-11-15, twelve)
    and 274 in force since 2013-11-15, and proposal 36547 whose stage nr2 rewrites 273f
    and adds 273fa, with questions and one note: committed."""
    from wetdiff.store.workspace import init_workspace

    workspace = init_workspace(root, name="fixture")
    paths = []
    older = "articles/BWBR0001854/273f/2009-07-01"
    paths.append(write(root, f"{older}.txt", LAW_273F_2009))
    meta_2009 = VersionMeta(
        "273f",
        dt.date(2009, 7, 1),
        bwb_id="BWBR0001854",
        certainty="unverified",
        kamerstuk="31 386",
        source_note="made by Kamerstuk 31 386 (fixture); the Staatsblad number is a gap",
    )
    paths.append(write(root, f"{older}.toml", meta_2009.to_toml()))
    for number, text in (("273f", LAW_273F), ("274", LAW_274)):
        folder = f"articles/BWBR0001854/{number}"
        paths.append(write(root, f"{folder}/2013-11-15.txt", text))
        meta = VersionMeta(number, dt.date(2013, 11, 15), bwb_id="BWBR0001854")
        paths.append(write(root, f"{folder}/2013-11-15.toml", meta.to_toml()))
    paths.append(write(root, "proposals/36547/proposal.toml", PROPOSAL))
    paths.append(write(root, "proposals/36547/nr2/273f.txt", DRAFT_273F))
    paths.append(write(root, "proposals/36547/nr2/273fa.txt", DRAFT_273FA))
    paths.append(write(root, "proposals/36547/questions.toml", QUESTIONS))
    if notes:
        paths.append(write(root, "proposals/36547/notes.toml", NOTES))
    workspace.repo.commit(paths, "Fixture: law and proposal 36547\n")
    return root


_SVG_TEXT = re.compile(
    r'<text [^>]*?x="(?P<x>[\d.]+)"[^>]*?textLength="(?P<length>[\d.]+)"'
    r'[^>]*?clip-path="url\(#terminal-\d+-line-(?P<line>\d+)\)">(?P<text>.*?)</text>'
)


def screen_text(app: WetdiffApp) -> str:
    """The screen as plain text (what a lawyer reads, without styles), read from
    Textual's own screenshot (public API): each run of text at its column."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for found in _SVG_TEXT.finditer(app.export_screenshot()):
        text = html.unescape(found["text"]).replace("\xa0", " ")
        cells = cell_len(text)
        if not cells:
            continue
        column = round(float(found["x"]) / (float(found["length"]) / cells))
        row = rows[int(found["line"])]
        for char in text:
            if 0 <= column < width:
                row[column] = char
            column += cell_len(char)
    return "\n".join("".join(row) for row in rows)


#: Every notification each app showed, in order (recorded by :func:`run_app` from the
#: ``Notify`` messages the app handles: Textual keeps its own list private).
_NOTIFIED: dict[int, list[Notification]] = {}


def notifications(app: WetdiffApp) -> list[Notification]:
    """The notifications ``app`` has shown so far (also those that timed out)."""
    return _NOTIFIED.setdefault(id(app), [])


def recording(
    app: WetdiffApp, message_hook: Callable[..., None] | None = None
) -> Callable[..., None]:
    """A ``run_test`` message hook that records ``app``'s notifications (and passes
    every message on to ``message_hook``)."""
    shown = notifications(app)

    def hook(message: object) -> None:
        if isinstance(message, Notify):
            shown.append(message.notification)
        if message_hook is not None:
            message_hook(message)

    return hook


def main_screen(app: App[None]) -> MainScreen:
    return next(s for s in app.screen_stack if isinstance(s, MainScreen))


def selected_key(app: App[None]) -> str:
    """Where the selected change stands (``273f/2``; its old place if deleted)."""
    change = main_screen(app).selected_change
    assert change is not None, "no change is selected"
    return change.provision.locatie.key


async def until(pilot: Pilot[None], condition: Callable[[], object], tries: int = 250) -> None:
    """Wait (a few seconds at most) until ``condition()`` holds."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("timed out")


async def wait_ready(pilot: Pilot[None], timeout: float = 10.0) -> None:
    """Until the main screen has shown its comparison (the worker has finished)."""
    import asyncio

    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        screen = pilot.app.screen
        main = next((s for s in pilot.app.screen_stack if isinstance(s, MainScreen)), None)
        if main is not None and main.ready:
            await pilot.pause()
            return
        await pilot.pause(0.02)
        del screen
    raise AssertionError("the comparison did not load")


async def edit_text_and_commit(pilot: Pilot[None], old: str, new: str, rationale: str) -> None:
    """As a lawyer does it: ``t`` opens the article's text, ``old`` becomes ``new``,
    ctrl+s asks for the rationale, which is typed and committed; until the comparison
    is shown again."""
    from textual.widgets import TextArea

    from wetdiff.tui.screens.article_editor import ArticleEditor

    app = pilot.app
    await pilot.press("t")
    editor = app.screen
    assert isinstance(editor, ArticleEditor)
    await until(pilot, lambda: editor.draft is not None)
    area = editor.query_one("#text", TextArea)
    area.load_text(area.text.replace(old, new))
    await pilot.press("ctrl+s")
    for char in rationale:
        await pilot.press("space" if char == " " else char)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, MainScreen) and main_screen(app).ready)
