"""Fixtures for the terminal UI: a small workspace in tmp_path, and a pinned environment
(theme, size, locale, no cursor blink, no user config), so Pilot and snapshot tests see
the same screen on every machine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from wetdiff.model.files import VersionMeta
from wetdiff.tui.app import WetdiffApp, make_app

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


@pytest.fixture(autouse=True)
def _pinned_textual(monkeypatch: pytest.MonkeyPatch) -> None:
    """Same screen everywhere: no cursor blink, no animation, no colour overrides, no
    user theme, a fixed locale, no editor of the user's."""
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    monkeypatch.setattr(TextArea.cursor_blink, "_default", False)
    for name in (
        "NO_COLOR",
        "TEXTUAL_THEME",
        "WETDIFF_THEME",
        "WETDIFF_WORKSPACE",
        "TEXTUAL_COLOR_SYSTEM",
        "VISUAL",
        "EDITOR",
        "COLUMNS",
        "LINES",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setattr("textual.constants.TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(scope="session")
def _workspace_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os

    # The session-scoped build runs before the per-test isolation: give git an identity.
    os.environ.setdefault("GIT_AUTHOR_NAME", "Test Jurist")
    os.environ.setdefault("GIT_AUTHOR_EMAIL", "jurist@example.org")
    os.environ.setdefault("GIT_COMMITTER_NAME", "Test Jurist")
    os.environ.setdefault("GIT_COMMITTER_EMAIL", "jurist@example.org")
    return build_workspace(tmp_path_factory.mktemp("template") / "ws")


@pytest.fixture
def workspace(tmp_path: Path, _workspace_template: Path) -> Path:
    """A fresh copy of the fixture workspace (git history included) for each test."""
    import shutil

    root = tmp_path / "ws"
    shutil.copytree(_workspace_template, root, symlinks=True)
    return root


@pytest.fixture
def app_factory(workspace: Path) -> Callable[..., WetdiffApp]:
    def factory(old: str | None = None, new: str | None = None) -> WetdiffApp:
        return make_app(old, new, workspace=workspace, theme=THEME)

    return factory


def screen_text(app: WetdiffApp) -> str:
    """The screen as plain text (what a lawyer reads, without styles)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


@pytest.fixture
def run_app() -> Callable[..., object]:
    """``run_app(app, scenario)``: run the app headless until the comparison is shown,
    then ``await scenario(pilot)``; returns what the scenario returns. (Tests stay
    synchronous: no asyncio plugin needed.)"""
    import asyncio

    def run(
        app: WetdiffApp,
        scenario: Callable[..., object],
        *,
        size: tuple[int, int] = SIZE,
        message_hook: Callable[..., None] | None = None,
    ) -> object:
        async def main() -> object:
            async with app.run_test(size=size, message_hook=message_hook) as pilot:
                await wait_ready(pilot)
                return await scenario(pilot)  # type: ignore[misc]

        return asyncio.run(main())

    return run


async def wait_ready(pilot, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Until the main screen has shown its comparison (the worker has finished)."""
    import asyncio

    from wetdiff.tui.screens.main import MainScreen

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
