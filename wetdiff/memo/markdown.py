"""The memo as Markdown that reads well on GitHub and GitLab.

Statute text is escaped so that nothing in it is read as Markdown or HTML (an asterisk,
an underscore, ``<script>``, a ``|`` inside a table cell). Renvooi uses ``<del>`` and
``<ins>`` (struck through and underlined on both sites), never colour alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from wetdiff.memo.labels import labels
from wetdiff.memo.model import Memo, MemoChange, MemoNote, MemoQuestion, Renvooi
from wetdiff.memo.rationale import Paragraph, Run
from wetdiff.memo.structure import MemoOnderdeel

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#])")
# What starts a block at the start of a line: a list item (-, +, 1. or 1)), a setext
# heading's underline (=), a quote (> is escaped above), a heading (# is escaped above).
_LINE_START = re.compile(r"(?m)^([ \t]*)(?:([-+=])|(\d+)([.)]))")
# Characters a link's address may hold as they are; every other one is %-encoded, so an
# address cannot end the link early (")"), carry a title ('"'), or start a tag ("<").
_URL_SAFE = "/:?#@!$&*+,;=%~-._'"


def escape(text: str) -> str:
    """Text as literal Markdown: every character that could start markup is escaped
    (also a line that would begin a list or a heading), and ``&`` cannot start an
    entity."""
    text = _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))
    if "\n" not in text and text[:1] not in ("-", "+", "=") and not text[:1].isdigit():
        return text
    return _LINE_START.sub(_escape_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    indent, mark, digits, stop = match.groups()
    return f"{indent}\\{mark}" if mark else f"{indent}{digits}\\{stop}"


def address(link: str) -> str:
    """A web address as a Markdown link destination: anything that could end the link
    or start markup is %-encoded (the address still leads to the same page)."""
    from urllib.parse import quote

    return quote(link, safe=_URL_SAFE)


def cell(text: str) -> str:
    return escape(text).replace("\n", " ") or " "


def renvooi(parts: tuple[Renvooi, ...]) -> str:
    out = []
    for part in parts:
        if not part.text:
            continue
        if part.op == "equal":
            out.append(escape(part.text))
        elif part.op == "delete":
            out.append(f"<del>{escape(part.text)}</del>")
        else:
            out.append(f"<ins>{escape(part.text)}</ins>")
    return "".join(out)


def _code(text: str) -> str:
    """A code span that shows ``text`` literally, whatever backticks it holds."""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _run(run: Run) -> str:
    text = run.text.replace("\n", " ")
    if run.code:
        body = _code(text)
        lead = trail = ""
    else:
        stripped = text.strip(" ")
        if not stripped:
            return text
        lead = text[: len(text) - len(text.lstrip(" "))]
        trail = text[len(text.rstrip(" ")) :]
        body = escape(stripped)
    if run.italic:
        body = f"*{body}*"
    if run.bold:
        body = f"**{body}**"
    if run.link:
        body = f"[{body}]({address(run.link)})"
    return f"{lead}{body}{trail}"


def rationale(blocks: tuple[Paragraph, ...]) -> list[str]:
    """A rationale written in Markdown, laid out again from its parsed blocks: emphasis,
    links, code and lists come out as Markdown, every other character escaped (so
    ``<script>`` or ``[bold]`` in it is shown as written)."""
    lines: list[str] = []
    previous_item = False
    for block in blocks:
        text = "".join(_run(r) for r in block.runs)
        if block.item:
            if not previous_item and lines and lines[-1]:
                lines.append("")
            marker = f"{block.number}." if block.number else "-"
            lines.append(f"{'    ' * (block.level - 1)}{marker} {text}")
        else:
            if lines and lines[-1]:
                lines.append("")
            lines += [text, ""]
        previous_item = block.item
    if lines and lines[-1]:
        lines.append("")
    return lines


def _note_rationale(note: MemoNote, label: str, gap: str) -> list[str]:
    body = rationale(note.blocks) if note.blocks else [escape(note.rationale) or gap, ""]
    if len(body) == 2 and not note.blocks[1:] and not (note.blocks and note.blocks[0].item):
        return [f"**{label}:** {body[0]}", ""]
    return [f"**{label}:**", "", *body]


def _fenced(text: str, lang: str = "text") -> list[str]:
    """Text shown literally (statute text, instructions): a fence longer than any run of
    backticks in it."""
    fence = "```"
    while fence in text:
        fence += "`"
    return [f"{fence}{lang}", text.rstrip("\n"), fence, ""]


def render_markdown(memo: Memo) -> str:
    t = labels(memo.lang)
    lines: list[str] = [f"# {t['title']}", ""]
    if memo.illustrative:
        for label in memo.illustrative:
            lines += [f"> **{t['illustrative']}:** {escape(label)}", ""]
    lines += [
        "| | |",
        "|---|---|",
        f"| {t['old']} | {cell(memo.old_title or memo.old)} |",
        f"| {t['new']} | {cell(memo.new_title or memo.new)} |",
        f"| {t['created']} | {memo.created.isoformat()} {t['by']} {cell(memo.author or 'gap')} |",
        "",
    ]
    lines += _amendments(memo)
    lines += _aanleiding(memo)
    lines += _overview(memo)
    lines += [f"## {t['toelichting']}", "", f"_{t['legend']}_", ""]
    if not memo.has_notes:
        lines += [f"_{t['no_notes']}_", ""]
    lines += _verdict(memo)
    by_id = memo.changes_by_id()
    for artikel in memo.artikelen:
        if artikel.numeral:
            regeling = f" — {escape(artikel.regeling)}" if artikel.regeling else ""
            lines += [f"### ARTIKEL {artikel.numeral}{regeling}", ""]
        for onderdeel in artikel.onderdelen:
            lines += _onderdeel(onderdeel, memo, by_id)
    if memo.concordance:
        lines += [
            f"## {t['concordance']}",
            "",
            f"| {t['old_numbering']} | {t['new_numbering']} | {t['kind']} |",
            "|---|---|---|",
        ]
        lines += [
            f"| {cell(r.old or '—')} | {cell(r.new or '—')} | {cell(r.words or r.kind)} |"
            for r in memo.concordance
        ]
        lines.append("")
    if memo.stale:
        lines += [
            f"## {t['stale']}",
            "",
            t["stale_intro"],
            "",
            f"| {t['stale_provision']} | {t['stale_citation']} | {t['stale_old']} "
            f"| {t['stale_new']} |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {cell(r.location)} | «{cell(r.text)}» | {cell(r.old_target)} "
            f"| {cell(r.new_target) if r.new_target else t['stale_gone']}"
            f"{' (' + t['stale_also'] + ' ' + cell(r.also) + ')' if r.also else ''} |"
            for r in memo.stale
        ]
        lines.append("")
        proposed = [r.instruction for r in memo.stale if r.instruction]
        if proposed:
            lines += [f"### {t['consequential']}", "", t["consequential_intro"], ""]
            lines += [f"- {escape(i)}" for i in proposed]
            lines.append("")
        decide = [r.question for r in memo.stale if r.question]
        if decide:
            lines += [f"### {t['to_decide']}", "", t["to_decide_intro"], ""]
            lines += [f"- {escape(q)}" for q in decide]
            lines.append("")
    lines += _questions(memo)
    lines += _open_points(memo)
    lines += [f"## {t['appendix_instructions']}", ""]
    if memo.instructions.text:
        for label in memo.illustrative:
            lines += [f"> **{t['illustrative']}:** {escape(label)}", ""]
        lines += [f"{t['base']}: {escape(memo.instructions.base)}", ""]
        lines += _verdict(memo)
        lines += _fenced(memo.instructions.text)
    else:
        lines += [t["no_instructions"], ""]
    if memo.instructions.consequential:
        lines += [f"### {t['consequential_block']}", "", t["consequential_block_intro"], ""]
        lines += _fenced(memo.instructions.consequential)
    if memo.appendix:
        lines += [f"## {t['appendix_text']}", "", t["appendix_text_intro"], ""]
        for article in memo.appendix:
            lines += _fenced(article.text)
    return "\n".join(lines)


def _section(heading: str, body: list[str], nothing: str, level: int = 2) -> list[str]:
    """A section: its heading, then its lines, or the one line that says it has none."""
    return [f"{'#' * level} {heading}", "", *(body or [nothing, ""])]


def _verdict(memo: Memo) -> list[str]:
    t = labels(memo.lang)
    if not memo.instructions.text:
        return []
    if memo.instructions.proven:
        return [f"**{t['proven']}**", ""]
    return [f"**{t['not_proven']}:** {escape(memo.instructions.problem)}", ""]


def _amendments(memo: Memo) -> list[str]:
    """Each amendment the memo is about: how it is cited, who tabled it, when, what it
    replaces, and its toelichting."""
    t = labels(memo.lang)
    lines: list[str] = []
    for amendment in memo.amendments:
        lines += [f"## {t['amendments']}: {escape(amendment.name)}", ""]
        if amendment.title:
            lines += [f"_{escape(amendment.title)}_", ""]
        rows = [
            (t["amendment_cited"], amendment.cited),
            (t["amendment_on"], amendment.on),
            (t["amendment_indieners"], amendment.indieners),
            (t["amendment_date"], amendment.date),
        ]
        if amendment.replaces:
            rows.append((t["amendment_replaces"], amendment.replaces))
        lines += ["| | |", "|---|---|", *(f"| {a} | {cell(b)} |" for a, b in rows), ""]
        lines += _section(
            t["amendment_toelichting"],
            rationale(amendment.blocks) if amendment.blocks else [],
            t["amendment_no_toelichting"],
            level=3,
        )
    return lines


def _aanleiding(memo: Memo) -> list[str]:
    t = labels(memo.lang)
    lines = [t["aanleiding_intro"], ""]
    for item in memo.aanleiding:
        q = item.question
        link = f" [↗]({address(q.link)})" if q.link.startswith("http") else ""
        lines.append(
            f"- **{escape(q.id)}**{link} — {escape(q.summary)} "
            f"({escape(q.kind)}, {escape(q.asked_by) or 'gap'}, {escape(str(q.date))})"
        )
        lines.append(f"    - {t['answered_in']}: " + "; ".join(escape(o) for o in item.onderdelen))
        lines += [f"    - {escape(note)}" for note in item.notes]
    return _section(t["aanleiding"], [*lines, ""] if memo.aanleiding else [], t["no_aanleiding"])


def _overview(memo: Memo) -> list[str]:
    t = labels(memo.lang)
    lines = [f"## {t['overview']}", ""]
    if memo.onderdelen:
        lines += [
            f"| {t['onderdeel']} | {t['articles']} | {t['does']} | {t['changes']} "
            f"| {t['answers']} |",
            "|---|---|---|---:|---|",
        ]
        lines += [
            f"| {cell(o.heading)} | {cell(', '.join(o.articles))} | {cell(o.does)} "
            f"| {len(o.changes)} | {cell(', '.join(o.answers)) if o.answers else '—'} |"
            for o in memo.onderdelen
        ]
        lines.append("")
    counts = [
        f"| {t['kind']} | {t['count']} |",
        "|---|---:|",
        *(f"| {cell(row.words)} | {row.count} |" for row in memo.counts),
        f"| **{t['total']}** | **{memo.total}** |",
        "",
    ]
    return lines + _section(t["summary"], counts if memo.counts else [], t["no_changes"], level=3)


def _onderdeel(onderdeel: MemoOnderdeel, memo: Memo, by_id: dict[str, MemoChange]) -> list[str]:
    t = labels(memo.lang)
    lines = [f"#### {escape(onderdeel.title)} — {escape(onderdeel.does)}", ""]
    if onderdeel.instruction:
        lines += [f"**{t['instruction']}:**", "", *_fenced(onderdeel.instruction)]
    lines += [f"**{t['renvooi']}:**", ""]
    for change in (by_id[i] for i in onderdeel.changes if i in by_id):
        lines += [f"_{escape(change.location)} — {escape(change.kinds_words)}_", ""]
        if change.old_location:
            lines += [f"_{t['was']}: {escape(change.old_location)}_", ""]
        lines += [f"> {renvooi(change.renvooi)}", ""]
    if not onderdeel.notes and memo.has_notes:
        lines += [f"_{t['no_note']}_", ""]
    for note in onderdeel.notes:
        lines += _note_rationale(note, t["rationale"], t["gap"])
        if note.gap:
            lines += [f"_{t['gap']}: {escape(note.gap)}_", ""]
        if note.citations:
            lines.append(f"**{t['citations']}:**")
            for words, link in note.citations:
                lines.append(
                    f"- [{escape(words)}]({address(link)})"
                    if link.startswith("http")
                    else f"- {escape(words)}"
                )
            lines.append("")
    if onderdeel.answers:
        lines += [
            f"**{t['answers']}:** "
            + ", ".join(f"`{a}`" if "`" not in a else escape(a) for a in onderdeel.answers),
            "",
        ]
    return lines


def _questions(memo: Memo) -> list[str]:
    t = labels(memo.lang)
    lines = [
        f"| {t['question']} | {t['kind']} | {t['asked_by']} | {t['answered_by']} |",
        "|---|---|---|---|",
    ]
    for q in memo.questions:
        places = dict.fromkeys(
            o.title for o in (memo.onderdeel_of(i) for i in q.answered_by) if o is not None
        )
        answered = "; ".join(cell(p) for p in places) or _status(q, t, cell)
        link = f" [↗]({address(q.link)})" if q.link.startswith("http") else ""
        lines.append(
            f"| **{cell(q.id)}**{link} — {cell(q.summary)} ({cell(str(q.date))}) "
            f"| {cell(q.kind)} "
            f"| {cell(q.asked_by)} | {answered} |"
        )
    return _section(t["questions"], [*lines, ""] if memo.questions else [], t["no_questions"])


def _open_points(memo: Memo) -> list[str]:
    t = labels(memo.lang)
    points = [
        f"- **{t['point_' + p.kind]}** — {escape(p.subject)}: {escape(p.text)}"
        for p in memo.open_points
    ]
    body = [t["open_points_intro"], "", *points, ""] if points else []
    return _section(t["open_points"], body, t["none_open_points"])


def _status(question: MemoQuestion, t: dict[str, str], text: Callable[[str], str]) -> str:
    """A question no change here answers: where it was answered, or that it is open
    (with the registry's words on what is unknown)."""
    if question.status == "elsewhere":
        return f"{t['answered_elsewhere']}: {text(question.answered_elsewhere)}"
    if question.answered_elsewhere:
        return f"**{t['open']}** ({text(question.answered_elsewhere)})"
    return f"**{t['open']}**"
