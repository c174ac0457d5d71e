"""EDTF (Extended Date/Time Format, ISO 8601-2) strings in and out of ``Bounds``.

Read (levels 0 and 1, and level 2 where it fits):

- dates ``1985``, ``1985-04``, ``1985-04-12``; date-times ``1985-04-12T23:20:30`` with ``Z`` or
  ``+hh:mm`` (converted to UTC); negative years ``-0489`` (astronomical: 490 BC); long years
  ``Y170000002``, ``Y-12000``; level 2 exponents ``Y17E7`` and significant digits ``1950S2``
  (years within ±10^9, ``notation.MAX_YEAR``: larger ones are refused before they are computed);
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

Read: ``edtf_bounds(text)`` (``Span.from_edtf`` calls it). Write: ``format_edtf(bounds,
timex=...)`` derives EDTF from a TIMEX3 value when EDTF can say it, else from the bounds; None
when it cannot (durations, sets, unanchored references, months, days and instants of years
past ±9999). What it writes, ``edtf_bounds`` reads back to the same bounds.

Why our own parser rather than the ``edtf`` package: see ``docs/time-values.md`` (speed,
week dates, and bounds that follow the rules above; the package is used as a cross-check in
the tests).
"""

from __future__ import annotations

import functools
import re

from timeline import calendar as cal
from timeline.bounds import Bounds
from timeline.errors import EDTFValueError
from timeline.granularity import Granularity, widen
from timeline.notation import (
    MAX_YEAR,
    Side,
    checked_year,
    instant_text,
    interval_bounds,
    interval_text,
    period_text,
    writes_months,
    year_from_digits,
    year_text,
    zone_seconds,
)
from timeline.package_data import load_table
from timeline.timex3_values import TimexDate, mod_rules, parse_timex3

__all__ = ["edtf_bounds", "format_edtf", "parse_edtf"]

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
    return int(mod_rules()["APPROX"]["by"])


# --- parse --------------------------------------------------------------------------------


def edtf_bounds(text: str) -> Bounds:
    """The bounds an EDTF string names; ``EDTFValueError`` naming the string and the reason.
    Results are cached (``parse_edtf`` reads without the cache)."""
    if not isinstance(text, str):
        raise EDTFValueError(text, "not a string")
    return _cached_parse(text)


def parse_edtf(text: str) -> Bounds:
    """``edtf_bounds`` without its cache."""
    if not isinstance(text, str):
        raise EDTFValueError(text, "not a string")
    if not text:
        raise EDTFValueError(text, "empty")
    if text[0] in "[{":
        return _set_bounds(text)
    if "/" in text:
        left, _, right = text.partition("/")
        if "/" in right:
            raise EDTFValueError(text, "more than one '/'")
        if left in ("", "..") and right in ("", ".."):
            raise EDTFValueError(text, "an interval needs at least one date")
        start = None if left in ("", "..") else _side(left, text)
        end = None if right in ("", "..") else _side(right, text)
        return interval_bounds(start, end, text, EDTFValueError)
    lo, hi, granularity, approx = _date(text, text)
    return Bounds.within(lo, hi, granularity, "APPROX" if approx else None)


_cached_parse = functools.lru_cache(maxsize=4096)(parse_edtf)


def _side(part: str, whole: str) -> Side:
    lo, hi, granularity, _ = _date(part, whole)
    return Side(lo, hi, granularity)


def _set_bounds(text: str) -> Bounds:
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
                da = _date(a, text)
                lows.append(da[0])
                grans.append(da[2])
            else:
                lows.append(None)
            if b:
                db = _date(b, text)
                highs.append(db[1])
                grans.append(db[2])
            else:
                highs.append(None)
        else:
            d = _date(member, text)
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
    return Bounds.within(lo, hi, min(grans))


def _digits_range(pattern: str, low: int, high: int) -> list[int]:
    """Values in [low, high] whose zero-padded digits match ``pattern`` (X = any digit)."""
    rx = re.compile(pattern.replace("X", "[0-9]"))
    return [v for v in range(low, high + 1) if rx.fullmatch(f"{v:0{len(pattern)}d}")]


def _date(part: str, whole: str) -> tuple[int | None, int | None, Granularity, bool]:
    """(start, end, granularity, qualified) of one EDTF date or date-time; start/end bound
    the period (envelope where X), widened when qualified; None when the year is wholly
    unknown."""
    m = _DATE_RE.fullmatch(part)
    if m is None:
        raise EDTFValueError(whole, f"cannot read {part!r} as an EDTF date")
    g = m.groupdict()
    year_text, month_text, day_text = g["year"], g["month"], g["day"]
    if year_text.startswith("Y"):
        if month_text is not None:
            raise EDTFValueError(whole, "a Y-prefixed year cannot have a month")
        year = _long_year(year_text[1:], whole)
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
        hi_abs = checked_year(int(digits[:keep] + "9" * (len(digits) - keep)), whole, EDTFValueError)
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
        return None, None, granularity, bool(quals)

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
            start += hour * 3600 + minute * 60 + second - zone_seconds(g["zone"], whole, EDTFValueError)
            return start, start + 1, Granularity.SECOND, False
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
    return start, end, granularity, bool(quals)


