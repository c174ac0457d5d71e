"""The public face of the temporal tagger: the ``Tagger`` class, its default instance and ``tag()``.

Stages, top to bottom (each its own module):

1. ``lexicon``   the word tables and rules (``Lexicon``, an instance the tagger is given);
2. ``patterns``  regular expressions compiled from that lexicon;
3. ``recognize`` candidates with offsets, the longest winning, none overlapping;
4. ``anchor``    the document date, the tense of a clause;
5. ``normalize`` a TIMEX3 type, value and mod for each candidate (one module per family);
6. ``attach``    modifiers in front ("early", "more than"), "or so", neighbours merged;
7. here: the last date mentioned carried along, and a ``Timex`` with its ``Span`` for each.

Each candidate is normalized once, while the candidates compete for the text (a candidate that
is not a time leaves its words to shorter ones). A reading that looked at the story so far
(the last date mentioned, the quarter discussed) is read again in text order, when that story
is known; the others are kept as they were read.
"""

from __future__ import annotations

import functools
from typing import Literal, get_args

from timeline import calendar as cal
from timeline.span import Granularity, Span
from timeline.timex.anchor import DAY, DECADE, FUTURE, MONTH, YEAR, Point, parse_dct
from timeline.timex.attach import Found, merge_neighbours, place
from timeline.timex.dateline import find_document_date
from timeline.timex.lexicon import Lexicon, english
from timeline.timex.normalize import Context, Reading, normalize
from timeline.timex.normalize.guards import quoted_title
from timeline.timex.ranges import TimexRange, find_ranges
from timeline.timex.recognize import Candidate, recognize
from timeline.timex.timex import Timex, timex_span, widened_by_years

Mode = Literal["news", "narrative"]
MODES: tuple[Mode, ...] = get_args(Mode)


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"tag() needs a str, got {type(text).__name__} {text!r:.60}")
    return text


class Tagger:
    """A temporal tagger over one lexicon (``english()`` unless given): ``Tagger(lex).tag(text)``.

    ``circa_years``: how far an approximate year ("c. 1790", "circa 1790", "about 1790") may lie
    from the year named, each way (default 1: 1789 to 1791). ``circa_round_years``: when set,
    the width for an approximate decade or round year ("c. 1800", "around the 1790s"), which
    historians use for looser dates (5: 1795 to 1805); by default those widen by one unit too
    (a decade by ten years). The TIMEX3 value and mod stay as TimeML writes them; only
    ``Timex.span`` changes.
    """

    def __init__(self, lexicon: Lexicon | None = None, *, circa_years: int = 1, circa_round_years: int | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else english()
        for name, value in (("circa_years", circa_years), ("circa_round_years", circa_round_years)):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1000):
                raise ValueError(f"{name}={value!r} is not a number of years from 0 to 1000")
        self.circa_years = circa_years
        self.circa_round_years = circa_round_years

    def tag(self, text: str, dct: object = None, *, mode: Mode = "news") -> list[Timex]:
        """Every temporal expression of ``text``, normalized to TIMEX3 against the document date.

        ``dct`` is the document creation time, as ``parse_document_date`` reads it ("2003-03-18",
        "20030318", "2003-03", a ``date``/``datetime`` or a ``Span``); when None it is read from a
        dateline in the text (``find_document_date``), and when there is none, relative
        expressions keep underspecified values ("XXXX-WXX"). ``mode="narrative"`` resolves
        underspecified expressions against the last date mentioned (histories). The result is
        sorted by start and never overlaps. Raises ``TypeError`` for a non-string text and
        ``ValueError`` naming a ``dct`` that cannot be read.
        """
        _check_text(text)
        if mode not in MODES:
            raise ValueError(f"mode {mode!r} is not a tagging mode: expected 'news' or 'narrative'")
        anchor = parse_dct(dct)
        if not text:
            return []
        if anchor is None:
            found_date = find_document_date(text, self.lexicon)
            if found_date is not None:
                anchor = parse_dct(found_date.value[:10])
        found = self._read(text, anchor, narrative=mode == "narrative")
        return [self._timex(text, item, anchor) for item in merge_neighbours(text, found, self.lexicon)]

    def tag_ranges(self, text: str, dct: object = None, *, mode: Mode = "news") -> list[TimexRange]:
        """The ranges of ``text`` ("from 1618 to 1648", "between 1995 and 1999", "7-9 June"): pairs
        of the timexes ``tag`` gives, each with the span from the first to the second."""
        return find_ranges(text, self.tag(text, dct, mode=mode), self.lexicon)

    def _read(self, text: str, dct: Point | None, *, narrative: bool) -> list[Found]:
        lex = self.lexicon
        ctx = Context(text=text, dct=dct, lex=lex, narrative=narrative, ref=dct)  # while choosing: the document date
        first: dict[int, tuple[Reading, bool]] = {}

        def is_a_time(cand: Candidate) -> bool:
            ctx.story_read = False
            reading = normalize(cand, ctx)
            if reading is not None:
                first[id(cand)] = (reading, ctx.story_read)
            return reading is not None

        chosen = recognize(text, lex, is_a_time)
        asides = _asides([first[id(c)][0] for c in chosen]) if narrative else set()
        ctx.ref = None  # in text order: the last date mentioned, none yet
        found: list[Found] = []
        floor = 0
        for index, cand in enumerate(chosen):
            reading: Reading | None
            reading, told = first[id(cand)]
            if told:  # it looked at the story: read it again now that the story so far is known
                reading = normalize(cand, ctx)
            if reading is None or quoted_title(text, cand.start, cand.end):
                continue
            found.append(place(text, cand.start, cand.end, floor, reading, lex, narrative=narrative))
            floor = cand.end
            if index in asides:  # a date the story steps out to and back from: not the story's date
                continue
            if reading.point is not None and (narrative or not reading.anchored) and reading.value[:1] in "0123456789B":
                ctx.ref = reading.point
                if reading.point.gran in (DAY, MONTH):
                    ctx.month_ref = reading.point
                if reading.point.gran == "Q" and not _forecast(reading.point, cand, ctx):
                    ctx.quarter, ctx.quarter_at = reading.point, cand.end
        return found

    def _timex(self, text: str, item: Found, dct: Point | None) -> Timex:
        r = item.reading
        span = timex_span(r.value, r.type, r.mod, dct)
        if r.years is not None:
            span = Span.within(cal.seconds(r.years[0]), cal.seconds(r.years[1]), Granularity.YEAR, timex=r.value, mod=r.mod)
        if span is not None and r.mod == "APPROX" and r.point is not None and r.point.gran in (YEAR, DECADE):
            round_ = r.point.gran == DECADE or r.point.year % 10 == 0
            if round_ and self.circa_round_years is not None:
                span = widened_by_years(span, self.circa_round_years)
            elif r.point.gran == YEAR:
                span = widened_by_years(span, self.circa_years)
        return Timex(item.start, item.end, text[item.start : item.end], r.type, r.value, r.mod, span, r.anchor_value)


