"""TIMEX3 values: parse to a structured value, format back, and turn into ``Bounds``.

The grammar (TimeML 1.2.1 ``value`` attribute, with the TIDES forms found in real corpora)::

    date      [BC] YEAR [-MM[-DD] | -Www[-D|-WE] | -Qn | -Hn | -SP|SU|FA|WI] [TIME]
      YEAR    4+ characters: a year ("2003", "12000"); 3: a decade ("199"); 2: a century
              ("19"); 1: a millennium ("2"). Trailing digits may be X ("199X", "19XX", "XXXX").
      TIME    Thh[:mm[:ss]] or a part of day TMO|TMI|TAF|TEV|TNI|TDT, then Z or +hh[:mm]
              (converted to UTC); a time needs a day (or a weekday)
      any field may be all X (unknown): "1998-10-XX", "XXXX-WXX-1", "1989-QX"
    duration  P[nML|nCE|nDE|nY|nQ|nM|nW|nWE|nD...][T[nH][nM][nS]]; n is digits, a decimal, or X
    ref       PRESENT_REF | PAST_REF | FUTURE_REF

Stages, top to bottom: the value classes, ``parse_timex3`` (regular expressions -> value,
validated field by field), ``format_timex3`` (value -> string), then ``timex3_bounds`` (value
-> ``Bounds``: the period it names, narrowed or opened by its ``mod``; ``Span.from_timex3``
calls it) and ``timex3_attributes`` (the ``type``, ``value`` and ``mod`` a TIMEX3 tag writes,
which read back to the same bounds). Years are bounded by ``notation.MAX_YEAR`` (±10^9). How each form and mod
becomes bounds is documented in ``docs/time-values.md``; the mod rules, parts of day and
duration units are data (``timeline/data/timex3_*.json``).
"""

from __future__ import annotations

import calendar as std_calendar
import functools
import re
from fractions import Fraction
from typing import Any, Literal

import attrs

from timeline import calendar as cal
from timeline.bounds import Bounds
from timeline.errors import TimexValueError
from timeline.granularity import Granularity, widen
from timeline.notation import year_from_digits, zone_seconds
from timeline.package_data import load_table

__all__ = [
    "REFS",
    "Kind",
    "TimexDate",
    "TimexDuration",
    "TimexRef",
    "TimexValue",
    "apply_mod",
    "date_bounds",
    "duration_units",
    "format_timex3",
    "mod_rules",
    "parse_timex3",
    "parts_of_day",
    "timex3_attributes",
    "timex3_bounds",
    "timex3_kind",
]

Kind = Literal["date", "duration", "set", "ref"]
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


# --- data ---------------------------------------------------------------------------------


@functools.cache
def _data(name: str) -> dict[str, Any]:
    return dict(load_table("timeline", name))


def mod_rules() -> dict[str, dict[str, Any]]:
    """The TIMEX3 mods and how each changes bounds (``timeline/data/timex3_mods.json``)."""
    return _data("timex3_mods.json")


def parts_of_day() -> dict[str, tuple[int, int]]:
    """Part-of-day codes -> [from, to) hours after midnight."""
    return {k: (v[0], v[1]) for k, v in _data("timex3_parts_of_day.json").items()}


def duration_units() -> dict[str, dict[str, tuple[Granularity, int]]]:
    """Duration unit codes (date part, time part) -> (granularity, nominal seconds)."""
    raw = _data("timex3_duration_units.json")
    return {
        part: {code: (Granularity[g], int(sec)) for code, (g, sec) in units.items()}
        for part, units in raw.items()
    }


