"""EDTF (Extended Date/Time Format, ISO 8601-2) strings in and out of ``Span``.

Read (levels 0 and 1, and level 2 where it fits):

- dates ``1985``, ``1985-04``, ``1985-04-12``; date-times ``1985-04-12T23:20:30`` with ``Z`` or
  ``+hh:mm`` (converted to UTC); negative years ``-0489`` (astronomical: 490 BC); long years
  ``Y170000002``, ``Y-12000``; level 2 exponents ``Y17E7`` and significant digits ``1950S2``;
- sub-year groupings ``2003-21`` .. ``-24`` (seasons), level 2 ``-25`` .. ``-41`` (hemisphere
  seasons, quarters, quadrimesters, halves; ``timeline/data/edtf_subdivisions.json``);
- qualifiers ``?`` (uncertain), ``~`` (approximate), ``%`` (both), after the date (level 1)
  or on a component (level 2: ``2004-06~-11``, ``?2004-06``);
- unspecified digits ``X`` anywhere (``201X``, ``1985-04-XX``, level 2 ``156X-12-25``);
- intervals ``A/B`` with open (``..``) or unknown (empty) ends;
- level 2 sets ``[1667, 1668, 1670..1672]`` ("one of") and ``{...}`` ("all of").

As bounds (documented in ``docs/time-values.md``): a date is the period it names (start and
end anywhere within it); X digits give the envelope of every date they allow; a qualifier
widens the bounds by the length of the finest qualified component's period on each side
(the TIMEX3 APPROX rule), whether ``?``, ``~`` or ``%``; an interval's start lies in its
first side's period and its end in the second's, except that a side stated to the second is
that exact instant; an unknown end still comes after the start; a set is the envelope of
its members.

Write: ``format_edtf(span)`` derives EDTF from the span's TIMEX3 value when EDTF can say it,
else from its bounds; None when it cannot (durations, sets, unanchored references).

Why our own parser rather than the ``edtf`` package: see ``docs/time-values.md`` (speed,
week dates, and bounds that follow the rules above; the package is used as a cross-check in
the tests).
"""

from __future__ import annotations

import functools
import re

from timeline import calendar as cal
from timeline.errors import EDTFValueError
from timeline.iso import instant_text, period_text
from timeline.package_data import load_table
from timeline.span import Granularity, Span
from timeline.timex3_values import widen

__all__ = ["edtf_span", "format_edtf"]

_Q = r"[?~%]"
_DATE_RE = re.compile(
    rf"""
    (?P<q0>{_Q})?(?P<year>Y-?[0-9]{{5,}}|Y-?[0-9]+E[0-9]+|-?[0-9X]{{4}})(?:S(?P<sig>[0-9]+))?(?P<q1>{_Q})?
    (?:-(?P<q2>{_Q})?(?P<month>[0-9X]{{2}})(?P<q3>{_Q})?
       (?:-(?P<q4>{_Q})?(?P<day>[0-9X]{{2}})(?P<q5>{_Q})?)?
    )?
    (?:T(?P<hour>[0-9]{{2}}):(?P<minute>[0-9]{{2}}):(?P<second>[0-9]{{2}})
       (?P<zone>Z|[+-][0-9]{{2}}(?::[0-9]{{2}})?)?)?
    """,
    re.VERBOSE,
)


@functools.cache
def _subdivisions() -> dict[int, tuple[Granularity, int, int]]:
    raw = load_table("timeline", "edtf_subdivisions.json")
    return {int(k): (Granularity[g], first, n) for k, (g, first, n) in raw.items()}


@functools.cache
def _approx_by() -> int:
    from timeline.timex3_values import mod_rules

    return int(mod_rules()["APPROX"]["by"])


# --- parse --------------------------------------------------------------------------------


def edtf_span(text: str) -> Span:
    """The span an EDTF string names; ``EDTFValueError`` naming the string and the reason."""
    if not isinstance(text, str):
        raise EDTFValueError(text, "not a string")
    return _edtf_span(text)


@functools.lru_cache(maxsize=4096)
def _edtf_span(text: str) -> Span:
    if not text:
        raise EDTFValueError(text, "empty")
    if text[0] in "[{":
        return _set_span(text)
    if "/" in text:
        left, _, right = text.partition("/")
        if "/" in right:
            raise EDTFValueError(text, "more than one '/'")
        if left in ("", "..") and right in ("", ".."):
            raise EDTFValueError(text, "an interval needs at least one date")
        start = None if left in ("", "..") else _date(left, text)
        end = None if right in ("", "..") else _date(right, text)
        es = ls = ee = le = None
        grans = []
        if start is not None:
            es, ls = start[0], (start[0] if start[3] else start[1])
            grans.append(start[2])
        if end is not None:
            ee, le = (end[0], end[0]) if end[3] else (end[0], end[1])
            grans.append(end[2])
        if start is None:
            ls = le  # it starts by the time it ends
        if end is None:
            ee = es  # it ends after it starts
        if es is not None and le is not None and es > le:
            raise EDTFValueError(text, "the interval ends before it starts")
        granularity = max(grans) if grans else Granularity.UNKNOWN
        return Span(es, ls, ee, le, granularity, edtf=text)
    lo, hi, granularity, _, approx = _date(text, text, single=True)
    return Span(lo, hi, lo, hi, granularity, mod="APPROX" if approx else None, edtf=text)


