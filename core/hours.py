"""Opening hours -> hours open per week (a supply weight for the FCA metrics).

Reads OSM ``opening_hours`` (the ``horaires`` field of the "lieux de
médiation numérique" schema), the subset met in that data::

      Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00      -> 41.0
      Mo,We 10:00-12:00                                   -> 4.0
      24/7                                                -> 168.0
      Mo-Fr 09:00-17:00; PH off                           -> 40.0  (holiday rule ignored)
      off                                                 -> 0.0

The France Services day fields (``h_lundi`` …) are turned into this syntax
when the records are read (``core.services.records``), then read here.

Nothing here raises on bad data: every function returns an
:class:`HoursResult` whose ``hours`` is ``None`` with a user sentence in
``reason`` when the text cannot be read, and ``flags`` listing the
approximations made.

Rules of the OSM reading (documented for the methodology):

* rules separated by ``;`` are "normal" rules: a later rule *replaces*
  the hours of the days it names (``Mo-Fr 09:00-18:00; We 09:00-12:00``
  gives 4 × 9 + 3 = 39 h); rules separated by ``,`` (after a time) are "additional"
  rules that *add* hours; an ``off``/``closed`` rule closes the days it
  names (an additional ``off`` rule with times removes just those times);
* a rule without days applies to every day; days without times mean the
  whole day;
* the week total is the length of the union of the open intervals on a
  7-day circle (an overnight ``22:00-02:00`` spills into the next day,
  flag ``overnight``);
* public/school holiday selectors (``PH``, ``SH``) describe exceptions,
  not the regular week: a rule with only holidays is ignored, holidays
  in a list with days are dropped (flag ``holiday_ignored``);
* month, date, week-number and year selectors are not honoured (flags
  ``month_selector_ignored``, ``week_selector_ignored``,
  ``year_selector_ignored``): a restricted rule is skipped when at least
  one unrestricted rule exists (so ``Mo-Fr 09:00-17:00; Aug off`` gives
  40 h, the usual week), otherwise the restricted rules are applied as if
  they held all year;
* "nth weekday of the month" (``Mo[1]``, ``Sa[1,3]``) counts
  ``k × 12 / 52`` of a week per listed occurrence (flag ``nth_weekday``);
* ``unknown`` is read as open (flag ``unknown_as_open``); comments are
  ignored (flag ``comment_ignored``); fallback rules after ``||`` are
  ignored (flag ``fallback_ignored``);
* anything else (``sunrise``, open end ``10:00+``, a lone time
  ``10:00``, French day names...) makes the whole string unreadable.
"""

import re
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from .errors import InputError
from .i18n import tr

__all__ = [
    "HoursResult",
    "osm_hours_per_week",
    "hours_weights",
]

WEEK_MINUTES = 7 * 24 * 60
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_INDEX = {d.lower(): k for k, d in enumerate(DAYS)}
_HOLIDAYS = {"ph", "sh"}
_MONTHS = {
    m.lower()
    for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
}
_MODIFIERS = {"off", "closed", "open", "unknown"}
#: share of the weeks in which an nth weekday of the month occurs once
NTH_WEEK_SHARE = 12.0 / 52.0

@dataclass(frozen=True)
class HoursResult:
    """Hours open per week, or ``None`` with the ``reason`` (a user sentence)."""

    hours: Optional[float]
    reason: Optional[str] = None
    flags: tuple = field(default_factory=tuple)

    @property
    def ok(self):
        return self.hours is not None


class _ParseError(Exception):
    pass


