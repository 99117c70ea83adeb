"""An amendment's wijzigingsopdrachten as the Kamer prints them (relative to the bill's
ARTIKEL I and onderdelen), proven by carrying them out on the stage; 'apply' reads them
onto a stage; the memo of an amendment carries its toelichting and the questions it
answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from branch_helpers import at, replace_in
from cli_helpers import run
from store_helpers import build, forget_open_workspaces

from wetdiff.instructions.amendment import bill, carry_out, generate
from wetdiff.model.text_format import render
from wetdiff.store.versions import resolve
from wetdiff.store.workspace import open_workspace

NEW_ARTICLE = "ernstig benadeelt."


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    root = build(tmp_path / "ws")
    at(monkeypatch, root)
    yield root
    forget_open_workspaces()


def _amendment(capsys, root: Path, name: str, article: str, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "amendment", "new", "36547", name, "--on", "A")
    assert code == 0, err
    draft = root.parent / f"{name}-{article}.txt"
    draft.write_text(
        replace_in(root / f"proposals/36547/A/{article}.txt", old, new), encoding="utf-8"
    )
    code, _, err = run(capsys, "save", f"36547/{name}", str(draft), "-m", name)
    assert code == 0, err


def _instructions(capsys, name: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    code, out, err = run(capsys, "amendment", "show", f"36547/{name}", "--format", "json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_the_bill_is_numbered_as_the_generator_numbers_it(ws: Path) -> None:
    stage = resolve("36547/A", open_workspace())
    assert stage.base is not None
    parts = [(p.letter, p.articles, p.proposed) for p in bill(stage.base, stage).parts]
    # 273f is amended word by word, 273fa inserted whole: its proposed text is in B
    assert parts == [("A", ("273f",), False), ("B", ("273fa",), True)]


def test_a_change_to_a_proposed_article_is_addressed_into_the_bill(ws: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _amendment(capsys, ws, "am-12", "273fa", "een ander ernstig", "een ander zwaar")
    shown = _instructions(capsys, "am-12")
    assert shown["proven"] is True
    assert shown["instructions"] == (
        "Het voorstel van wet wordt als volgt gewijzigd:\n\nI\n\n"
        "In artikel I, onderdeel B, wordt in het voorgestelde artikel 273fa, eerste lid, "
        "«ander ernstig» vervangen door «ander zwaar».\n"
    )
    _code, out, _ = run(capsys, "amendment", "show", "36547/am-12")
    assert "Wijzigingsopdrachten (proven: carried out on the stage" in out


def test_a_change_to_an_article_the_bill_amends_piecemeal_restates_its_onderdeel(
    ws: Path,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    _amendment(capsys, ws, "am-15", "273f", "vijftien jaren of", "achttien jaren of")
    shown = _instructions(capsys, "am-15")
    assert shown["proven"] is True
    text = shown["instructions"]
    assert "Artikel I, onderdeel A, komt te luiden:" in text
    assert "    A\n" in text and "«twaalf» vervangen door «achttien»" in text


def test_applying_an_amendments_instructions_to_the_stage_gives_the_amendment(
    ws: Path,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    _amendment(capsys, ws, "am-12", "273fa", NEW_ARTICLE, "ernstig en stelselmatig benadeelt.")
    _amendment(capsys, ws, "am-15", "273f", "vijftien jaren of", "achttien jaren of")
    merged = resolve("36547/A+am-12+am-15", open_workspace())
    stage = resolve("36547/A", open_workspace())
    assert stage.base is not None
    made = generate(stage.base, stage, merged)
    assert made.proven, made.problem
    path = ws.parent / "amendement.txt"
    path.write_text(made.text, encoding="utf-8")
    code, _out, err = run(capsys, "apply", str(path), "--to", "36547/A", "--as", "36547/am-20")
    assert code == 0, err
    assert "started amendment 36547/am-20 on 36547/A" in err
    forget_open_workspaces()
    workspace = open_workspace()
    applied = resolve("36547/am-20", workspace)
    for number in ("273f", "273fa"):
        assert render(applied.artikel(number)) == render(merged.artikel(number))  # type: ignore[arg-type]
    assert (ws / "proposals/36547/am-20/amendment.toml").is_file()


def test_an_amendment_that_points_at_the_wrong_onderdeel_is_refused(ws: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = ws.parent / "amendement.txt"
    path.write_text(
        "Het voorstel van wet wordt als volgt gewijzigd:\n\nI\n\nIn artikel I, onderdeel A, "
        "wordt in het voorgestelde artikel 273fa, eerste lid, «ernstig» vervangen door "
        "«zwaar».\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "apply", str(path), "--to", "36547/A", "--print")
    assert code == 1
    assert "staat in onderdeel B, niet in onderdeel A" in err
    path.write_text(
        "In artikel I, onderdeel A, wordt in het voorgestelde artikel 273f, eerste lid, "
        "«vijftien» vervangen door «twintig».\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "apply", str(path), "--to", "36547/A", "--print")
    assert code == 1 and "stelt het niet geheel voor" in err
    code, _, err = run(capsys, "apply", str(path), "--to", "law", "--print")
    assert code == 2 and "is no stage of a bill" in err


def test_carrying_out_reads_restated_inserted_and_dropped_onderdelen(ws: Path) -> None:
    workspace = open_workspace()
    stage = resolve("36547/A", workspace)
    assert stage.base is not None
    base = stage.base
    dropped = carry_out("Artikel I, onderdeel B, vervalt.\n", base, stage)
    assert dropped.failures == () and dropped.version.artikel("273fa") is None
    restated = carry_out(
        "Artikel I, onderdeel A, komt te luiden:\n\n    A\n\n    In artikel 273f, eerste lid, "
        "wordt «twaalf» vervangen door «twintig».\n",
        base,
        stage,
    )
    assert restated.failures == ()
    text = render(restated.version.artikel("273f"))  # type: ignore[arg-type]
    assert "ten hoogste twintig jaren" in text  # the bill's other changes to it are gone
    assert "gedwongen huwelijk" not in text
    inserted = carry_out(
        "In artikel I wordt na onderdeel B een onderdeel ingevoegd, luidende:\n\n    Ba\n\n"
        "    Artikel 251 komt te luiden:\n\n        Artikel 251\n\n"
        "        Bij veroordeling kan ontzetting worden uitgesproken.\n",
        base,
        stage,
    )
    assert inserted.failures == (), inserted.failures
    assert "Bij veroordeling kan" in render(inserted.version.artikel("251"))  # type: ignore[arg-type]


def test_the_memo_of_an_amendment_carries_its_toelichting_and_the_questions_it_answers(
    ws: Path,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    code, _, err = run(
        capsys, "amendment", "new", "36547", "am-12", "--on", "A", "--stuknummer", "12",
        "--indiener", "Kuik", "--toelichting", "Stelselmatige benadeling is *ernstiger*.",
    )  # fmt: skip
    assert code == 0, err
    draft = ws.parent / "273fa.txt"
    draft.write_text(
        replace_in(
            ws / "proposals/36547/A/273fa.txt", NEW_ARTICLE, "ernstig en stelselmatig benadeelt."
        ),
        encoding="utf-8",
    )
    run(capsys, "save", "36547/am-12", str(draft), "-m", "stelselmatig")
    code, _, err = run(
        capsys, "note", "add", "--stage", "am-12", "--at", "273fa/1", "--quote",
        "ernstig en stelselmatig benadeelt", "--rationale", "Zoals de indieners vragen.",
        "--answers", "2022Z19982/3", "--gap", "de toelichting staat in het amendement",
    )  # fmt: skip
    assert code == 0, err
    memo = ws.parent / "memo.md"
    code, _, err = run(capsys, "memo", "36547/A", "36547/am-12", "-o", str(memo))
    assert code == 0, err
    text = memo.read_text(encoding="utf-8")
    assert "## Amendement: Amendement nr. 12 (Kuik)" in text
    assert "| Vindplaats | Kamerstuk 36 547, nr. 12 |" in text
    assert "Stelselmatige benadeling is *ernstiger*." in text
    assert "2022Z19982/3" in text and "Zoals de indieners vragen." in text
    assert "In artikel I, onderdeel B, wordt in het voorgestelde artikel 273fa" in text
    # the bill's memo has no amendment section
    code, _, _ = run(capsys, "memo", "law", "36547/A", "-o", str(memo))
    assert "## Amendement" not in memo.read_text(encoding="utf-8")