def _forecast(quarter: Point, cand: Candidate, ctx: Context) -> bool:
    """A quarter not ended by the document date, named in a clause about the future ("will report
    losses through the third quarter of 1990"): a forecast, with no results a report compares."""
    dct = ctx.dct
    if dct is None or ctx.narrative or dct.gran != DAY:
        return False
    ends = quarter.shift("Q", 1)
    return ends is not None and ends.days > dct.days and ctx.tense(cand) == FUTURE


def _asides(readings: list[Reading]) -> set[int]:
    """The indices of the dates a narrative steps out to and back from: a date whose year the
    text gives ("the largest cavalry battle since 1813") that lies on the same side of the dates
    with a year before and after it, which are nearer to each other than to it (counted in
    months, a year at its middle). Such a date stays a date, but the expressions after it
    without a year keep the story's year."""
    months = [(i, _month_index(r.point)) for i, r in enumerate(readings) if r.absolute and r.point is not None]
    out = set()
    for (_, before), (i, month), (_, after) in zip(months, months[1:], months[2:], strict=False):
        back, ahead = month - before, month - after
        if back * ahead > 0 and abs(before - after) < min(abs(back), abs(ahead)):
            out.add(i)
    return out


def _month_index(point: Point) -> int:
    """The months from year 0 to the point's month (to the middle of a year with no month)."""
    return point.year * 12 + (point.month - 1 if point.month else 6)


@functools.cache
def default_tagger() -> Tagger:
    """The English tagger (built once)."""
    return Tagger()


def tag(text: str, dct: object = None, *, mode: Mode = "news") -> list[Timex]:
    """``default_tagger().tag(text, dct, mode=mode)``: see ``Tagger.tag``."""
    return default_tagger().tag(text, dct, mode=mode)


def tag_ranges(text: str, dct: object = None, *, mode: Mode = "news") -> list[TimexRange]:
    """``default_tagger().tag_ranges(text, dct, mode=mode)``: see ``Tagger.tag_ranges``.

    >>> [(r.first.value, r.last.value) for r in tag_ranges("The war lasted from 1618 to 1648.")]
    [('1618', '1648')]
    """
    return default_tagger().tag_ranges(text, dct, mode=mode)


__all__ = ["MODES", "Mode", "Tagger", "Timex", "TimexRange", "default_tagger", "find_document_date", "tag", "tag_ranges"]
