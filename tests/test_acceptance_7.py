"""Acceptance (issue 7) on the shipped worked example, built as a user gets it:
apply(generate(A, B), A) == B for every pair the example holds, the CLI proves it the
same way, the docx memo's revisions are real, and the memo has a JSON form."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import forget_open_workspaces

from wetdiff.instructions import apply_opdrachten, generate, parse_text, same_text
from wetdiff.model.text_format import render
from wetdiff.store.versions import resolve

PAIRS = [
    ("law@2005-01-01", "law@2006-09-01"),
    ("law@2006-09-01", "law@2009-07-01"),
    ("law@2009-07-01", "law@2013-04-01"),
    ("law@2013-04-01", "law@2013-11-15"),
    ("law@2013-11-15", "36547/nr2"),
    ("36547/nr2", "36547/A"),
    ("law", "36547/A"),
    ("law@2005-01-01", "36547/A"),
]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(autouse=True)
def _outside_any_workspace(tmp_path, monkeypatch, worked_example) -> None:  # type: ignore[no-untyped-def,misc]
    monkeypatch.chdir(tmp_path)
    yield
    forget_open_workspaces()


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=lambda v: v)
def test_generated_instructions_applied_to_a_give_b(a: str, b: str) -> None:
    old, new = resolve(a), resolve(b)
    generated = generate(old, new)
    assert generated.text, "the pair differs, so there are instructions"
    read = parse_text(generated.text)
    assert not read.problems
    result = apply_opdrachten(read.opdrachten, old, rollback=False)
    assert not result.failures
    numbers = {x.number for x in new.artikelen} | {x.number for x in result.version.artikelen}
    for number in sorted(numbers):
        assert same_text(result.version.artikel(number), new.artikel(number)), number


def test_apply_cli_proves_the_bill_against_its_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "memo", "36547/nr2", "36547/A", "-o", str(tmp_path / "m.md"))
    assert code == 0 and "wijzigingsopdrachten proven" in err
    instructions = tmp_path / "opdrachten.txt"
    instructions.write_text(generate(resolve("36547/nr2"), resolve("36547/A")).text, "utf-8")
    code, out, err = run(capsys, "apply", str(instructions), "--to", "36547/nr2", "--print")
    assert code == 0, err
    assert render(resolve("36547/A").artikel("273f")) in out  # type: ignore[arg-type]


def test_docx_revisions_have_unique_ids_author_and_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "memo.docx"
    code, _, err = run(capsys, "memo", "law", "36547", "-o", str(target), "--author", "J. Jurist")
    assert code == 0, err
    with zipfile.ZipFile(target) as docx:
        xml = docx.read("word/document.xml")
    from lxml import etree

    body = etree.fromstring(xml)
    revisions = body.findall(f".//{W}ins") + body.findall(f".//{W}del")
    assert body.findall(f".//{W}ins") and body.findall(f".//{W}del//{W}delText")
    ids = [r.get(f"{W}id") for r in revisions]
    assert len(ids) == len(set(ids)) and None not in ids
    assert {r.get(f"{W}author") for r in revisions} == {"J. Jurist"}
    assert all(r.get(f"{W}date") for r in revisions)


def test_memo_json_carries_the_changes_questions_and_proven_instructions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "memo.json"
    code, _, err = run(capsys, "memo", "law@2009-07-01", "law@2013-04-01", "-o", str(target))
    assert code == 0, err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema"] == 1 and data["instructions"]["proven"] is True
    # The whole code changed between those dates; 273f's penalties are four of them.
    assert data["total"] == len(data["changes"]) > 4
    assert [c["location"] for c in data["changes"] if "273f" in c["location"]] == [
        "artikel 273f, eerste lid, aanhef",
        "artikel 273f, derde lid, aanhef",
        "artikel 273f, vierde lid",
        "artikel 273f, vijfde lid",
    ]
    assert (
        "In het eerste lid, aanhef, wordt «acht» vervangen door «twaalf»."
        in data["instructions"]["text"]
    )
    code, _, err = run(
        capsys, "memo", "law", "36547", "-o", str(tmp_path / "m.txt"), "--format", "json"
    )
    assert code == 0 and json.loads((tmp_path / "m.txt").read_text(encoding="utf-8"))
