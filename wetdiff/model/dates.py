"""Dates as a lawyer writes them: "15 november 2013" in a Dutch memo, "15 November 2013"
in an English one. ISO dates (2013-11-15) stay what the CLI and the files use."""

from __future__ import annotations

import datetime as dt

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


def in_words(day: dt.date, lang: str = "nl") -> str:
    """``2013-11-15`` → "15 november 2013" (nl) or "15 November 2013" (en)."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