# --- values -------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class TimexDate:
    """A calendar value, fields kept as written ("2003", "03", "XX", "WE"); None = absent."""

    year: str
    bc: bool = False
    month: str | None = None
    day: str | None = None
    week: str | None = None
    weekday: str | None = None
    quarter: str | None = None
    half: str | None = None
    season: str | None = None
    hour: str | None = None
    minute: str | None = None
    second: str | None = None
    part_of_day: str | None = None
    zone: str | None = None

    @property
    def granularity(self) -> Granularity:
        """The finest field stated (even when it is X)."""
        if self.second is not None:
            return Granularity.SECOND
        if self.minute is not None:
            return Granularity.MINUTE
        if self.hour is not None:
            return Granularity.HOUR
        if self.part_of_day is not None:
            return Granularity.PART_OF_DAY
        if self.day is not None or self.weekday is not None:
            return Granularity.DAY
        if self.week is not None:
            return Granularity.WEEK
        if self.month is not None:
            return Granularity.MONTH
        if self.season is not None:
            return Granularity.SEASON
        if self.quarter is not None:
            return Granularity.QUARTER
        if self.half is not None:
            return Granularity.HALF
        return {1: Granularity.MILLENNIUM, 2: Granularity.CENTURY, 3: Granularity.DECADE}.get(
            len(self.year), Granularity.YEAR
        )

    @property
    def kind(self) -> Kind:
        """"set" when the year is unknown and a known field sits below an unknown one
        ("XXXX-WXX-1": every Monday); otherwise "date"."""
        if set(self.year) != {"X"}:
            return "date"
        fields = [
            self.month, self.day, self.week, self.weekday, self.quarter, self.half,
            self.season, self.hour, self.minute, self.second, self.part_of_day,
        ]  # fmt: skip
        seen_unknown = False
        for field in fields:
            if field is None:
                continue
            if "X" in field:
                seen_unknown = True
            elif seen_unknown:
                return "set"
        return "date"


@attrs.frozen(slots=True)
class TimexDuration:
    """A length: ``parts`` are (amount, unit) pairs; amount is digits, a decimal, or X."""

    date_parts: tuple[tuple[str, str], ...] = ()
    time_parts: tuple[tuple[str, str], ...] = ()

    kind: Kind = attrs.field(default="duration", init=False)

    @property
    def granularity(self) -> Granularity:
        """The finest unit."""
        units = duration_units()
        if self.time_parts:
            return units["time"][self.time_parts[-1][1]][0]
        return units["date"][self.date_parts[-1][1]][0]

    def nominal_seconds(self) -> float | None:
        """The length in seconds with average months and years (None when an amount is X)."""
        units = duration_units()
        total = 0.0
        for part, pairs in (("date", self.date_parts), ("time", self.time_parts)):
            for amount, unit in pairs:
                if "X" in amount:
                    return None
                total += float(amount) * units[part][unit][1]
        return total


@attrs.frozen(slots=True)
class TimexRef:
    """PRESENT_REF, PAST_REF or FUTURE_REF."""

    name: str
    kind: Kind = attrs.field(default="ref", init=False)

    @property
    def granularity(self) -> Granularity:
        return Granularity.UNKNOWN


TimexValue = TimexDate | TimexDuration | TimexRef


# --- parse --------------------------------------------------------------------------------

_DATE_RE = re.compile(
    r"""
    (?P<bc>BC)?(?P<year>[0-9X]*)
    (?:
        -(?P<month>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX))?
      | -W(?P<week>[0-9]{1,2}|XX)(?:-(?P<weekday>[1-7X]|WE))?
      | -Q(?P<quarter>[0-9X])
      | -H(?P<half>[0-9X])
      | -(?P<season>SP|SU|FA|WI)
    )?
    (?:T
        (?:(?P<hour>[0-9]{2}|XX)(?::(?P<minute>[0-9]{2}|XX)(?::(?P<second>[0-9]{2}|XX))?)?
          |(?P<pod>MO|MI|AF|EV|NI|DT))
        (?P<zone>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?
    )?
    """,
    re.VERBOSE,
)
_AMOUNT = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+|X+)"
_DATE_UNIT_RE = re.compile(rf"({_AMOUNT})(ML|CE|DE|WE|L|C|E|Y|Q|M|W|D)")
_TIME_UNIT_RE = re.compile(rf"({_AMOUNT})(H|M|S)")


@functools.lru_cache(maxsize=4096)
def parse_timex3(value: str) -> TimexValue:
    """Read a TIMEX3 ``value`` attribute; raise ``TimexValueError`` naming the value and reason.

    >>> parse_timex3("2003-W11")
    TimexDate(year='2003', bc=False, month=None, day=None, week='11', weekday=None, quarter=None, half=None, season=None, hour=None, minute=None, second=None, part_of_day=None, zone=None)
    """
    if not isinstance(value, str):
        raise TimexValueError(value, "not a string")
    if not value:
        raise TimexValueError(value, "empty")
    if value in REFS:
        return TimexRef(value)
    if value.startswith("P"):
        return _parse_duration(value)
    match = _DATE_RE.fullmatch(value)
    if match is None or not match["year"]:
        raise TimexValueError(value, "not a TIMEX3 date, duration or reference (PRESENT_REF, ...)")
    g = match.groupdict()
    date = TimexDate(
        year=g["year"], bc=bool(g["bc"]), month=g["month"], day=g["day"], week=g["week"],
        weekday=g["weekday"], quarter=g["quarter"], half=g["half"], season=g["season"],
        hour=g["hour"], minute=g["minute"], second=g["second"], part_of_day=g["pod"],
        zone=g["zone"],
    )  # fmt: skip
    _validate_date(value, date)
    return date


