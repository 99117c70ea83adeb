"""How fast the terminal UI paints and scrolls, as ratios measured in one run.

**As a user waits** (``--part process``): each command is started in a 160x48 pseudo
terminal and timed from process start until a marker is on the terminal (the method of
``../shared/tools/tui_first_paint.py``), interleaved, median of ``--runs``:

A. ``wetdiff`` on the worked example (outside any workspace) until its first screen
   ("Artikel 273f" in the tree and text) vs the smallest Textual app (one ``Static``)
   until its text (target ≤ 1.3x);
B. ``wetdiff tui law@2006-01-01 law@2013-12-01`` in a workspace imported from the whole
   Sr (``wetdiff import bwb`` of the corpus) until its first screen (the first changed
   article, provisional) vs A (target ≤ 1.5x);
C. the same until the whole comparison is on screen (the status line's "change 1 of N",
   N the whole comparison's changes) vs A (target ≤ 3x).

The children run with bytecode compiled (``compileall``), as an installed wetdiff does.

**In one process with Pilot** (``--part pilot``), after the imports:

1. First paint of ``wetdiff`` (no arguments: the worked example, law in force against
   36 547, through the real workspace, store and notes) vs a minimal Textual app
   (target ≤ 1.5x).
2. First paint of the whole Wetboek van Strafrecht diff (2002-05-04 vs 2014-04-01 from
   the official XML, imported with ``wetdiff.importers.bwb``) vs the worked example,
   both through the same path: versions loaded beforehand, diff + layout + paint timed
   (target ≤ 2x: the cost must not grow with the size of the code).
3. Page-down on the whole-Sr diff vs on the worked example (target ≤ 1.5x).

"First paint" is the time from creating the app to the first rendered line of content
(for wetdiff: of the comparison's text, as soon as any is shown: for a whole code that is
its opening articles, labelled PROVISIONAL on screen, and the notes follow the text; the
time until the whole comparison with its notes is on screen is printed beside it; for
the minimal app: of its text). Page-down is timed per Pilot key press including the
repaint. Each measure is the median of several interleaved runs.

    python benchmarks/tui_paint.py [--corpus /tmp/corpus/BWBR0001854] [--runs 5]
                                   [--part process|pilot|both]
"""

from __future__ import annotations

import os

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")  # scrolling is measured, not animated

import argparse
import asyncio
import contextlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Static

SIZE = (160, 48)


PAINTED: list[float] = []  # when the first frame with content was rendered
READY: list[float] = []  # when the whole comparison (with its notes) was shown
WHOLE: list[float] = []  # per run: from making the app to READY


class Painted(Static):
    def render(self) -> Any:
        if not PAINTED:
            PAINTED.append(time.perf_counter())
        return super().render()


class MinimalApp(App[None]):
    """The alternative: the smallest Textual app that shows some text."""

    def compose(self) -> ComposeResult:
        yield Painted("Artikel 273f")


class SameWidgetsApp(App[None]):
    """wetdiff's widgets without any data: the floor set by the screen's layout alone."""

    CSS = "#body { height: 1fr; } #reading { width: 1fr; } #view { height: 1fr; }"

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal, Vertical
        from textual.widgets import Footer

        from wetdiff.tui.widgets.article_tree import ArticleTree
        from wetdiff.tui.widgets.notes_panel import NotesPanel
        from wetdiff.tui.widgets.side_by_side import SideBySide
        from wetdiff.tui.widgets.versions_header import VersionsHeader

        yield VersionsHeader()
        with Horizontal(id="body"):
            yield ArticleTree()
            with Vertical(id="reading"):
                yield SideBySide(id="view")
                yield NotesPanel()
        yield Painted("Artikel 273f")
        yield Footer()


def _record_first_paint() -> None:
    """The moment the side-by-side view renders its first line of a comparison."""
    from wetdiff.tui.widgets.side_by_side import SideBySide

    render_line = SideBySide.render_line

    def recording(self: SideBySide, y: int) -> Any:
        if not PAINTED and self.document.blocks and not self._busy:
            PAINTED.append(time.perf_counter())
        return render_line(self, y)

    SideBySide.render_line = recording  # type: ignore[method-assign]


