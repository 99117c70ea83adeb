"""Text normalisation that never changes what a lawyer reads.

Statute text reaches wetdiff through XML with hard line wraps, web pages with
non-breaking spaces, Word with soft hyphens and curly quotes, Windows with CRLF. None of
that is a change in the law, so none of it may show up as one. Two levels:

* :func:`clean` is applied to every text that is stored: Unicode NFC, CRLF to LF,
  NBSP-like spaces to spaces, soft hyphens and zero-width characters removed, runs of
  white space inside a paragraph folded to one space. The wording, quotes included, stays
  as the source printed it.
* :func:`compare_key` is applied only when two texts are compared: it also folds curly
  and low quotes to straight ones, so that „strafbaar" and "strafbaar" are equal.

Control characters never occur in statute text: :func:`find_control` locates them so
parsers can refuse the input, and :func:`visible_controls` turns any that reach a display
path from other input (notes, questions) into visible symbols (ESC shows as ``␛``).
"""

from __future__ import annotations

import re
import unicodedata

from wetdiff.errors import WetdiffError

# Spaces a lawyer cannot tell from an ordinary space.
_SPACES = "\u00a0\u2007\u202f\u2009\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u3000"
# Characters that are invisible in print and carry no wording.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPACE_TABLE = {ord(c): " " for c in _SPACES} | {ord(c): None for c in _INVISIBLE}
_SPECIAL_SPACE = re.compile("[" + re.escape(_SPACES + _INVISIBLE) + "]")
_QUOTE_TABLE = {
    ord("\u2018"): "'",
    ord("\u2019"): "'",
    ord("\u201a"): "'",
    ord("\u201b"): "'",
    ord("\u2032"): "'",
    ord("\u201c"): '"',
    ord("\u201d"): '"',
    ord("\u201e"): '"',
    ord("\u201f"): '"',
    ord("\u2033"): '"',
}
_WHITESPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides
# that can make text display in another order than it is stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# Anything clean() would change inside a text (besides stripping its ends and NFC), but
# two spaces in a row (tested apart: a pattern of one character class is searched ~5x
# faster than one with an alternative).
_NOT_CLEAN = re.compile("[" + re.escape(_SPACES + _INVISIBLE) + "\t\n\r\f\v]")


def clean(text: str) -> str:
    """One paragraph of statute text as it is stored: same wording, tidy white space."""
    if (
        _NOT_CLEAN.search(text) is None
        and "  " not in text
        and text == text.strip()
        and unicodedata.is_normalized("NFC", text)
    ):
        return text  # already clean (text read back from article files): nothing to do
    text = unicodedata.normalize("NFC", text).translate(_SPACE_TABLE)
    return _WHITESPACE_RUN.sub(" ", text).strip()


def clean_lines(text: str) -> str:
    """A whole file's text: NFC, CRLF/CR to LF, invisible characters removed, trailing
    white space stripped from each line; leading indentation is structure and stays."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if _SPECIAL_SPACE.search(text):
        text = text.translate(_SPACE_TABLE)
    return "\n".join(line.rstrip() for line in text.split("\n"))


# Anything compare_key would change (but two spaces in a row, tested apart); text without
# any of these is its own compare key.
_NOT_COMPARE_FORM = re.compile(
    "[" + re.escape(_SPACES + _INVISIBLE + "".join(map(chr, _QUOTE_TABLE))) + "\t\n\r\f\v]"
)


def compare_key(text: str) -> str:
    """The form in which two texts are compared: differences a lawyer would not see
    (quote shapes, spacing, soft hyphens) are gone."""
    if (
        _NOT_COMPARE_FORM.search(text) is None
        and "  " not in text
        and text == text.strip()
        and unicodedata.is_normalized("NFC", text)
    ):
        return text  # already in compare form (most stored text): skip the rewriting
    return clean(text).translate(_QUOTE_TABLE)


def find_control(text: str) -> int | None:
    """Index of the first control character in ``text``, or None."""
    match = _CONTROL.search(text)
    return match.start() if match else None


def describe_control(char: str) -> str:
    """How a control character is named in an error message (``U+001B (ESC)``)."""
    names = {0x1B: "ESC", 0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x7F: "DEL", 0x0D: "CR"}
    code = ord(char)
    name = names.get(code) or unicodedata.name(char, "control character")
    return f"U+{code:04X} ({name})"


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟; ESC is ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def visible_controls(text: str) -> str:
    """Text with every control character replaced by a visible symbol, for display.

    Tabs and newlines are kept: they are layout, not escapes."""
    return _CONTROL.sub(_visible, text)


def refuse_controls(text: str, source: str | None) -> None:
    """Refuse statute text (a file, a paste, instructions whose words become statute
    text) that holds a control character: one error naming the line and column. Line
    ends (LF, CRLF, CR) are layout, not control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if find_control(text) is None:
        return
    for row, line in enumerate(text.split("\n"), 1):
        at = find_control(line)
        if at is not None:
            raise WetdiffError(
                f"control character {describe_control(line[at])} in column {at + 1}; "
                "statute text never contains control characters",
                file=source,
                line=row,
                hint="Remove it (it may come from a terminal or a copied escape sequence).",
            )
