"""The change memo: what leaves the lawyer's desk.

:func:`build_memo` makes the :class:`Memo` (header, counts, every change in renvooi with
its rationale and the questions it answers, the concordance, the questions index and the
proven wijzigingsopdrachten); :func:`render` lays it out as Markdown, HTML or Word
(.docx, with real tracked changes), or gives its content as JSON. See docs/memo.md.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from wetdiff.memo.model import Memo, build_memo, prove_instructions

FORMATS = ("md", "html", "docx", "json")
JSON_SCHEMA = 1  # the version of the JSON form; raise it when a field changes meaning


def memo_json(memo: Memo) -> dict[str, Any]:
    """The memo's content as plain data (``--format json``): every field of :class:`Memo`
    by its name, dates as ISO text, plus ``schema``, ``total`` and ``open_questions`` (the
    ids of the questions nothing answers: no change here, no known answer elsewhere)."""
    data: dict[str, Any] = {"schema": JSON_SCHEMA, **dataclasses.asdict(memo)}
    data["created"] = memo.created.isoformat()
    data["total"] = memo.total
    data["open_questions"] = [q.id for q in memo.open_questions]
    return data


def render(memo: Memo, output_format: str) -> bytes:
    """The memo in ``md``, ``html``, ``docx`` or ``json``, as the bytes of the file."""
    if output_format == "md":
        from wetdiff.memo.markdown import render_markdown

        return render_markdown(memo).encode("utf-8")
    if output_format == "html":
        from wetdiff.memo.html import render_html

        return render_html(memo).encode("utf-8")
    if output_format == "docx":
        from wetdiff.memo.docx import render_docx

        return render_docx(memo)
    if output_format == "json":
        text = json.dumps(memo_json(memo), ensure_ascii=False, indent=2) + "\n"
        return text.encode("utf-8")
    raise ValueError(f"unknown memo format {output_format!r}")


__all__ = ["FORMATS", "Memo", "build_memo", "memo_json", "prove_instructions", "render"]
