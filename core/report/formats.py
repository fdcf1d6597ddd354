"""Numbers, percentages, distances and dates in the report's language (French: 15 174,5 ; 94,3 %)."""

import math
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from .texts import NBSP, text


def score_class_label(klass, language):
    """Legend label of a score class, e.g. ``0–20``."""
    return "{}–{}".format(format_number(klass.lower, language), format_number(klass.upper, language))


def _finite(value):
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def format_number(value, language, decimals=0):
    """``15174.5`` → ``"15 174,5"`` (fr, U+00A0 between thousands) or ``"15,174.5"`` (en).

    Rounded half away from zero (``2.5`` → ``3``); ``None``/NaN/inf → ``"—"``.
    """
    if not _finite(value):
        return "—"
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # no "-0"
    textual = "{:,.{d}f}".format(number, d=decimals)
    if language == "fr":
        textual = textual.replace(",", "\x00").replace(".", ",").replace("\x00", NBSP)
    return textual


def format_population(value, language):
    """Inhabitants: one decimal when INSEE's value is fractional (``15 174,5``), else none."""
    if not _finite(value):
        return "—"
    decimals = 0 if abs(float(value) - round(float(value))) < 1e-9 else 1
    return format_number(value, language, decimals)


def format_percent(share, language, decimals=1):
    """``0.943`` → ``"94,3 %"`` (fr, no-break space) or ``"94.3%"`` (en)."""
    if not _finite(share):
        return "—"
    number = format_number(100.0 * float(share), language, decimals)
    return number + (NBSP + "%" if language == "fr" else "%")


def format_points(delta_share, language, decimals=1):
    """A change of share as signed percentage points: ``+12,5 pts`` / ``−3.0 pts``."""
    if not _finite(delta_share):
        return "—"
    return "{}{}{}".format(format_signed(100.0 * float(delta_share), language, decimals), NBSP,
                           text("points", language))


def format_signed(value, language, decimals=1):
    """``+1,5`` / ``−1,5`` (true minus sign) / ``0,0``."""
    if not _finite(value):
        return "—"
    number = format_number(value, language, decimals)
    if number.startswith("-"):
        return "\u2212" + number[1:]
    return ("+" if any(ch in "123456789" for ch in number) else "") + number


def format_distance(metres, language):
    """``1000`` → ``"1 000 m"``; ``None``/inf → ``"—"``."""
    if not _finite(metres):
        return "—"
    return format_number(metres, language, 0) + NBSP + "m"


def format_score(value, language):
    return format_number(value, language, 1)


_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def format_datetime(moment, language):
    """``22 novembre 2026 à 03:08`` / ``22 November 2026, 03:08`` (+ UTC offset when known).

    ``moment`` is a ``datetime`` or an ISO 8601 string; anything unreadable is
    returned as given.
    """
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return moment
    if not isinstance(moment, datetime):
        return "" if moment is None else str(moment)
    offset = ""
    if moment.utcoffset() is not None:
        minutes = int(moment.utcoffset().total_seconds() // 60)
        offset = " (UTC{}{:02d}:{:02d})".format("+" if minutes >= 0 else "\u2212", abs(minutes) // 60,
                                                 abs(minutes) % 60)
    if language == "fr":
        return "{} {} {} à {:02d}:{:02d}{}".format(
            moment.day, _MONTHS_FR[moment.month - 1], moment.year, moment.hour, moment.minute, offset)
    return "{} {} {}, {:02d}:{:02d}{}".format(
        moment.day, _MONTHS_EN[moment.month - 1], moment.year, moment.hour, moment.minute, offset)
