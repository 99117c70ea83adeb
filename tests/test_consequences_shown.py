"""What a change does elsewhere, shown wherever a comparison is: a pure renumbering (273a
became 273f in 2006) leaves articles 5, 5a, 71 and 77d citing "273a"; ``wetdiff diff``
(text and JSON), the memo (its Bijlage A in Markdown, HTML, Word and JSON) and the terminal
UI all give the proven consequential instruction for each."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import docx
import pytest
from cli_helpers import run

from wetdiff.diff import compare
from wetdiff.instructions.consequential import consequences
from wetdiff.model.version import load_path

FIXTURES = Path(__file__).parent / "fixtures" / "consequential"
BEFORE, AFTER = FIXTURES / "2006-08-02", FIXTURES / "2006-09-03"
INSTRUCTIONS = [
    'In artikel 5, eerste lid, onder 3°, wordt "273a" vervangen door "273f".',
    'In artikel 5a, eerste lid, wordt "273a" vervangen door "273f".',
    'In artikel 71, onder 3°, wordt "273a" vervangen door "273f".',
    'In artikel 77d, tweede lid, wordt "273a" vervangen door "273f".',
]


def test_diff_json_gives_each_stale_citation_its_proven_instruction(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "diff", str(BEFORE), str(AFTER), "--format", "json")
    assert code == 1, err
    stale = json.loads(out)["stale_citations"]
    assert [s["instruction"] for s in stale] == INSTRUCTIONS
    assert all(s["question"] is None and s["regeling"] is None for s in stale)


def test_the_text_diff_shows_the_instruction_under_each_citation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "diff", str(BEFORE), str(AFTER), "--format", "unified")
    assert code == 1
    section = out.split("Verwijzingen om aan te passen", 1)[1].splitlines()
    citing = [i for i, line in enumerate(section) if "verwees naar artikel 273a" in line]
    assert [section[i + 1].strip() for i in citing] == [f"→ {i}" for i in INSTRUCTIONS]


def _appendix_a(text: str) -> str:
    return text.split("Bijlage A", 1)[1]


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx", ".json"])
def test_every_memo_format_has_the_instructions_in_appendix_a(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"memo{suffix}"
    code, _, err = run(capsys, "memo", str(BEFORE), str(AFTER), "-o", str(target))
    assert code == 0, err
    if suffix == ".json":
        instructions = json.loads(target.read_text(encoding="utf-8"))["instructions"]
        assert instructions["consequential"].splitlines() == INSTRUCTIONS
        assert not any(i in instructions["text"] for i in INSTRUCTIONS), "not part of A → B"
        return
    if suffix == ".docx":
        document = docx.Document(io.BytesIO(target.read_bytes()))
        text = "\n".join(p.text for p in document.paragraphs)
    else:
        text = html.unescape(target.read_text(encoding="utf-8"))
    appendix = _appendix_a(text)
    assert "Vervolgwijzigingen (voorgesteld)" in appendix
    for instruction in INSTRUCTIONS:
        assert instruction in appendix


def test_a_question_to_decide_is_an_open_point_of_the_memo(tmp_path: Path) -> None:
    """A citation of a provision that went is no renumbering: the memo's open points ask
    the drafter, and Bijlage A proposes nothing for it."""
    from dataclasses import replace

    from wetdiff.memo import build_memo, render

    old = load_path(AFTER)  # articles 5, 5a, 71 and 77d cite "273a" …
    new = replace(old, artikelen=tuple(a for a in old.artikelen if a.number != "273a"))
    changeset = compare(old, new)  # … and 273a is repealed
    found = consequences(changeset)
    assert found and all(c.decide for c in found)
    memo = render(build_memo(old, new, changeset), "md").decode("utf-8")
    open_points = memo.split("## Open punten", 1)[1].split("\n## ", 1)[0]
    assert open_points.count("Gevolg om te beslissen") == len(found)
    assert "dat vervalt: de verwijzing schrappen" in open_points
    english = render(build_memo(old, new, changeset, lang="en"), "md").decode("utf-8")
    assert "which is gone: delete the citation" in english
    assert "Vervolgwijzigingen (voorgesteld)" not in memo


def test_the_terminal_ui_lists_the_instructions() -> None:
    from wetdiff.tui.screens.consequences import consequences_content

    found = consequences(compare(load_path(BEFORE), load_path(AFTER)))
    text = consequences_content(found).plain
    for instruction in INSTRUCTIONS:
        assert f"→ {instruction}" in text
    assert "artikel 77d, tweede lid: «273a» cited artikel 273a, now artikel 273f" in text


def test_a_question_names_its_place_once_in_the_terminal_ui_and_the_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under the line that names the citing provision, its question goes on without
    naming it again (in the TUI's English, in the diff's Dutch section)."""
    from dataclasses import replace

    from wetdiff.tui.screens.consequences import consequences_content

    old = load_path(AFTER)
    new = replace(old, artikelen=tuple(a for a in old.artikelen if a.number != "273a"))
    found = consequences(compare(old, new))
    text = consequences_content(found).plain
    assert "? to decide: cites «273a» (artikel 273a), which is gone" in text
    assert "to decide: artikel" not in text
    repealed = tmp_path / "repealed"
    repealed.mkdir()
    for source in AFTER.glob("*.txt"):
        if source.name != "273a.txt":
            (repealed / source.name).write_bytes(source.read_bytes())
    code, out, err = run(capsys, "diff", str(AFTER), str(repealed), "--format", "unified")
    assert code == 1, err
    section = out.split("Verwijzingen om aan te passen", 1)[1]
    assert "artikel 77d, tweede lid: «273a» verwees naar artikel 273a, vervallen" in section
    assert "    → verwijst met «273a» naar artikel 273a, dat vervalt" in section
    assert "→ artikel" not in section