def _set_span(text: str) -> Span:
    close = "]" if text[0] == "[" else "}"
    if text[-1] != close:
        raise EDTFValueError(text, f"a set opened with {text[0]!r} must close with {close!r}")
    members = [m.strip() for m in text[1:-1].split(",")]
    if not members or any(not m for m in members):
        raise EDTFValueError(text, "empty set member")
    lows: list[int | None] = []
    highs: list[int | None] = []
    grans: list[Granularity] = []
    for member in members:
        if ".." in member:
            a, _, b = member.partition("..")
            if not a and not b:
                raise EDTFValueError(text, "a range needs at least one end")
            if a:
                da = _date(a, text, single=True)
                lows.append(da[0])
                grans.append(da[2])
            else:
                lows.append(None)
            if b:
                db = _date(b, text, single=True)
                highs.append(db[1])
                grans.append(db[2])
            else:
                highs.append(None)
        else:
            d = _date(member, text, single=True)
            lows.append(d[0])
            highs.append(d[1])
            grans.append(d[2])
    known_lo = [x for x in lows if x is not None]
    known_hi = [x for x in highs if x is not None]
    lo = None if None in lows or not known_lo else min(known_lo)
    hi = None if None in highs or not known_hi else max(known_hi)
    if lo is not None and hi is not None and lo >= hi:
        raise EDTFValueError(text, "a range runs backwards")
    if not grans:
        grans.append(Granularity.UNKNOWN)
    return Span(lo, hi, lo, hi, min(grans), edtf=text)


def _digits_range(pattern: str, low: int, high: int) -> list[int]:
    """Values in [low, high] whose zero-padded digits match ``pattern`` (X = any digit)."""
    rx = re.compile(pattern.replace("X", "[0-9]"))
    return [v for v in range(low, high + 1) if rx.fullmatch(f"{v:0{len(pattern)}d}")]


