"""The line index that keeps a whole code fast: exact heights without laying out, and
only what is on screen laid out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tui_helpers import build_workspace

from wetdiff.model.files import VersionMeta
from wetdiff.tui.app import make_app
from wetdiff.tui.layout import DELETE, INSERT, MARKER, PLAIN, count_lines, count_wrapped, wrap

words = st.text(alphabet="abcdefghij°,.;", min_size=1, max_size=30)
spans = st.lists(
    st.tuples(
        st.lists(words, min_size=1, max_size=8).map(" ".join),
        st.sampled_from([PLAIN, INSERT, DELETE]),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(8, 80), st.integers(0, 12))
def test_counting_lines_gives_exactly_the_lines_of_the_wrap(marked, width, prefix) -> None:
    first = [("x" * prefix, PLAIN)] if prefix else []
    lines = wrap(marked, width, first, prefix)
    assert count_wrapped(marked, width, prefix, prefix) == len(lines)
    if prefix < width:  # (a number wider than the column is cropped by the widget)
        assert all(sum(len(t) for t, _ in line) <= max(width, 8) for line in lines)


def test_a_word_change_is_never_broken_from_its_markers() -> None:
    marked = [
        ("ten hoogste ", PLAIN),
        ("{+", INSERT | MARKER),
        ("vijftien", INSERT),
        ("+}", INSERT | MARKER),
        (" jaren", PLAIN),
    ]
    for width in range(12, 40):  # wide enough for the marked word itself
        for line in wrap(marked, width):
            text = "".join(t for t, _ in line)
            assert ("{+" in text) == ("+}" in text) or "vijftien" not in text


def _big_workspace(root: Path, articles: int) -> Path:
    """The fixture workspace plus ``articles`` more articles in the law."""
    build_workspace(root)
    from wetdiff.store.workspace import open_workspace

    paths = []
    for n in range(1000, 1000 + articles):
        folder = root / f"articles/BWBR0001854/{n}"
        folder.mkdir(parents=True)
        (folder / "2013-11-15.txt").write_text(
            f"Artikel {n}\n\n1. Hij die artikel {n} overtreedt, wordt gestraft met "
            "gevangenisstraf van ten hoogste een jaar of geldboete van de derde categorie.\n"
            "\n2. De poging is niet strafbaar.\n",
            encoding="utf-8",
        )
        meta = VersionMeta(str(n), dt.date(2013, 11, 15), bwb_id="BWBR0001854")
        (folder / "2013-11-15.toml").write_text(meta.to_toml(), encoding="utf-8")
        paths += [
            f"articles/BWBR0001854/{n}/2013-11-15.txt",
            f"articles/BWBR0001854/{n}/2013-11-15.toml",
        ]
    open_workspace(root).repo.commit(paths, "A thousand more articles\n")
    return root


def test_a_thousand_article_diff_lays_out_only_what_is_on_screen(tmp_path, run_app) -> None:
    root = _big_workspace(tmp_path / "big", 1000)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        view = pilot.app.screen.view
        document = view.document
        for _ in range(500):  # a long document's exact index comes from a worker
            if document.exact:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        assert document.exact
        assert len(document.blocks) > 3000  # 1,003 headings + their provisions
        assert document.height > 6000
        # room below the text to bring the last article to the top, no more
        assert document.height <= view.virtual_size.height < document.height + view.size.height
        assert len(document._cache) < 40  # laid out: only the blocks on screen
        height_before = document.height
        for _ in range(5):
            await pilot.press("pagedown")
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y > 6000
        assert len(document._cache) < 80
        assert document.height == height_before  # the index was exact: no relayout

    run_app(make_app("law@2024-04-25", "36547/nr2", workspace=root), scenario)


def test_search_marks_only_the_chosen_version_in_renvooi() -> None:
    from wetdiff.tui.layout import MATCH, highlight

    spans = [("ten hoogste ", PLAIN), ("twaalf", DELETE), ("twaalf jaren", INSERT)]
    old = highlight(spans, "twaalf", skip=INSERT)
    assert [t for t, m in old if m & MATCH] == ["twaalf"]
    assert all(not m & MATCH for t, m in old if m & INSERT)
    both = highlight(spans, "twaalf")
    assert len([t for t, m in both if m & MATCH]) == 2


@settings(max_examples=400, deadline=None)
@given(
    st.lists(words, min_size=1, max_size=40).map(" ".join), st.integers(8, 80), st.integers(0, 12)
)
def test_counting_plain_words_gives_exactly_the_lines_of_the_wrap(text, width, prefix) -> None:  # type: ignore[no-untyped-def]
    # The whole document's line index is counted on the words (count_lines) and laid out
    # by wrap: for plain statute text (single spaces) the two must agree, or the text view
    # jumps when a block is first drawn.
    first = [("x" * prefix, PLAIN)] if prefix else []
    assert count_lines(text, width, prefix, prefix) == len(
        wrap([(text, PLAIN)], width, first, prefix)
    )
