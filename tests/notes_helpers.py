# ruff: noqa: E501  (statute text in fixtures is one provision per line, as in the files)
"""A tiny workspace for the notes tests: one law article, one proposal with one stage,
its questions and notes — the real file formats, small enough to read in the test."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from wetdiff.model.files import VersionMeta

LAW_273F = """\
Artikel 273f

1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste twaalf jaren gestraft degene die een ander werft met het oogmerk van uitbuiting.

2. Uitbuiting omvat ten minste uitbuiting van een ander in de prostitutie.

3. De schuldige kan worden ontzet van de uitoefening van zijn beroep.
"""

# The proposal raises the penalty (lid 1) and inserts a new lid 2 (so 2 → 3, 3 → 4).
STAGE_273F = """\
Artikel 273f

1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste vijftien jaren gestraft degene die een ander werft met het oogmerk van uitbuiting.

2. Het eerste lid is niet van toepassing op het slachtoffer dat tot het feit is gedwongen.

3. Uitbuiting omvat ten minste uitbuiting van een ander in de prostitutie.

4. De schuldige kan worden ontzet van de uitoefening van zijn beroep.
"""

PROPOSAL_TOML = """\
title = "Testvoorstel"
kamerstuk = "gap"
regeling = "Wetboek van Strafrecht"
bwb_id = "BWBR0001854"
base = "law@2020-01-01"

[[stage]]
id = "nr2"
name = "Voorstel van wet"
date = 2024-04-25
text = true
"""

QUESTIONS = """\
[[question]]
id = "2022Z19982/3"
kind = "schriftelijke vraag"
date = 2022-10-20
asked_by = "Kuik (CDA)"
summary = "Will the penalty for trafficking go up?"
link = "gap"

[[question]]
id = "CKM-2022/2"
kind = "aanbeveling"
date = "gap"
summary = "Do not punish victims for what they were forced to do."
link = "https://example.org/ckm"

[[question]]
id = "28638-213/1"
kind = "commissievraag"
date = "gap"
summary = "Answered in a letter, not by this bill."
link = "gap"
answered_elsewhere = "Kamerstuk 28 638, nr. 213"
"""

NOTES = """\
[[note]]
id = "straf"
at = "273f/1"
quote = "vijftien jaren"
before = "ten hoogste"
after = "gestraft degene"
answers = ["2022Z19982/3"]
rationale = \"\"\"
The maximum penalty goes up from twelve to fifteen years.
\"\"\"

[[note.citation]]
document = "Kamerstukken II 2023/24, 36 547, nr. 3"
section = "§ 4"
page = "gap"

[[note]]
id = "non-punishment"
at = "273f/2"
quote = "niet van toepassing op het slachtoffer"
answers = ["CKM-2022/2"]
gap = "The MvT is not available offline."
rationale = \"\"\"
Codifies the non-punishment principle.
\"\"\"
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_workspace(
    root: Path,
    *,
    stage: str = STAGE_273F,
    questions: str | None = QUESTIONS,
    notes: str | None = NOTES,
    git: bool = True,
) -> Path:
    """A workspace folder: wetdiff.toml, the law (273f since 2013-11-15), proposal 99999
    with stage nr2, and its questions and notes."""
    write(root / "wetdiff.toml", 'name = "test"\n')
    law = root / "articles" / "BWBR0001854" / "273f"
    write(law / "2013-11-15.txt", LAW_273F)
    meta = VersionMeta("273f", dt.date(2013, 11, 15), bwb_id="BWBR0001854")
    write(law / "2013-11-15.toml", meta.to_toml())
    proposal = root / "proposals" / "99999"
    write(proposal / "proposal.toml", PROPOSAL_TOML)
    write(proposal / "nr2" / "273f.txt", stage)
    if questions is not None:
        write(proposal / "questions.toml", questions)
    if notes is not None:
        write(proposal / "notes.toml", notes)
    if git:
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
        subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", "start"], check=True)
    return root