class PreloadedSession:
    """A session over two versions already in memory: the diff and everything after it
    run in the app's worker, exactly as for a workspace. With ``precomputed``, the
    change set is computed once beforehand, so only the TUI's own work is timed."""

    def __init__(self, old: Any, new: Any, *, precomputed: bool = False) -> None:
        from wetdiff.tui.data import compare_versions

        self.old, self.new = old, new
        self.done = compare_versions(old, new) if precomputed else None

    def compare_text(self, old_spec: str | None, new_spec: str | None, provide: Any = None) -> Any:
        from wetdiff.tui.data import compare_versions

        return self.done or compare_versions(self.old, self.new, provide=provide)

    compare = compare_text

    def with_notes(self, comparison: Any) -> Any:
        return comparison


async def _until_ready(pilot: Any) -> None:
    from wetdiff.tui.screens.main import MainScreen

    deadline = time.perf_counter() + 60
    while True:
        if time.perf_counter() > deadline or not pilot.app.is_running:
            raise RuntimeError("the comparison was not shown")
        screen = pilot.app.screen
        if isinstance(screen, MainScreen) and screen.ready:
            READY.append(time.perf_counter())
            break
        await asyncio.sleep(0.001)
    await pilot.pause()


async def first_paint(make: Callable[[], App[Any]], wetdiff: bool) -> float:
    """From making the app to the first rendered line of content."""
    PAINTED.clear()
    READY.clear()
    start = time.perf_counter()
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        if wetdiff:
            await _until_ready(pilot)
        deadline = time.perf_counter() + 60
        while not PAINTED:
            if time.perf_counter() > deadline:
                raise RuntimeError("nothing was painted (did the comparison fail?)")
            await asyncio.sleep(0.001)
    if wetdiff:
        WHOLE.append(READY[0] - start)
    return PAINTED[0] - start


async def page_downs(make: Callable[[], App[Any]], presses: int = 30) -> float:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await _until_ready(pilot)
        view = app.screen.view  # type: ignore[attr-defined]
        view.focus()
        view.scroll_home(animate=False)
        await pilot.pause()
        start = time.perf_counter()
        for _ in range(presses):
            await pilot.press("pagedown")
            await pilot.pause()
        elapsed = (time.perf_counter() - start) / presses
        assert view.scroll_y > 0
    return elapsed