def _parse_duration(value: str) -> TimexDuration:
    body = value[1:]
    date_text, _, time_text = body.partition("T")
    if not body or ("T" in body and not time_text):
        raise TimexValueError(value, "a duration needs at least one amount and unit")
    units = duration_units()
    parts: list[tuple[tuple[str, str], ...]] = []
    for text, regex, table in (
        (date_text, _DATE_UNIT_RE, units["date"]),
        (time_text, _TIME_UNIT_RE, units["time"]),
    ):
        pairs: list[tuple[str, str]] = []
        pos = 0
        last = None
        while pos < len(text):
            m = regex.match(text, pos)
            if m is None:
                raise TimexValueError(value, f"cannot read duration part {text[pos:]!r}")
            size = table[m[2]][1]
            if last is not None and size >= last:
                raise TimexValueError(value, f"unit {m[2]} out of order or repeated")
            last = size
            pairs.append((m[1], m[2]))
            pos = m.end()
        parts.append(tuple(pairs))
    return TimexDuration(parts[0], parts[1])


def _validate_date(value: str, d: TimexDate) -> None:
    year = d.year
    if "X" in year and not re.fullmatch(r"[0-9]*X+", year):
        raise TimexValueError(value, "unknown year digits (X) must come last")
    if year.strip("X"):
        year_from_digits(year.replace("X", "9"), value, TimexValueError, bc=d.bc)
    if d.bc and year.strip("0") == "" and len(year) >= 4:
        raise TimexValueError(value, "there is no year 0 BC")
    sub = any(
        f is not None
        for f in (d.month, d.week, d.quarter, d.half, d.season, d.hour, d.part_of_day)
    )
    if sub and len(year) < 4:
        raise TimexValueError(value, f"a decade/century {year!r} cannot have months, weeks or times")
    known_year = _single_year(d)
    if d.month is not None and d.month != "XX" and not 1 <= int(d.month) <= 12:
        raise TimexValueError(value, f"month {int(d.month)}")
    if d.day is not None and d.day != "XX":
        day = int(d.day)
        if d.month is None or d.month == "XX":
            limit = 31
            where = "any month"
        else:
            month = int(d.month)
            limit = cal.days_in_month(known_year if known_year is not None else 2000, month)
            where = std_calendar.month_name[month] + (f" {_year_text(d)}" if known_year is not None else "")
        if not 1 <= day <= limit:
            raise TimexValueError(value, f"day {day} ({where} has {limit} days)")
    if d.week is not None and d.week != "XX":
        week = int(d.week)
        limit = cal.iso_weeks_in_year(known_year) if known_year is not None else 53
        if not 1 <= week <= limit:
            raise TimexValueError(value, f"week {week} (the year has {limit} ISO weeks)")
    if d.quarter is not None and d.quarter != "X" and not 1 <= int(d.quarter) <= 4:
        raise TimexValueError(value, f"quarter {d.quarter}")
    if d.half is not None and d.half != "X" and not 1 <= int(d.half) <= 2:
        raise TimexValueError(value, f"half {d.half}")
    if (d.hour is not None or d.part_of_day is not None) and d.day is None and d.weekday is None:
        raise TimexValueError(value, "a time of day needs a day")
    if d.hour is not None and d.hour != "XX":
        hour = int(d.hour)
        rest = [f for f in (d.minute, d.second) if f is not None]
        if hour > 24 or (hour == 24 and any(f != "00" for f in rest)):
            raise TimexValueError(value, f"hour {hour}")
    if d.minute is not None and d.minute != "XX" and int(d.minute) > 59:
        raise TimexValueError(value, f"minute {int(d.minute)}")
    if d.second is not None and d.second != "XX" and int(d.second) > 59:
        raise TimexValueError(value, f"second {int(d.second)}")
    zone_seconds(d.zone, value, TimexValueError)


