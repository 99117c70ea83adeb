"""The change memo: what leaves the lawyer's desk.

:func:`build_memo` makes the :class:`Memo` (header, counts, every change in renvooi with
its rationale and the questions it answers, the concordance, the questions index and the
proven wijzigingsopdrachten); :func:`render` lays it out as Markdown, HTML or Word
(.docx, with real tracked changes). See docs/memo.md.
"""

from __future__ import annotations

from wetdiff.memo.model import Memo, build_memo, prove_instructions

FORMATS = ("md", "html", "docx")


def render(memo: Memo, output_format: str) -> bytes:
    """The memo in ``md``, ``html`` or ``docx``, as the bytes of the file."""
    if output_format == "md":
        from wetdiff.memo.markdown import render_markdown

        return render_markdown(memo).encode("utf-8")
    if output_format == "html":
        from wetdiff.memo.html import render_html

        return render_html(memo).encode("utf-8")
    if output_format == "docx":
        from wetdiff.memo.docx import render_docx

        return render_docx(memo)
    raise ValueError(f"unknown memo format {output_format!r}")


__all__ = ["FORMATS", "Memo", "build_memo", "prove_instructions", "render"]
