"""Lossless round trips of generated spans through TIMEX3 (value and mod), EDTF and ISO 8601.

Spans come from every source a user has: TIMEX3 values with mods (BCE years, years past 9999,
weeks, seasons, quarters, halves, decades, times with zones, sets, durations, references),
EDTF strings (qualifiers, X digits, exponent years, intervals with open and unknown ends,
sets), and bare bounds (periods, exact, open sides, anything valid). Each writer either says
nothing (None, or ``ValueError`` for ISO) or writes what its reader takes back to the same
span. Runs under the hypothesis profile of ``tests/conftest.py`` (fixed settings in CI).
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import Granularity, Span
from timeline import calendar as cal
from timeline.timex3_values import mod_rules

MODS = [None, *sorted(mod_rules())]

# mostly years people write, sometimes BCE or past 9999, now and then near the ±10^9 limit
YEARS = st.one_of(
    st.integers(1, 2100), st.integers(-99_999, 99_999), st.integers(-(10**9), 10**9)
)


def bounds(span: Span) -> tuple[int | None, int | None, int | None, int | None]:
    return span.earliest_start, span.latest_start, span.earliest_end, span.latest_end


def timex3_year(year: int) -> str:
    return f"{year:04d}" if year >= 1 else f"BC{1 - year:04d}"


@st.composite
def timex3_values(draw: st.DrawFn) -> str:
    form = draw(
        st.sampled_from(
            ["year", "month", "day", "time", "part_of_day", "week", "weekday", "quarter", "half",
             "season", "decade", "century", "unknown_digits", "set", "duration", "ref"]
        )
    )  # fmt: skip
    year = draw(YEARS)
    y = timex3_year(year)
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, cal.days_in_month(year, month)))
    week = draw(st.integers(1, cal.iso_weeks_in_year(year)))
    if form == "year":
        return y
    if form == "month":
        return f"{y}-{month:02d}"
    if form == "day":
        return f"{y}-{month:02d}-{day:02d}"
    if form == "time":
        hh, mm, ss = draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59))
        clock = draw(st.sampled_from([f"{hh:02d}", f"{hh:02d}:{mm:02d}", f"{hh:02d}:{mm:02d}:{ss:02d}"]))
        zone = draw(st.sampled_from(["", "Z", "-05", "+0530", "+02:00"]))
        return f"{y}-{month:02d}-{day:02d}T{clock}{zone}"
    if form == "part_of_day":
        return f"{y}-{month:02d}-{day:02d}T{draw(st.sampled_from(['MO', 'MI', 'AF', 'EV', 'NI', 'DT']))}"
    if form == "week":
        return f"{y}-W{week:02d}"
    if form == "weekday":
        return f"{y}-W{week:02d}-{draw(st.sampled_from(['1', '3', '7', 'WE']))}"
    if form == "quarter":
        return f"{y}-Q{draw(st.integers(1, 4))}"
    if form == "half":
        return f"{y}-H{draw(st.integers(1, 2))}"
    if form == "season":
        return f"{y}-{draw(st.sampled_from(['SP', 'SU', 'FA', 'WI']))}"
    if form in ("decade", "century"):
        digits = f"{abs(year) % 10000:04d}"[: 3 if form == "decade" else 2]
        return ("BC" if year < 1 else "") + digits
    if form == "unknown_digits":
        base = f"{abs(year) % 10000:04d}"
        return draw(st.sampled_from([base[:3] + "X", base[:2] + "XX", f"{base}-XX", f"{base}-{month:02d}-XX", f"{base}-QX"]))
    if form == "set":
        return draw(st.sampled_from(["XXXX-WXX-1", "XXXX-XX-15", "XXXX-WXX-WE", "XXXX-XX-XXTMO"]))
    if form == "duration":
        return draw(st.sampled_from(["P3Y", "PT2H", "PXM", "P1DE", "P2Y6M", "P1WE", "PT1H30M"]))
    return draw(st.sampled_from(["PRESENT_REF", "PAST_REF", "FUTURE_REF"]))


DCT = Span.from_timex3("2003-03-18")


@st.composite
def timex3_spans(draw: st.DrawFn) -> Span:
    value = draw(timex3_values())
    return Span.from_timex3(value, draw(st.sampled_from(MODS)), dct=draw(st.sampled_from([None, DCT])))


def edtf_year(year: int) -> str:
    if -9999 <= year <= 9999:
        return f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"Y{year}"


@st.composite
def edtf_dates(draw: st.DrawFn) -> str:
    year = draw(YEARS)
    y = edtf_year(year)
    if not -9999 <= year <= 9999:
        return draw(st.sampled_from([y, f"{y}~", f"Y{abs(year) // 1000 or 1}E3", f"{edtf_year(year // 10)}S2"]))
    month = draw(st.integers(1, 12))
    form = draw(st.sampled_from(["year", "month", "day", "time", "group", "x", "sig"]))
    if form == "year":
        text = y
    elif form == "month":
        text = f"{y}-{month:02d}"
    elif form == "day":
        text = f"{y}-{month:02d}-{draw(st.integers(1, cal.days_in_month(year, month))):02d}"
    elif form == "time":
        day = draw(st.integers(1, cal.days_in_month(year, month)))
        zone = draw(st.sampled_from(["", "Z", "+02:00", "-05:30"]))
        return f"{y}-{month:02d}-{day:02d}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}:00{zone}"
    elif form == "group":
        text = f"{y}-{draw(st.integers(21, 41))}"
    elif form == "sig":
        return f"{y}S{draw(st.integers(1, len(str(abs(year)))))}"
    else:
        base = f"{abs(year):04d}"
        text = draw(st.sampled_from([base[:3] + "X", base[:2] + "XX", f"{base}-XX", f"{base}-{month:02d}-XX"]))
    return text + draw(st.sampled_from(["", "", "?", "~", "%"]))


@st.composite
def edtf_spans(draw: st.DrawFn) -> Span:
    form = draw(st.sampled_from(["date", "interval", "open", "set"]))
    a = draw(edtf_dates())
    if form == "date":
        return Span.from_edtf(a)
    if form == "open":
        return Span.from_edtf(draw(st.sampled_from([f"{a}/..", f"../{a}", f"{a}/", f"/{a}"])))
    b = draw(edtf_dates())
    first, second = sorted([a, b], key=lambda t: Span.from_edtf(t).earliest_start or 0)
    if form == "set":
        return Span.from_edtf(draw(st.sampled_from([f"[{first}, {second}]", f"{{{first}, {second}}}", f"[{first}..{second}]", f"[..{first}]"])))
    try:
        return Span.from_edtf(f"{first}/{second}")
    except ValueError:  # the second ends before the first starts (overlapping periods)
        return Span.from_edtf(first)


@st.composite
def bound_spans(draw: st.DrawFn) -> Span:
    form = draw(st.sampled_from(["period", "exact", "within", "open", "any"]))
    year = draw(YEARS)
    if form == "period":
        make = draw(st.sampled_from([
            lambda: (cal.year_range(year), Granularity.YEAR),
            lambda: (cal.month_range(year, 3), Granularity.MONTH),
            lambda: (cal.week_range(year, 11), Granularity.WEEK),
            lambda: (cal.quarter_range(year, 2), Granularity.QUARTER),
            lambda: (cal.season_range(year, "WI"), Granularity.SEASON),
            lambda: (cal.day_range(year, 2, 28), Granularity.DAY),
        ]))  # fmt: skip
        (start, end), granularity = make()
        span = Span.within(start, end, granularity)
        return span.with_mod(draw(st.sampled_from(MODS)))
    start = cal.seconds(year) + draw(st.integers(0, 10**8))
    length = draw(st.integers(0, 10**10))
    if form == "exact":
        return Span.exactly(start, start + length)
    if form == "within":
        return Span.within(start, start + length + 1)
    if form == "open":
        return draw(st.sampled_from([Span.within(start, None), Span.within(None, start), Span.exactly(start, None)]))
    # any valid four bounds
    es, ls = sorted([start, start + draw(st.integers(0, 10**9))])
    ee, le = sorted([start + draw(st.integers(0, 10**9)), start + draw(st.integers(0, 10**9))])
    return Span(es, ls, ee, le)


SPANS = st.one_of(timex3_spans(), edtf_spans(), bound_spans())


# --- TIMEX3: value and mod --------------------------------------------------------------


@given(timex3_values(), st.sampled_from(MODS), st.sampled_from([None, DCT]))
def test_timex3_value_and_mod_read_back(value: str, mod: str | None, dct: Span | None) -> None:
    span = Span.from_timex3(value, mod, dct=dct)
    attributes = span.timex3_attributes()
    assert attributes["value"] == value
    assert attributes.get("mod") == mod
    assert attributes["type"] in ("DATE", "TIME", "DURATION", "SET")
    # references read back against the same document date
    assert Span.from_timex3(attributes["value"], attributes.get("mod"), dct=dct) == span


@given(SPANS)
def test_timex3_writes_only_what_it_reads_back(span: Span) -> None:
    for candidate in (span, attrs.evolve(span, timex=None)):
        attributes = candidate.timex3_attributes()
        if attributes and candidate.kind != "ref":
            back = Span.from_timex3(attributes["value"], attributes.get("mod"))
            assert bounds(back) == bounds(candidate), attributes


def test_the_mod_is_written() -> None:
    early = Span.from_timex3("2003", "EARLY")
    assert early.timex3_attributes() == {"type": "DATE", "value": "2003", "mod": "EARLY"}
    attributes = early.timex3_attributes()
    assert Span.from_timex3(attributes["value"], attributes["mod"]) == early
    # the value alone would be all of 2003: the mod is what keeps "early"
    assert bounds(Span.from_timex3(attributes["value"])) != bounds(early)
    assert Span.from_timex3("2003-03-18T10:30").timex3_attributes()["type"] == "TIME"
    assert Span.from_timex3("P3Y").timex3_attributes()["type"] == "DURATION"
    assert Span.from_timex3("XXXX-WXX-1").timex3_attributes()["type"] == "SET"
    assert Span.unknown().timex3_attributes() == {}


def test_with_mod_keeps_a_value_that_reads_back() -> None:
    year = Span.from_timex3("2003")
    early = year.with_mod("EARLY")
    assert early == Span.from_timex3("2003", "EARLY")
    # a second mod on a modded value: the value no longer says it, so it is dropped
    late_of_early = early.with_mod("LATE")
    assert late_of_early.timex is None
    assert late_of_early.mod == "LATE"
    # an EDTF string no longer describes moved bounds
    assert Span.from_edtf("2003").with_mod("EARLY").edtf is None


# --- EDTF -------------------------------------------------------------------------------


@given(SPANS)
def test_edtf_writes_only_what_it_reads_back(span: Span) -> None:
    for candidate in (span, attrs.evolve(span, edtf=None), attrs.evolve(span, edtf=None, timex=None)):
        text = candidate.to_edtf()
        if text is not None:
            assert bounds(Span.from_edtf(text)) == bounds(candidate), text


@given(edtf_spans())
def test_edtf_strings_are_kept(span: Span) -> None:
    assert span.edtf is not None
    assert span.to_edtf() == span.edtf
    assert Span.from_edtf(span.to_edtf() or "") == span


@pytest.mark.parametrize(
    "span",
    [
        Span.from_timex3("BC0490"), Span.from_timex3("12000"), Span.from_timex3("2003-W11"),
        Span.from_timex3("2003-SU"), Span.from_timex3("2003", "BEFORE"),
        Span.from_timex3("2003", "APPROX"), Span.within(cal.seconds(2003), None),
        Span.within(*cal.year_range(-(10**9))), Span.exactly(cal.seconds(-9999), cal.seconds(9999, 12, 31)),
    ],
)  # fmt: skip
def test_edtf_says_these(span: Span) -> None:
    text = span.to_edtf()
    assert text is not None
    assert bounds(Span.from_edtf(text)) == bounds(span)


def test_edtf_says_nothing_it_cannot_read() -> None:
    # exact spans past ±9999 (EDTF's Y years take no months, days or times)
    assert Span.exactly(cal.seconds(12000), cal.seconds(12001)).to_edtf() is None
    assert Span.exactly(cal.seconds(-12000, 3, 1, 10), cal.seconds(2003)).to_edtf() is None
    # years past the ±10^9 that readers accept
    assert Span.within(*cal.year_range(2 * 10**9)).to_edtf() is None


# --- ISO 8601 ---------------------------------------------------------------------------


@given(SPANS)
def test_iso_writes_only_what_it_reads_back(span: Span) -> None:
    for candidate in (span, attrs.evolve(span, edtf=None, timex=None)):
        try:
            text = candidate.to_iso()
        except ValueError:
            continue
        assert bounds(Span.from_iso(text)) == bounds(candidate), text


@given(bound_spans())
def test_iso_says_every_period_and_exact_span(span: Span) -> None:
    if span.is_exact or (not span.is_open and span.mod is None and span.granularity is not Granularity.UNKNOWN):
        year = cal.civil_from_seconds(span.earliest_start or 0)[0]
        # the last instant an exact span names is its end; a period's is the second before
        last_year = cal.civil_from_seconds((span.latest_end or 0) - (0 if span.is_exact else 1))[0]
        # ISO 8601-1 has no quarters or seasons: past ±9999 EDTF's Y years cannot say them either
        iso_period = span.granularity in (Granularity.YEAR, Granularity.MONTH, Granularity.WEEK, Granularity.DAY)
        if year >= -(10**9) and last_year <= 10**9 and (span.is_exact or iso_period or -9999 <= year <= 9999):
            assert bounds(Span.from_iso(span.to_iso())) == bounds(span)