def _year_text(d: TimexDate) -> str:
    return ("BC" if d.bc else "") + d.year


def _year_range(d: TimexDate) -> tuple[int, int] | None:
    """Astronomical [first, last] years the year field allows; None when wholly unknown."""
    text = d.year if len(d.year) >= 4 else d.year.ljust(4, "X")
    if set(text) == {"X"}:
        return None
    lo, hi = int(text.replace("X", "0")), int(text.replace("X", "9"))
    if d.bc:
        lo = max(lo, 1)
        return 1 - hi, 1 - lo
    return lo, hi


def _single_year(d: TimexDate) -> int | None:
    years = _year_range(d)
    if years is None or years[0] != years[1]:
        return None
    return years[0]


# --- format -------------------------------------------------------------------------------


def format_timex3(value: TimexValue) -> str:
    """The TIMEX3 string of a parsed value: ``format_timex3(parse_timex3(s)) == s``."""
    if isinstance(value, TimexRef):
        return value.name
    if isinstance(value, TimexDuration):
        text = "P" + "".join(a + u for a, u in value.date_parts)
        if value.time_parts:
            text += "T" + "".join(a + u for a, u in value.time_parts)
        return text
    d = value
    out = ["BC" if d.bc else "", d.year]
    if d.month is not None:
        out.append(f"-{d.month}")
        if d.day is not None:
            out.append(f"-{d.day}")
    elif d.week is not None:
        out.append(f"-W{d.week}")
        if d.weekday is not None:
            out.append(f"-{d.weekday}")
    elif d.quarter is not None:
        out.append(f"-Q{d.quarter}")
    elif d.half is not None:
        out.append(f"-H{d.half}")
    elif d.season is not None:
        out.append(f"-{d.season}")
    if d.hour is not None:
        out.append(f"T{d.hour}")
        if d.minute is not None:
            out.append(f":{d.minute}")
            if d.second is not None:
                out.append(f":{d.second}")
    elif d.part_of_day is not None:
        out.append(f"T{d.part_of_day}")
    if d.zone is not None and (d.hour is not None or d.part_of_day is not None):
        out.append(d.zone)
    return "".join(out)


# --- to bounds ----------------------------------------------------------------------------


def timex3_kind(value: str) -> Kind:
    """What a TIMEX3 value names: "date", "duration", "set" or "ref"; "date" for a string
    that is not a TIMEX3 value at all (a span may carry one its maker chose to keep)."""
    try:
        return parse_timex3(value).kind
    except TimexValueError:
        return "date"


def date_bounds(d: TimexDate) -> tuple[int, int] | None:
    """[start, end) in seconds of the period a date value names (envelope where X); None when
    the year is wholly unknown."""
    years = _year_range(d)
    if years is None:
        return None
    if years[0] != years[1]:
        return cal.seconds(years[0]), cal.seconds(years[1] + 1)
    year = years[0]
    start, end = cal.year_range(year)
    if d.month is not None:
        if d.month == "XX":
            return start, end
        start, end = cal.month_range(year, int(d.month))
        if d.day is None or d.day == "XX":
            return start, end
        start, end = cal.day_range(year, int(d.month), int(d.day))
    elif d.week is not None:
        if d.week == "XX":
            first = cal.iso_week_start(year, 1) * cal.SECONDS_PER_DAY
            return first, cal.iso_week_start(year + 1, 1) * cal.SECONDS_PER_DAY
        start, end = cal.week_range(year, int(d.week))
        if d.weekday is None or d.weekday == "X":
            return start, end
        if d.weekday == "WE":
            return start + 5 * cal.SECONDS_PER_DAY, end
        start += (int(d.weekday) - 1) * cal.SECONDS_PER_DAY
        end = start + cal.SECONDS_PER_DAY
    elif d.quarter is not None:
        return (start, end) if d.quarter == "X" else cal.quarter_range(year, int(d.quarter))
    elif d.half is not None:
        return (start, end) if d.half == "X" else cal.half_range(year, int(d.half))
    elif d.season is not None:
        return cal.season_range(year, d.season)
    else:
        return start, end
    # a day: narrow by the time of day
    offset = zone_seconds(d.zone, format_timex3(d), TimexValueError)
    if d.part_of_day is not None:
        lo, hi = parts_of_day()[d.part_of_day]
        return start + lo * 3600 - offset, start + hi * 3600 - offset
    if d.hour is None or d.hour == "XX":
        return start, end
    start += int(d.hour) * 3600 - offset
    if d.minute is None:
        return start, start + 3600
    if d.minute == "XX":
        return start, start + 3600
    start += int(d.minute) * 60
    if d.second is None or d.second == "XX":
        return start, start + 60
    start += int(d.second)
    return start, start + 1