# --------------------------------------------------------------------------
# OSM opening_hours

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>"[^"]*")
  | (?P<time>\d{1,2}:\d{2})
  | (?P<num>\d+)
  | (?P<word>[A-Za-z]+)
  | (?P<sym>\|\||[;,\-\[\]/+:])
    """,
    re.VERBOSE,
)


def _tokenize(text):
    tokens = []
    pos = 0
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if m is None:
            raise _ParseError(
                tr("Unexpected character {char!r} in the opening hours.").format(char=text[pos])
            )
        pos = m.end()
        kind = m.lastgroup
        if kind == "ws":
            continue
        value = m.group(kind)
        if kind == "word":
            value = value.lower()
        tokens.append((kind, value))
    return tokens


class _Rule:
    __slots__ = ("kind", "days", "nth", "times", "modifier", "restricted", "holidays", "empty")

    def __init__(self, kind):
        self.kind = kind  # "normal", "additional", "fallback"
        self.days = None  # set of day indices, or None = every day
        self.nth = {}  # day -> number of occurrences per month
        self.times = None  # list of (start, end) minutes, or None = all day
        self.modifier = None
        self.restricted = set()  # "month", "week", "year"
        self.holidays = False
        self.empty = False  # a comment alone: says nothing about the hours


class _Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
        self.flags = set()

    # helpers
    def peek(self, offset=0):
        k = self.pos + offset
        return self.tokens[k] if k < len(self.tokens) else (None, None)

    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def expect(self, kind, value=None):
        tok = self.take()
        if tok[0] != kind or (value is not None and tok[1] != value):
            raise self.unexpected(tok)
        return tok[1]

    @staticmethod
    def unexpected(tok):
        if tok[0] is None:
            return _ParseError(tr("The opening hours end too early."))
        return _ParseError(
            tr("Unexpected {text!r} in the opening hours.").format(text=tok[1])
        )

    def is_day(self, offset=0):
        kind, value = self.peek(offset)
        return kind == "word" and (value in _DAY_INDEX or value in _HOLIDAYS)

    def is_wide(self, offset=0):
        kind, value = self.peek(offset)
        if kind == "word":
            return value in _MONTHS or value in ("week", "easter")
        return kind == "num" and len(value) == 4

    def is_rule_start(self, offset=0):
        kind, value = self.peek(offset)
        return self.is_day(offset) or self.is_wide(offset) or (
            kind == "word" and value in _MODIFIERS
        )

    # grammar
    def parse(self):
        rules = []
        kind = "normal"
        while self.pos < len(self.tokens):
            if self.peek()[0] == "sym" and self.peek()[1] == ";":  # empty rule
                self.take()
                kind = "normal"
                continue
            rule = self.rule(kind)
            rules.append(rule)
            tok = self.peek()
            if tok[0] is None:
                break
            if tok == ("sym", ";"):
                kind = "normal"
            elif tok == ("sym", "||"):
                kind = "fallback"
            elif tok == ("sym", ",") and self.is_rule_start(1):
                kind = "additional"
            else:
                raise self.unexpected(tok)
            self.take()
        return rules

    def rule(self, kind):
        rule = _Rule(kind)
        start = self.pos
        if self.peek() == ("num", "24") and self.peek(1) == ("sym", "/") and self.peek(2) == ("num", "7"):
            self.pos += 3
            rule.times = [(0, 24 * 60)]
        else:
            if self.is_wide():
                self.wide_range(rule)
            if self.is_day():
                self.weekdays(rule)
            if self.peek()[0] == "time":
                rule.times = self.times()
        kind_, value = self.peek()
        if kind_ == "word" and value in _MODIFIERS:
            rule.modifier = value
            self.take()
        if self.pos == start and self.peek()[0] != "comment":
            raise self.unexpected(self.peek())
        if self.peek()[0] == "comment":
            rule.empty = self.pos == start
            self.take()
            self.flags.add("comment_ignored")
        return rule

    def wide_range(self, rule):
        # consume year / month / date / week selectors up to the weekdays or times
        while True:
            kind, value = self.peek()
            if kind == "word" and value in _MONTHS:
                rule.restricted.add("month")
            elif kind == "word" and value == "easter":
                rule.restricted.add("month")
            elif kind == "word" and value == "week":
                rule.restricted.add("week")
            elif kind == "num":
                if len(value) == 4:
                    rule.restricted.add("year")
            elif kind == "sym" and value in ("-", "/"):
                pass
            elif kind == "sym" and value == "," and not self.is_day(1):
                pass
            elif kind == "sym" and value == ":" and self.pos > 0:
                self.take()  # "Jan-Mar: Mo 10:00-12:00"
                break
            else:
                break
            self.take()

    def weekdays(self, rule):
        rule.days = set()
        while True:
            _, value = self.take()
            if value in _HOLIDAYS:
                rule.holidays = True
            else:
                first = _DAY_INDEX[value]
                days = [first]
                if self.peek() == ("sym", "-"):
                    self.take()
                    kind, last = self.take()
                    if kind != "word" or last not in _DAY_INDEX:
                        raise self.unexpected((kind, last))
                    last = _DAY_INDEX[last]
                    days = [(first + k) % 7 for k in range((last - first) % 7 + 1)]
                if self.peek() == ("sym", "["):
                    count = self.nth()
                    for d in days:
                        rule.nth[d] = rule.nth.get(d, 0) + count
                else:
                    rule.days.update(days)
            if self.peek() == ("sym", ",") and self.is_day(1):
                self.take()
                continue
            break
        if rule.holidays and (rule.days or rule.nth):
            self.flags.add("holiday_ignored")

    def nth(self):
        self.expect("sym", "[")
        count = 0
        while True:
            negative = False
            if self.peek() == ("sym", "-"):
                self.take()
                negative = True
            a = int(self.expect("num"))
            b = a
            if not negative and self.peek() == ("sym", "-"):
                self.take()
                b = int(self.expect("num"))
            if not (1 <= a <= 5 and a <= b <= 5):
                raise _ParseError(tr("Invalid weekday number in the opening hours."))
            count += b - a + 1
            if self.peek() == ("sym", ","):
                self.take()
                continue
            break
        self.expect("sym", "]")
        self.flags.add("nth_weekday")
        return count

    def times(self):
        spans = []
        while True:
            start = _minutes(self.expect("time"))
            tok = self.peek()
            if tok == ("sym", "+"):
                raise _ParseError(tr("Open-ended opening hours cannot be counted."))
            if tok != ("sym", "-"):
                raise _ParseError(
                    tr("A time in the opening hours is not part of a range (from-to).")
                )
            self.take()
            kind, value = self.take()
            if kind != "time":
                raise self.unexpected((kind, value))
            end = _minutes(value)
            if self.peek() in (("sym", "+"), ("sym", "/")):
                raise _ParseError(tr("Open-ended or repeated times cannot be counted."))
            if end <= start:
                end += 24 * 60
                self.flags.add("overnight")
            spans.append((start, end))
            if self.peek() == ("sym", ",") and self.peek(1)[0] == "time":
                self.take()
                continue
            return spans


def _minutes(text):
    h, m = text.split(":")
    h, m = int(h), int(m)
    if m >= 60 or h > 48:
        raise _ParseError(tr("Invalid time {time} in the opening hours.").format(time=text))
    return h * 60 + m


def _union_length(intervals):
    """Length of the union of week-minute intervals on a 7-day circle."""
    if not intervals:
        return 0.0
    pieces = []
    for a, b in intervals:
        if b - a >= WEEK_MINUTES:
            return float(WEEK_MINUTES)
        a0 = a % WEEK_MINUTES
        b0 = a0 + (b - a)
        if b0 <= WEEK_MINUTES:
            pieces.append((a0, b0))
        else:
            pieces.append((a0, WEEK_MINUTES))
            pieces.append((0, b0 - WEEK_MINUTES))
    pieces.sort()
    total = 0.0
    cur_a, cur_b = pieces[0]
    for a, b in pieces[1:]:
        if a <= cur_b:
            cur_b = max(cur_b, b)
        else:
            total += cur_b - cur_a
            cur_a, cur_b = a, b
    return float(total + cur_b - cur_a)


def _subtract(spans, cut):
    out = []
    for a, b in spans:
        pieces = [(a, b)]
        for c, d in cut:
            nxt = []
            for x, y in pieces:
                if d <= x or c >= y:
                    nxt.append((x, y))
                else:
                    if c > x:
                        nxt.append((x, c))
                    if d < y:
                        nxt.append((d, y))
            pieces = nxt
        out.extend(pieces)
    return out


def osm_hours_per_week(text):
    """Hours open per week of an OSM ``opening_hours`` string.

    Returns an :class:`HoursResult`; see the module docstring for the rules.
    """
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return HoursResult(None, tr("No opening hours given."))
    text = str(text).strip()
    if not text:
        return HoursResult(None, tr("No opening hours given."))
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    try:
        parser = _Parser(_tokenize(text))
        rules = parser.parse()
        hours, flags = _evaluate(rules, parser.flags)
    except _ParseError as error:
        return HoursResult(
            None,
            tr("Opening hours {text!r} could not be read: {error}").format(
                text=text, error=str(error)
            ),
        )
    if hours is None:
        return HoursResult(
            None,
            tr(
                "Opening hours {text!r} give no regular weekly hours "
                "(only holidays, exceptions or comments)."
            ).format(text=text),
            tuple(sorted(flags)),
        )
    return HoursResult(hours, None, tuple(sorted(flags)))


def _evaluate(rules, flags):
    flags = set(flags)
    usable = []
    for rule in rules:
        if rule.kind == "fallback":
            flags.add("fallback_ignored")
            continue
        if rule.empty:
            continue
        if rule.holidays and not rule.days and not rule.nth:
            flags.add("holiday_ignored")
            continue
        usable.append(rule)
    if not usable:
        return None, flags
    any_plain = any(not r.restricted for r in usable)
    for rule in usable:
        for what in rule.restricted:
            flags.add(what + "_selector_ignored")
    if any_plain:
        usable = [r for r in usable if not r.restricted]

    week = {d: [] for d in range(7)}  # day -> list of (start, end) minutes in the day
    nth_hours = 0.0
    for rule in usable:
        closed = rule.modifier in ("off", "closed")
        if rule.modifier == "unknown":
            flags.add("unknown_as_open")
        spans = list(rule.times) if rule.times is not None else [(0, 24 * 60)]
        if rule.nth:
            if not closed:
                length = _union_length(spans) / 60.0
                nth_hours += sum(count * NTH_WEEK_SHARE * length for count in rule.nth.values())
            if not rule.days:
                continue
        days = rule.days if rule.days is not None else set(range(7))
        for d in days:
            if rule.kind == "additional":
                if closed:
                    week[d] = _subtract(week[d], spans) if rule.times is not None else []
                else:
                    week[d] = week[d] + spans
            else:
                week[d] = [] if closed else list(spans)
    intervals = [(d * 1440 + a, d * 1440 + b) for d, spans in week.items() for a, b in spans]
    return _union_length(intervals) / 60.0 + nth_hours, flags


# --------------------------------------------------------------------------
# hours -> supply weights


def hours_weights(values, missing="median"):
    """Supply weights from hours per week, with the unknown ones filled in.

    ``values``: :class:`HoursResult` objects or numbers/``None``.
    ``missing``: ``"median"`` (median of the known hours, 1 if none is
    known) or a number. Returns ``(weights, n_missing)``.
    """
    hours = np.array(
        [
            np.nan if (v is None or (isinstance(v, HoursResult) and v.hours is None))
            else float(v.hours if isinstance(v, HoursResult) else v)
            for v in values
        ],
        dtype=np.float64,
    )
    unknown = ~np.isfinite(hours) | (hours < 0)
    if isinstance(missing, str):
        if missing != "median":
            raise InputError(
                tr("Unknown hours can be replaced by the median or by a number, not {value!r}.").format(
                    value=missing
                )
            )
        known = hours[~unknown]
        fill = float(np.median(known)) if known.size else 1.0
    else:
        try:
            fill = float(missing)
        except (TypeError, ValueError):
            raise InputError(
                tr("Unknown hours can be replaced by the median or by a number, not {value!r}.").format(
                    value=missing
                )
            ) from None
        if not np.isfinite(fill) or fill < 0:
            raise InputError(tr("The hours given for unknown opening hours must be 0 or more."))
    hours[unknown] = fill
    return hours, int(unknown.sum())