def median(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


MINIMAL_APP = """\
from textual.app import App
from textual.widgets import Static


class Minimal(App):
    def compose(self):
        yield Static("Artikel 273f minimal")


if __name__ == "__main__":
    Minimal().run()
"""


def pty_first_paint(cmd: list[str], marker: bytes, cwd: Path, env: dict[str, str]) -> float:
    """Seconds from starting ``cmd`` in a 160x48 pseudo terminal until ``marker`` is on
    it (escape sequences taken out), as ``../shared/tools/tui_first_paint.py`` measures."""
    import fcntl
    import pty
    import select
    import signal
    import struct
    import termios

    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, in the terminal
        os.chdir(cwd)
        os.execvpe(cmd[0], cmd, {**env, "TERM": "xterm-256color"})
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    seen, took = b"", float("nan")
    while time.perf_counter() - start < 60:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        if marker in seen.replace(b"\x1b[", b"").replace(b"\x1b", b""):
            took = time.perf_counter() - start
            break
    os.kill(pid, signal.SIGTERM)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    os.close(fd)
    if took != took:  # NaN: never seen
        raise RuntimeError(f"{marker!r} never appeared for {' '.join(cmd)}")
    return took


def whole_code_workspace(corpus: Path, env: dict[str, str]) -> Path:
    """A workspace holding the whole Sr from the corpus, imported once (kept in /tmp)."""
    root = Path(tempfile.gettempdir()) / "wetdiff-bench-sr"
    done = root / ".imported"
    if done.exists():
        return root
    if root.exists():
        shutil.rmtree(root)
    wetdiff = [sys.executable, "-m", "wetdiff"]
    subprocess.run([*wetdiff, "init", str(root)], env=env, check=True, capture_output=True)
    subprocess.run(
        [*wetdiff, "import", "bwb", str(corpus)], cwd=root, env=env, check=True, capture_output=True
    )
    done.write_text("", encoding="utf-8")
    return root


def whole_comparison_count(root: Path, old: str, new: str) -> int:
    """N of the status line's "change 1 of N" once the whole comparison is shown."""
    from wetdiff.tui.data import Session
    from wetdiff.tui.layout import DiffDocument

    comparison = Session(root).compare_text(old, new)
    return len(DiffDocument(comparison.shown).changed_order())


def process_level(args: argparse.Namespace) -> dict[str, float]:
    """Ratios A, B and C (see the module's docstring)."""
    import compileall

    import wetdiff

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("WETDIFF_WORKSPACE", None)
    compileall.compile_dir(Path(wetdiff.__file__).parent, quiet=1)  # as installed
    scratch = Path(tempfile.mkdtemp(prefix="wetdiff-bench-"))
    minimal = scratch / "minimal_textual_app.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    outside = scratch / "elsewhere"  # no workspace around it: the worked example opens
    outside.mkdir()
    wetdiff_cmd = [sys.executable, "-m", "wetdiff"]
    subprocess.run([*wetdiff_cmd, "versions"], cwd=outside, env=env, capture_output=True)
    old, new = "law@2006-01-01", "law@2013-12-01"
    sr = whole_code_workspace(args.corpus, env)
    outline_old, outline_new = _outlines(sr, old, new)
    numbers = set(outline_old) | set(outline_new)
    changed = sorted(
        (n for n in numbers if outline_old.get(n) != outline_new.get(n)), key=_sort_key
    )
    first_article = f"Artikel {changed[0]}".encode()
    total = whole_comparison_count(sr, old, new)
    print(
        f"whole Sr {old} → {new}: {len(numbers)} articles, "
        f"{len(changed)} changed; {total} changes shown (marker: {first_article.decode()!r}, "
        f"'of {total}')"
    )
    measures: dict[str, tuple[list[str], bytes, Path]] = {
        "minimal Textual app": (
            [sys.executable, str(minimal)],
            b"Artikel 273f minimal",
            outside,
        ),
        "A wetdiff (worked example)": (wetdiff_cmd, b"Artikel 273f", outside),
        "B whole Sr, first screen": ([*wetdiff_cmd, "tui", old, new], first_article, sr),
        "C whole Sr, whole comparison": (
            [*wetdiff_cmd, "tui", old, new],
            f"of {total}".encode(),
            sr,
        ),
    }
    for cmd, marker, cwd in measures.values():  # warm the disk cache
        pty_first_paint(cmd, marker, cwd, env)
    times: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(args.runs):  # interleaved, so drift hits all alike
        for name, (cmd, marker, cwd) in measures.items():
            times[name].append(pty_first_paint(cmd, marker, cwd, env))
    shutil.rmtree(scratch, ignore_errors=True)
    median_of = {name: statistics.median(values) for name, values in times.items()}
    print(f"\nProcess start → marker on the terminal (median of {args.runs}, {SIZE[0]}x{SIZE[1]}):")
    for name, value in median_of.items():
        runs = ", ".join(f"{t * 1000:.0f}" for t in times[name])
        print(f"  {name:<32} {value * 1000:7.0f} ms   ({runs})")
    a = median_of["A wetdiff (worked example)"]
    ratios = {
        "A worked example / minimal app": a / median_of["minimal Textual app"],
        "B whole-code first screen / A": median_of["B whole Sr, first screen"] / a,
        "C whole-code whole comparison / A": median_of["C whole Sr, whole comparison"] / a,
    }
    targets = dict(zip(ratios, ("≤ 1.3x", "≤ 1.5x", "≤ 3x"), strict=True))
    print("\nRatios:")
    for name, value in ratios.items():
        print(f"  {name:<36} {value:5.2f}x  (target {targets[name]})")
    return ratios


def _outlines(root: Path, old: str, new: str) -> tuple[dict[str, str], dict[str, str]]:
    from wetdiff.store.versions import outline_pair
    from wetdiff.store.workspace import open_workspace

    a, b = outline_pair(old, new, open_workspace(root, git=False))
    return a.files, b.files


def _sort_key(number: str) -> Any:
    from wetdiff.model.version import article_sort_key

    return article_sort_key(number)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path(os.environ.get("WETDIFF_CORPUS", "/tmp/corpus/BWBR0001854")),
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--part", choices=("process", "pilot", "both"), default="both")
    args = parser.parse_args()
    if args.part in ("process", "both"):
        process_level(args)
    if args.part in ("pilot", "both"):
        pilot_level(args)


def pilot_level(args: argparse.Namespace) -> None:
    """The in-process Pilot figures (see the module's docstring)."""
    os.environ.setdefault("WETDIFF_DATA_DIR", tempfile.mkdtemp(prefix="wetdiff-bench-"))

    from wetdiff.importers.bwb import read_toestand
    from wetdiff.model.version import Version
    from wetdiff.store.versions import resolve
    from wetdiff.store.workspace import open_workspace
    from wetdiff.tui.app import WetdiffApp, make_app

    _record_first_paint()
    workspace = open_workspace()  # builds the worked example once, outside the timing
    old_spec, new_spec = workspace.default_comparison()
    example = PreloadedSession(resolve(old_spec, workspace), resolve(new_spec, workspace))
    sr = []
    for day in ("2002-05-04", "2014-04-01"):
        toestand = read_toestand(args.corpus / f"{day}.xml")
        sr.append(
            Version(
                f"Sr@{day}",
                f"Wetboek van Strafrecht ({day})",
                tuple(a.artikel for a in toestand.artikelen),
            )
        )
    whole = PreloadedSession(*sr)
    example_tui = PreloadedSession(example.old, example.new, precomputed=True)
    whole_tui = PreloadedSession(*sr, precomputed=True)

    def run(coroutine: Any) -> float:
        return float(asyncio.run(coroutine))

    makers: dict[str, tuple[Callable[[], App[Any]], bool]] = {
        "minimal Textual app": (MinimalApp, False),
        "wetdiff's widgets, no data": (SameWidgetsApp, False),
        "wetdiff (worked example, workspace)": (make_app, True),
        "worked example (preloaded)": (lambda: WetdiffApp(example, "a", "b"), True),  # type: ignore[arg-type]
        "whole Sr 2002→2014 (preloaded)": (lambda: WetdiffApp(whole, "a", "b"), True),  # type: ignore[arg-type]
        "worked example (diff precomputed)": (lambda: WetdiffApp(example_tui, "a", "b"), True),  # type: ignore[arg-type]
        "whole Sr (diff precomputed)": (lambda: WetdiffApp(whole_tui, "a", "b"), True),  # type: ignore[arg-type]
    }
    for make, wetdiff in makers.values():  # warm imports and caches
        run(first_paint(make, wetdiff))
    times: dict[str, list[float]] = {name: [] for name in makers}
    whole_times: dict[str, list[float]] = {name: [] for name in makers}
    for _ in range(args.runs):  # interleaved, so drift hits all alike
        for name, (make, wetdiff) in makers.items():
            WHOLE.clear()
            times[name].append(run(first_paint(make, wetdiff)))
            whole_times[name].extend(WHOLE)
    paint = {name: statistics.median(values) for name, values in times.items()}
    page = {
        "worked example": median(
            args.runs, lambda: run(page_downs(makers["worked example (diff precomputed)"][0]))
        ),
        "whole Sr": median(
            args.runs, lambda: run(page_downs(makers["whole Sr (diff precomputed)"][0]))
        ),
    }

    changes = whole.compare(None, None).changeset
    print(
        f"whole Sr: {len(sr[0].artikelen)} → {len(sr[1].artikelen)} articles, "
        f"{len(changes.changes)} aligned provisions, {len(changes.changed())} changed"
    )
    print(f"\nFirst paint (median of {args.runs}, terminal {SIZE[0]}x{SIZE[1]}):")
    for name, value in paint.items():
        done = whole_times[name]
        whole_note = (
            f"   (whole comparison and notes shown: {statistics.median(done) * 1000:6.1f} ms)"
            if done
            else ""
        )
        print(f"  {name:<40} {value * 1000:8.1f} ms{whole_note}")
    print("\nPage-down (median ms per press, 30 presses):")
    for name, value in page.items():
        print(f"  {name:<40} {value * 1000:8.2f} ms")
    ratio1 = paint["wetdiff (worked example, workspace)"] / paint["minimal Textual app"]
    ratio2 = paint["whole Sr 2002→2014 (preloaded)"] / paint["worked example (preloaded)"]
    ratio2b = paint["whole Sr (diff precomputed)"] / paint["worked example (diff precomputed)"]
    ratio3 = page["whole Sr"] / page["worked example"]
    print("\nRatios:")
    ratio0 = paint["wetdiff (worked example, workspace)"] / paint["wetdiff's widgets, no data"]
    print(f"  wetdiff first paint / minimal app        {ratio1:5.2f}x  (target ≤ 1.5x)")
    print(f"  wetdiff first paint / its widgets empty  {ratio0:5.2f}x")
    print(f"  whole-Sr first paint / worked example    {ratio2:5.2f}x  (target ≤ 2x)")
    print(f"  the same, diff precomputed (TUI only)   {ratio2b:5.2f}x")
    print(f"  whole-Sr page-down / worked example      {ratio3:5.2f}x  (target ≤ 1.5x)")


if __name__ == "__main__":
    main()
