"""Names that become parts of paths, and the one check that a path stays where it belongs.

An article number becomes a folder (``articles/BWBR0001854/273f/``) and a file name
(``proposals/36547/nr2/273f.txt``); so do BWB ids, proposal and stage ids. Many of these
names are not typed by the lawyer but read from a file's *contents*: ``<nr>`` in an
official XML, the ``Artikel …`` line of a text, ``id = …`` in ``proposal.toml``, a
``Artikel …`` inserted by an amending instruction. A name such as ``../../../tmp/x``
there must never reach the file system, so every such name passes :func:`check_name`
where it is read (with the file and line it came from), and every path is checked by
:func:`contained` to lie inside the workspace or the named output folder (symbolic links
resolved) before anything is created.

The rules are those of the names the law and the parliament use: article numbers are
letters and digits with ``.``, ``:``, ``-`` and ``_`` inside (``273f``, ``80quinquies``,
``6:162`` of the Burgerlijk Wetboek, ``1.1`` of newer codes, ``I`` of an amending act);
BWB ids are ``BWBR`` or ``BWBV`` and seven digits; proposal, stage and note ids are
letters, digits, ``.``, ``-`` and ``_``. None may start with a dot or a dash (a hidden
file, ``..``, a git option), and none holds a slash, a backslash, a space or a control
character.
"""

from __future__ import annotations

import re
from pathlib import Path

from wetdiff.errors import WetdiffError
from wetdiff.model.normalise import visible_controls

ARTICLE = "article number"
BWB_ID = "BWB id"
PROPOSAL = "proposal id"
STAGE = "stage id"
NOTE = "note id"

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_ID_WORDS = "letters, digits, '.', '-' or '_'"
_RULES: dict[str, tuple[re.Pattern[str], str]] = {
    ARTICLE: (
        re.compile(r"[0-9A-Za-z][0-9A-Za-z.:_-]{0,39}"),
        "an article number is letters and digits (with '.', ':', '-' or '_' inside), "
        "e.g. 273f, 80quinquies, 6:162",
    ),
    BWB_ID: (re.compile(r"BWB[RV]\d{7}"), "a BWB id is BWBR or BWBV and seven digits"),
    PROPOSAL: (_ID, f"a proposal id is {_ID_WORDS}, e.g. 36547 or mijn-ontwerp"),
    STAGE: (_ID, f"a stage id is {_ID_WORDS}, e.g. nr2, nvw1, A"),
    NOTE: (_ID, f"a note id is {_ID_WORDS}, e.g. 273f-2-minderjarigen"),
}


def is_valid_name(value: str, kind: str) -> bool:
    """Whether ``value`` may be used as a name of this kind (and so as a path part)."""
    pattern, _ = _RULES[kind]
    return pattern.fullmatch(value) is not None and ".." not in value


def check_name(
    value: object,
    kind: str,
    *,
    file: str | Path | None = None,
    line: int | None = None,
    hint: str | None = None,
) -> str:
    """``value`` if it is a valid name of this kind, else one :class:`WetdiffError`
    naming the file and line it was read from. Nothing has been written at this point:
    names are checked where they are read."""
    if isinstance(value, str) and is_valid_name(value, kind):
        return value
    shown = visible_controls(repr(value)) if isinstance(value, str) else type(value).__name__
    _, rule = _RULES[kind]
    article = "an" if kind[0] in "aeiou" else "a"
    raise WetdiffError(
        f"{shown} cannot be {article} {kind}: {rule}; nothing was written",
        file=file,
        line=line,
        hint=hint,
    )


def contained(path: Path, base: Path, *, what: str = "the workspace") -> Path:
    """``path`` resolved (symbolic links followed), if it lies inside ``base``; else one
    :class:`WetdiffError`. The last check before a file or folder is created: a name that
    slipped through, or a folder or file in the workspace that is a symbolic link to
    elsewhere, never leads a write outside."""
    root = base.resolve()
    resolved = path.resolve()
    if resolved != root and not resolved.is_relative_to(root):
        raise WetdiffError(
            f"this path leads outside {what} ({root}); nothing was written",
            file=path,
            hint="A name or a symbolic link points elsewhere: wetdiff writes only inside it.",
        )
    return resolved