def _long_year(digits: str, whole: str) -> int:
    """A ``Y`` year: digits (``170000002``), or a mantissa and exponent (``17E7``), refused
    beyond ±10^9 before the power is computed."""
    mantissa, _, exponent = digits.partition("E")
    if not exponent:
        return year_from_digits(mantissa, whole, EDTFValueError)
    significant = len(mantissa.lstrip("-").lstrip("0"))
    if significant == 0:
        return 0
    places = exponent.lstrip("0") or "0"
    if len(places) > 2 or significant + int(places) > len(str(10**9)):
        raise EDTFValueError(whole, f"year {digits} is outside the years a time value may name (±10^9)")
    return checked_year(int(mantissa) * 10 ** int(places), whole, EDTFValueError)


# --- format -------------------------------------------------------------------------------


def format_edtf(bounds: Bounds, *, timex: str | None = None, edtf: str | None = None) -> str | None:
    """An EDTF string for ``bounds``: ``edtf`` when given, else one from the TIMEX3 value
    ``timex`` when EDTF can say it, else one from the bounds alone; None when EDTF cannot say
    it. Whatever it writes reads back (``edtf_bounds``) to the same four bounds."""
    if edtf is not None:
        return edtf
    if timex is not None:
        text = _from_timex3(bounds, timex)
        if text is not None:
            return text
    return _from_bounds(bounds)


def _from_timex3(bounds: Bounds, timex: str) -> str | None:
    value = parse_timex3(timex)
    if not isinstance(value, TimexDate) or value.kind != "date":
        return None
    if bounds.mod not in (None, "APPROX"):
        return None
    if value.zone or value.part_of_day or value.week is not None:
        return None
    if value.hour is not None and (value.second is None or "X" in value.hour + value.second):
        return None
    year = value.year if len(value.year) >= 4 else value.year.ljust(4, "X")
    if value.bc:
        if "X" in year:
            return None
        text = year_text(1 - int(year), "edtf")
    elif "X" in year:
        if len(year) != 4:
            return None
        text = year
    else:
        text = year_text(int(year), "edtf")
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
    if bounds.mod == "APPROX":
        if value.hour is not None:
            return None
        text += "~"
    try:
        check = edtf_bounds(text)
    except EDTFValueError:
        return None
    return text if check[:4] == bounds[:4] else None


def _from_bounds(bounds: Bounds) -> str | None:
    es, ls, ee, le = bounds[:4]
    if es is None and ls is None and ee is None and le is None:
        return None
    exact = es is not None and es == ls and ee is not None and ee == le
    if es == ee and ls == le and not exact:  # "within"
        if es is not None and le is not None:
            whole = period_text(bounds, "edtf")
            if whole is not None:
                return whole
        return _range_set(es, le)
    return interval_text(bounds, "edtf")


def _range_set(lo: int | None, hi: int | None) -> str | None:
    """"[first..last]": one of the years, days or seconds from ``lo`` up to ``hi`` (exclusive)."""
    if lo is not None and hi is not None and lo >= hi:
        return None
    day = cal.SECONDS_PER_DAY
    if all(x is None or cal.civil_from_seconds(x)[1:] == (1, 1, 0, 0, 0) for x in (lo, hi)):
        first = None if lo is None else cal.civil_from_seconds(lo)[0]
        last = None if hi is None else cal.civil_from_seconds(hi)[0] - 1
        if any(y is not None and not -MAX_YEAR <= y <= MAX_YEAR for y in (first, last)):
            return None  # no reader takes such years back
        a = "" if first is None else year_text(first, "edtf")
        b = "" if last is None else year_text(last, "edtf")
        return f"[{a}..{b}]"
    as_days = all(x is None or x % day == 0 for x in (lo, hi))
    end = None if hi is None else hi - (day if as_days else 1)
    first_text, last_text = _member_text(lo, as_days), _member_text(end, as_days)
    if first_text is None or last_text is None:
        return None  # days and seconds of years past ±9999 have no EDTF form
    return f"[{first_text}..{last_text}]"


def _member_text(t: int | None, as_day: bool) -> str | None:
    """A member of a range: its day ("2003-03-10") or its second; "" when open; None when
    EDTF has no form for it (years past ±9999)."""
    if t is None:
        return ""
    if not as_day:
        return instant_text(t, "edtf")
    y, m, d = cal.civil_from_days(t // cal.SECONDS_PER_DAY)
    return f"{year_text(y, 'edtf')}-{m:02d}-{d:02d}" if writes_months(y, "edtf") else None