def apply_mod(bounds: Bounds, mod: str | None, *, value: str | None = None) -> Bounds:
    """``bounds`` changed by a TIMEX3 ``mod`` (rules in ``timeline/data/timex3_mods.json``); the
    mod is recorded on the result. ``value`` names the input in errors."""
    if mod is None:
        return bounds
    rules = mod_rules()
    rule = rules.get(mod)
    if rule is None:
        raise TimexValueError(
            mod, f"not a TIMEX3 mod{f' (on {value!r})' if value else ''}; one of {', '.join(rules)}"
        )
    start, end = bounds.earliest_start, bounds.latest_end
    kind = rule["rule"]
    if kind == "keep" or (kind in ("part", "widen") and (start is None or end is None)):
        return bounds._replace(mod=mod)
    if kind == "part":
        assert start is not None
        assert end is not None
        length = end - start
        lo = start + _floor(Fraction(rule["from"]) * length)
        hi = start + _ceil(Fraction(rule["to"]) * length)
        if bounds.granularity >= Granularity.WEEK and bounds.granularity is not Granularity.UNKNOWN:
            # parts of weeks and longer round outward to whole days: "early 2003" ends on a
            # day boundary, never at 16:00
            day = cal.SECONDS_PER_DAY
            lo, hi = lo // day * day, -(-hi // day) * day
        return Bounds.within(lo, hi, bounds.granularity, mod)
    if kind == "widen":
        assert start is not None
        assert end is not None
        lo, hi = widen(start, end, bounds.granularity, int(rule["by"]))
        return Bounds.within(lo, hi, bounds.granularity, mod)
    # open: within [from, to)
    anchor = {"start": start, "end": end, None: None}
    return Bounds.within(anchor[rule["from"]], anchor[rule["to"]], bounds.granularity, mod)


def _floor(x: Fraction) -> int:
    return x.numerator // x.denominator


def _ceil(x: Fraction) -> int:
    return -(-x.numerator // x.denominator)


def timex3_bounds(value: str, mod: str | None = None, *, dct: Bounds | None = None) -> Bounds:
    """The bounds a TIMEX3 value names, changed by ``mod``.

    Dates give the period they name ("2003-03": start and end anywhere in March 2003).
    Durations and sets give open bounds. References are open unless ``dct`` (the bounds of
    the document's creation time) anchors them: PRESENT_REF is the dct's period, PAST_REF
    anywhere before its end, FUTURE_REF anywhere after its start.
    """
    parsed = parse_timex3(value)
    granularity = parsed.granularity
    bounds = Bounds.unknown(granularity)
    if isinstance(parsed, TimexRef):
        if dct is None:
            pass
        elif parsed.name == "PRESENT_REF":
            bounds = dct._replace(mod=None)
        elif parsed.name == "PAST_REF":
            bounds = Bounds.within(None, dct.latest_end, granularity)
        else:
            bounds = Bounds.within(dct.earliest_start, None, granularity)
    elif isinstance(parsed, TimexDate) and parsed.kind == "date":
        period = date_bounds(parsed)
        if period is not None:
            bounds = Bounds.within(period[0], period[1], granularity)
    return apply_mod(bounds, mod, value=value)


def timex3_attributes(value: str | None, mod: str | None) -> dict[str, str]:
    """The attributes a TIMEX3 tag writes for ``value`` and ``mod`` (``type``, ``value`` and,
    when set, ``mod``), which read back through ``timex3_bounds(value, mod)`` to the same
    bounds; empty when there is no value."""
    if value is None:
        return {}
    kind = timex3_kind(value)
    tag_type = {"duration": "DURATION", "set": "SET"}.get(kind, "DATE")
    if kind == "date" and "T" in value:
        tag_type = "TIME"
    attributes = {"type": tag_type, "value": value}
    if mod is not None:
        attributes["mod"] = mod
    return attributes
