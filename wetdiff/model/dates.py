"""Dates as a lawyer writes them: "15 november 2013" in a Dutch memo, "15 November 2013"
in an English one. ISO dates (2013-11-15) stay what the CLI and the files use."""

from __future__ import annotations

import datetime as dt

from wetdiff.errors import WetdiffError

MONTHS = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def iso_date(text: str, what: str, *, hint: str | None = None, file: str | None = None) -> dt.date:
    """``text`` read as a date written ``YYYY-MM-DD``. A text that is no real date is the
    user's mistake: one :class:`WetdiffError` saying ``what`` is wrong (in ``file``), with
    the ``hint``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise WetdiffError(what, file=file, hint=hint) from None


def in_words(day: dt.date, lang: str = "nl") -> str:
    """``2013-11-15`` → "15 november 2013" (nl) or "15 November 2013" (en)."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