def _date(
    part: str, whole: str, *, single: bool = False
) -> tuple[int | None, int | None, Granularity, bool, bool]:
    """(start, end, granularity, to_the_second, qualified) of one EDTF date or date-time;
    start/end bound the period (envelope where X), widened when qualified; None when the
    year is wholly unknown."""
    m = _DATE_RE.fullmatch(part)
    if m is None:
        raise EDTFValueError(whole, f"cannot read {part!r} as an EDTF date")
    g = m.groupdict()
    year_text, month_text, day_text = g["year"], g["month"], g["day"]
    if year_text.startswith("Y"):
        if month_text is not None:
            raise EDTFValueError(whole, "a Y-prefixed year cannot have a month")
        mantissa, _, exponent = year_text[1:].partition("E")
        year = int(mantissa) * 10 ** int(exponent or 0)
        years = (year, year)
    else:
        negative = year_text.startswith("-")
        digits = year_text.lstrip("-")
        if set(digits) == {"X"}:
            years = None
        else:
            lo_abs, hi_abs = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
            years = (-hi_abs, -lo_abs) if negative else (lo_abs, hi_abs)
    if g["sig"] is not None and years is not None:
        # significant digits (level 2): "1950S2" is some year 1900..1999
        digits = str(abs(years[0]))
        keep = int(g["sig"])
        if not 1 <= keep <= len(digits) or month_text is not None:
            raise EDTFValueError(whole, f"{keep} significant digits of a {len(digits)}-digit year")
        lo_abs = int(digits[:keep] + "0" * (len(digits) - keep))
        hi_abs = int(digits[:keep] + "9" * (len(digits) - keep))
        years = (-hi_abs, -lo_abs) if years[0] < 0 else (lo_abs, hi_abs)
    if g["hour"] is not None and (day_text is None or "X" in part.split("T")[0]):
        raise EDTFValueError(whole, "a time needs a fully specified day")
    quals = {k: g[k] for k in ("q0", "q1", "q2", "q3", "q4", "q5") if g[k]}
    if quals and g["hour"] is not None:
        raise EDTFValueError(whole, "qualifiers apply to dates, not date-times")

    # granularity
    granularity = Granularity.YEAR
    if day_text is not None:
        granularity = Granularity.DAY
    elif month_text is not None:
        granularity = Granularity.MONTH
    elif not year_text.startswith("Y"):
        trailing = len(year_text) - len(year_text.rstrip("X"))
        granularity = {0: Granularity.YEAR, 1: Granularity.DECADE, 2: Granularity.CENTURY}.get(
            trailing, Granularity.MILLENNIUM if trailing == 3 else Granularity.UNKNOWN
        )

    # months (or a sub-year grouping)
    sub: tuple[Granularity, int, int] | None = None
    if month_text is not None:
        if "X" not in month_text and int(month_text) >= 21:
            sub = _subdivisions().get(int(month_text))
            if sub is None:
                raise EDTFValueError(whole, f"month {int(month_text)} (21-41 are groupings)")
            if day_text is not None:
                raise EDTFValueError(whole, f"grouping {month_text} cannot have a day")
            granularity = sub[0]
            months = [sub[1]]
        else:
            months = _digits_range(month_text, 1, 12)
            if not months:
                raise EDTFValueError(whole, f"month {month_text}")
    else:
        months = [1, 12]
    if years is None:
        if day_text is not None and "X" not in day_text and int(day_text) > 31:
            raise EDTFValueError(whole, f"day {int(day_text)}")
        return None, None, granularity, False, bool(quals)

    y_lo, y_hi = years
    m_lo, m_hi = months[0], months[-1]
    if sub is not None:
        start = cal.seconds(y_lo, sub[1])
        end = cal.seconds(*cal.add_months(y_hi, sub[1], sub[2]))
    elif day_text is None:
        start = cal.seconds(y_lo, m_lo)
        end = cal.seconds(*cal.add_months(y_hi, m_hi, 1))
    else:
        days = _digits_range(day_text, 1, 31)
        if not days:
            raise EDTFValueError(whole, f"day {day_text}")
        if "X" not in day_text and "X" not in month_text and "X" not in year_text:
            limit = cal.days_in_month(y_lo, m_lo)
            if days[0] > limit:
                raise EDTFValueError(
                    whole, f"day {days[0]} (month {m_lo} of {y_lo} has {limit} days)"
                )
        d_lo = min(days[0], cal.days_in_month(y_lo, m_lo))
        d_hi = min(days[-1], cal.days_in_month(y_hi, m_hi))
        start = cal.seconds(y_lo, m_lo, d_lo)
        end = cal.seconds(y_hi, m_hi, d_hi) + cal.SECONDS_PER_DAY
        if g["hour"] is not None:
            hour, minute, second = int(g["hour"]), int(g["minute"]), int(g["second"])
            if hour > 23 or minute > 59 or second > 59:
                raise EDTFValueError(whole, f"time {hour:02d}:{minute:02d}:{second:02d}")
            start += hour * 3600 + minute * 60 + second - _zone_seconds(g["zone"], whole)
            return start, start + 1, Granularity.SECOND, True, False
    if quals:
        # widen by one unit (the APPROX rule) of the finest qualified component:
        # q0/q1 the year (or the decade/century its X digits leave), q2/q3 the month (or the
        # grouping), q4/q5 the day
        finest = max(int(k[1]) // 2 for k in quals)
        by = _approx_by()
        if finest == 0:
            unit = granularity if month_text is None else Granularity.YEAR
            if unit is Granularity.YEAR and not year_text.startswith("Y"):
                trailing = len(year_text) - len(year_text.rstrip("X"))
                unit = (Granularity.YEAR, Granularity.DECADE, Granularity.CENTURY, Granularity.MILLENNIUM)[min(trailing, 3)]
            start, end = widen(start, end, unit, by)
        elif finest == 1 and sub is not None:
            start = cal.add_months_to_seconds(start, -by * sub[2])
            end = cal.add_months_to_seconds(end, by * sub[2])
        else:
            start, end = widen(start, end, Granularity.MONTH if finest == 1 else Granularity.DAY, by)
    return start, end, granularity, False, bool(quals)


def _zone_seconds(zone: str | None, whole: str) -> int:
    if zone is None or zone == "Z":
        return 0
    hours, minutes = int(zone[1:3]), int(zone[4:6] or 0)
    if hours > 14 or minutes > 59:
        raise EDTFValueError(whole, f"time zone offset {zone}")
    total = hours * 3600 + minutes * 60
    return -total if zone[0] == "-" else total


# --- format -------------------------------------------------------------------------------


def format_edtf(span: Span) -> str | None:
    """An EDTF string for ``span`` (its ``edtf`` when set), from its TIMEX3 value when EDTF
    can say it, else from its bounds; None when EDTF cannot say it."""
    if span.edtf is not None:
        return span.edtf
    if span.timex is not None:
        text = _from_timex3(span)
        if text is not None:
            return text
    return _from_bounds(span)


def _from_timex3(span: Span) -> str | None:
    from timeline.timex3_values import TimexDate, parse_timex3

    assert span.timex is not None
    value = parse_timex3(span.timex)
    if not isinstance(value, TimexDate) or value.kind != "date":
        return None
    if span.mod not in (None, "APPROX"):
        return None
    if value.zone or value.part_of_day or value.week is not None:
        return None
    if value.hour is not None and (value.second is None or "X" in value.hour + value.second):
        return None
    year = value.year if len(value.year) >= 4 else value.year.ljust(4, "X")
    if value.bc:
        if "X" in year:
            return None
        text = _edtf_year(1 - int(year))
    elif "X" in year:
        if len(year) != 4:
            return None
        text = year
    else:
        text = _edtf_year(int(year))
    if value.month is not None:
        text += f"-{value.month}"
        if value.day is not None:
            text += f"-{value.day}"
    elif value.quarter is not None:
        text += "" if value.quarter == "X" else f"-{32 + int(value.quarter)}"
    elif value.half is not None:
        text += "" if value.half == "X" else f"-{39 + int(value.half)}"
    elif value.season is not None:
        text += f"-{21 + list(cal.SEASON_MONTHS).index(value.season)}"
    if value.hour is not None:
        text += f"T{value.hour}:{value.minute}:{value.second}"
    if span.mod == "APPROX":
        if value.hour is not None:
            return None
        text += "~"
    try:
        check = edtf_span(text)
    except EDTFValueError:
        return None
    if (check.earliest_start, check.latest_start, check.earliest_end, check.latest_end) != (
        span.earliest_start, span.latest_start, span.earliest_end, span.latest_end,
    ):  # fmt: skip
        return None
    return text


def _edtf_year(year: int) -> str:
    if -9999 <= year <= 9999:
        return f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"Y{year}"


def _from_bounds(span: Span) -> str | None:
    es, ls, ee, le = span.earliest_start, span.latest_start, span.earliest_end, span.latest_end
    if es is None and ls is None and ee is None and le is None:
        return None
    if es is not None and es == ls and ee is not None and ee == le:  # exact
        return f"{instant_text(es, 'edtf')}/{instant_text(ee, 'edtf')}"
    if es == ee and ls == le:  # "within"
        if es is not None and le is not None:
            whole = period_text(span, "edtf")
            if whole is not None:
                return whole
        return _range_set(es, le)
    if es is not None and es == ls and ee is not None and ee == le:
        return f"{instant_text(es, 'edtf')}/{instant_text(ee, 'edtf')}"
    start = ".." if es is None and ls in (None, le) else _side(es, ls)
    end = ".." if le is None and ee in (None, es) else _side(ee, le)
    if start is None or end is None or start == end == "..":
        return None
    return f"{start}/{end}"


def _side(lo: int | None, hi: int | None) -> str | None:
    if lo is None or hi is None:
        return None
    if lo == hi:
        return instant_text(lo, "edtf")
    if hi - lo == 1:
        return None
    return period_text(Span.within(lo, hi), "edtf")


def _range_set(lo: int | None, hi: int | None) -> str | None:
    """"[first..last]": one of the days (or seconds) from ``lo`` up to ``hi`` (exclusive)."""
    day = cal.SECONDS_PER_DAY
    if all(x is None or cal.civil_from_seconds(x)[1:] == (1, 1, 0, 0, 0) for x in (lo, hi)):
        a = "" if lo is None else _edtf_year(cal.civil_from_seconds(lo)[0])
        b = "" if hi is None else _edtf_year(cal.civil_from_seconds(hi)[0] - 1)
    elif not (_fits(lo) and _fits(None if hi is None else hi - 1)):
        return None  # days of years past 9999 have no EDTF form
    elif all(x is None or x % day == 0 for x in (lo, hi)):
        a = "" if lo is None else _day_text(lo)
        b = "" if hi is None else _day_text(hi - day)
    else:
        a = "" if lo is None else instant_text(lo, "edtf")
        b = "" if hi is None else instant_text(hi - 1, "edtf")
    if lo is not None and hi is not None and lo >= hi:
        return None
    return f"[{a}..{b}]"


def _day_text(t: int) -> str:
    y, m, d = cal.civil_from_days(t // cal.SECONDS_PER_DAY)
    return f"{_edtf_year(y)}-{m:02d}-{d:02d}"


def _fits(t: int | None) -> bool:
    """Whether EDTF can write a day or second of ``t`` (years -9999..9999: Y-prefixed
    years cannot have months)."""
    return t is None or -9999 <= cal.civil_from_seconds(t)[0] <= 9999
