"""What underspecified expressions are resolved against, and which way.

Stage four of the tagger. Three things:

- ``Point``: a date at some granularity (a day, an ISO week, a month, a quarter ...), the
  form in which anchors are held and shifted ("two years ago", "a year earlier");
- ``parse_dct``: the document creation time given to ``tag()``, as ``parse_document_date``
  reads it;
- ``tense_at``: whether the clause around an expression speaks of the past or the future
  (the nearest cue wins: "will meet on Tuesday" against "said on Tuesday"), cues from
  ``data/tense.json``.
"""

from __future__ import annotations

import bisect
import functools
import re

import attrs

from timeline import calendar as cal
from timeline.timex.document_date import parse_document_date, year_text
from timeline.timex.lexicon import Lexicon, english
from timeline.timex.patterns import expand, words

__all__ = [
    "CENTURY",
    "DAY",
    "DECADE",
    "FUTURE",
    "HALF",
    "MONTH",
    "PAST",
    "QUARTER",
    "SEASON",
    "SEASONS",
    "UNKNOWN",
    "WEEK",
    "YEAR",
    "Point",
    "TenseIndex",
    "granularity_order",
    "parse_dct",
    "parse_point",
    "tense_at",
]


# Granularities of a Point, finest first.
DAY, WEEK, MONTH, SEASON, QUARTER, HALF, YEAR, DECADE, CENTURY = "D", "W", "M", "S", "Q", "H", "Y", "DE", "CE"
_ORDER = {DAY: 0, WEEK: 1, MONTH: 2, SEASON: 3, QUARTER: 4, HALF: 5, YEAR: 6, DECADE: 7, CENTURY: 8}
SEASONS = ("SP", "SU", "FA", "WI")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def granularity_order(gran: str) -> int:
    """0 for a day, up to 8 for a century: finer granularities first."""
    return _ORDER[gran]


@attrs.frozen(slots=True)
class Point:
    """A calendar date at a granularity. ``year`` is astronomical (ISO year for weeks)."""

    gran: str
    year: int
    month: int = 0
    day: int = 0
    week: int = 0
    quarter: int = 0
    half: int = 0
    season: str = ""

    @classmethod
    def of_day(cls, year: int, month: int, day: int) -> Point:
        return cls(DAY, year, month, day)

    @classmethod
    def of_days(cls, days: int) -> Point:
        y, m, d = cal.civil_from_days(days)
        return cls(DAY, y, m, d)

    @property
    def days(self) -> int:
        """Day count of the point's day (or of the first day of its period)."""
        if self.gran == DAY:
            return cal.days_from_civil(self.year, self.month, self.day)
        if self.gran == WEEK:
            return cal.iso_week_start(self.year, self.week)
        return cal.days_from_civil(self.year, max(self.month, 1), 1)

    def value(self) -> str:
        """The TIMEX3 value."""
        if self.gran == DECADE:
            return year_text(self.year)[:-1]
        if self.gran == CENTURY:
            return year_text(self.year)[:-2]
        y = year_text(self.year)
        if self.gran == YEAR:
            return y
        if self.gran == MONTH:
            return f"{y}-{self.month:02d}"
        if self.gran == DAY:
            return f"{y}-{self.month:02d}-{self.day:02d}"
        if self.gran == WEEK:
            return f"{y}-W{self.week:02d}"
        if self.gran == QUARTER:
            return f"{y}-Q{self.quarter}"
        if self.gran == HALF:
            return f"{y}-H{self.half}"
        if self.gran == SEASON:
            return f"{y}-{self.season}"
        raise ValueError(f"unknown granularity {self.gran!r}")

    def coarser(self, gran: str) -> Point:
        """This point at a coarser granularity (a day's month, week, quarter, year ...)."""
        if _ORDER.get(gran, 0) <= _ORDER.get(self.gran, 0) and gran != WEEK:
            return self
        if gran == WEEK:
            if self.gran not in (DAY, WEEK):
                return self
            y, w, _ = cal.iso_calendar(self.days)
            return Point(WEEK, y, week=w)
        month = self.month or (3 * self.quarter - 2 if self.quarter else 0) or (6 * self.half - 5 if self.half else 0)
        if self.gran == WEEK:
            y, m, _ = cal.civil_from_days(cal.iso_week_start(self.year, self.week) + 3)
            month, base_year = m, y
        else:
            base_year = self.year
        if gran == MONTH:
            return Point(MONTH, base_year, month or 1)
        if gran == QUARTER:
            return Point(QUARTER, base_year, quarter=(max(month, 1) - 1) // 3 + 1)
        if gran == HALF:
            return Point(HALF, base_year, half=1 if max(month, 1) <= 6 else 2)
        if gran == SEASON:
            m = max(month, 1)
            season = "WI" if m in (12, 1, 2) else "SP" if m <= 5 else "SU" if m <= 8 else "FA"
            return Point(SEASON, base_year - (1 if m <= 2 else 0), season=season)
        return Point(gran, base_year)

    def shift(self, unit: str, n: int) -> Point | None:
        """Moved by ``n`` units (D, W, M, Q, Y, DE, CE, WE): at least as coarse as the unit."""
        if unit == "D":
            if self.gran != DAY:
                return None
            return Point.of_days(self.days + n)
        if unit in ("W", "WE"):
            if self.gran == DAY:
                return Point.of_days(self.days + 7 * n).coarser(WEEK)
            if self.gran == WEEK:
                return Point.of_days(self.days + 7 * n).coarser(WEEK)
            return None
        if unit == "M":
            base = self if self.gran == MONTH else self.coarser(MONTH) if self.gran in (DAY, WEEK) else None
            if base is None:
                return None
            y, m = cal.add_months(base.year, base.month, n)
            return Point(MONTH, y, m)
        if unit == "Q":
            base = self if self.gran == QUARTER else self.coarser(QUARTER) if _ORDER[self.gran] < _ORDER[QUARTER] else None
            if base is None:
                return None
            index = base.year * 4 + base.quarter - 1 + n
            return Point(QUARTER, index // 4, quarter=index % 4 + 1)
        if unit == "Y":
            if self.gran in (QUARTER, HALF):  # "a year earlier" than a quarter: that quarter
                return attrs.evolve(self, year=self.year + n)
            base = self.coarser(YEAR)
            return Point(YEAR, base.year + n)
        if unit == "DE":
            return Point(DECADE, (self.year // 10 + n) * 10)
        if unit == "CE":
            return Point(CENTURY, (self.year // 100 + n) * 100)
        return None


_POINT = re.compile(
    r"^(?P<bc>BC)?(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{1,2})|Q(?P<q>\d)|H(?P<h>\d)|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)


def parse_point(value: str) -> Point | None:
    """The Point of a specific TIMEX3 date value ("2003-03-18", "1989-Q3", "2003-W11"), else None."""
    match = _POINT.match(value)
    if not match:
        return None
    year = int(match["y"])
    if match["bc"]:
        year = 1 - year
    if match["d"]:
        return Point(DAY, year, int(match["m"]), int(match["d"]))
    if match["m"]:
        return Point(MONTH, year, int(match["m"]))
    if match["w"]:
        return Point(WEEK, year, week=int(match["w"]))
    if match["q"]:
        return Point(QUARTER, year, quarter=int(match["q"]))
    if match["h"]:
        return Point(HALF, year, half=int(match["h"]))
    if match["s"]:
        return Point(SEASON, year, season=match["s"])
    return Point(YEAR, year)


def parse_dct(dct: object) -> Point | None:
    """The document date given to ``tag()`` as a Point (None stays None): a day, a month or a
    year, read by ``parse_document_date`` (a ``ValueError`` naming anything else)."""
    if dct is None:
        return None
    date = parse_document_date(dct, what="dct")
    gran = {"day": DAY, "month": MONTH, "year": YEAR}[date.granularity]
    return Point(gran, date.year, date.month, date.day)


# --- tense ---------------------------------------------------------------------------------

PAST, UNKNOWN, FUTURE = -1, 0, 1


@functools.cache
def _sentence_end(lex: Lexicon) -> re.Pattern[str]:
    """A sentence ends at . ! ? ; followed by space and a capital, a digit or a quote; not after
    abbreviations with inner dots ("a.m.", "U.S."), initials, or the words of ``tense.json``'s
    "abbreviations" ("Mr.", "Gen.", "Jan. 14"): one fixed-width look-behind per length."""
    by_length: dict[int, list[str]] = {}
    for word in lex.cues.get("abbreviations", ()):
        by_length.setdefault(len(word), []).append(re.escape(word))
    not_after = "".join(rf"(?<!\b(?:{'|'.join(words)}))" for _, words in sorted(by_length.items()))
    return re.compile(rf"(?<![.][A-Za-z])(?<!\b[A-Z]){not_after}[.!?;]\s{{1,4}}(?=[A-Z0-9\"'“`(])|[;:]\s|\n\s*\n")


_CLOSING = re.compile(r"''|[”)\]]")
_WORD = re.compile(r"[\w'’]+")
# a preposition right before the expression weighs as a cue this far away: a deadline ("by
# February") as a nearby verb; "since March" as the expression's own verb (it is behind us)
_PREPOSITION_DISTANCE = {FUTURE: 25.0, PAST: 0.0}
_LONGEST_CUE = 4  # words


@functools.cache
def _cues(lex: Lexicon) -> tuple[dict[tuple[str, ...], tuple[int, bool]], dict[str, int], tuple[str, ...], str, int]:
    """(phrase -> (PAST/FUTURE/UNKNOWN, weak), preposition -> PAST/FUTURE, future contractions, past suffix, its minimum length).

    UNKNOWN marks phrases that only look like cues ("next to"); weak cues (modals: "could", a
    conditional as often as a future) weigh as if farther away.
    """
    table: dict[tuple[str, ...], tuple[int, bool]] = {}
    for sign, key, weak in ((PAST, "past", False), (FUTURE, "future", False), (FUTURE, "weak_future", True), (UNKNOWN, "neutral", False)):
        for phrase in lex.cues.get(key, ()):
            table[tuple(phrase.lower().split())] = (sign, weak)
    suffix, minimum = lex.past_suffix
    prepositions = dict.fromkeys(lex.cues.get("future_prepositions", ()), FUTURE)
    prepositions.update(dict.fromkeys(lex.cues.get("past_prepositions", ()), PAST))
    return table, prepositions, lex.cues.get("future_contractions", ()), suffix, minimum


@functools.cache
def _scheduled(lex: Lexicon) -> frozenset[tuple[str, ...]]:
    """The verbs of a timetable whose present tense tells what is scheduled ("the two leaders
    meet Monday", "the session opens Friday"): future cues, as phrases of lower-case words."""
    return frozenset(tuple(phrase.lower().split()) for phrase in lex.cues.get("scheduled_present", ()))


@functools.cache
def _copulas(lex: Lexicon) -> re.Pattern[str]:
    """A present copula right before an expression ("the deadline is Friday", "the vote is on
    Friday"): it says when something is to be, so the day to come."""
    return re.compile(r"(?<![\w'’])" + words(lex.cues.get("predicate_copulas", ())) + r"\s{1,3}$", re.IGNORECASE)


@functools.cache
def _clock_before(lex: Lexicon) -> re.Pattern[str]:
    """A clock time that ends right before an expression ("9 a.m. EST Tuesday", "noon Friday")."""
    return re.compile(expand(r"(?:{CLOCK} ?{AMPM}(?: {TZ})?|" + words(lex.clock_words) + r")\s{1,3}$", lex), re.IGNORECASE)


def _adjective(lowered: list[str], i: int, determiners: tuple[str, ...], degree: tuple[str, ...], adverb_endings: tuple[str, ...]) -> bool:
    """ "the increased dividend", "a still unspecified date": a participle after a determiner
    (and a word of degree) is an adjective, not a verb in the past."""
    if i and lowered[i - 1] in determiners:
        return True
    return i >= 2 and lowered[i - 2] in determiners and (lowered[i - 1] in degree or lowered[i - 1].endswith(adverb_endings))


def _cues_in(window: str, lex: Lexicon) -> list[tuple[int, int, int, bool]]:
    """(start, end, sign, weak) of every tense cue in ``window``; weak: a regular past by its suffix."""
    table, _, contractions, suffix, minimum = _cues(lex)
    auxiliary_be = lex.cues.get("auxiliary_be", ())  # a participle after it tells no tense
    determiners = lex.cues.get("adjective_determiners", ())  # a participle after it is an adjective
    degree = lex.cues.get("adjective_degree_words", ())
    adverb_endings = tuple(lex.context_words.get("adverb_endings", ()))
    scheduled = _scheduled(lex)
    not_present = frozenset(lex.cues.get("base_form_markers", ())) | frozenset(determiners)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(window)]
    lowered = [w.lower() for _, _, w in words]
    found: list[tuple[int, int, int, bool]] = []
    for i, (start, end, word) in enumerate(words):
        for n in range(min(_LONGEST_CUE, len(words) - i), 0, -1):
            phrase = tuple(lowered[i : i + n])
            cue = table.get(phrase)
            if cue is None and phrase in scheduled:
                if i and lowered[i - 1] in not_present:
                    break  # "to meet", "did not meet", "the start": no present of a timetable
                cue = (FUTURE, False)  # "the leaders meet Monday": the present of a timetable
            if cue is not None:
                if cue[0] == PAST and i and lowered[i - 1] in auxiliary_be:
                    break  # a participle after "be" ("will be paid", "to be held") tells no tense
                if cue[0] != UNKNOWN:
                    found.append((start, words[i + n - 1][1], cue[0], cue[1]))
                break
        else:
            low = lowered[i]
            if low.endswith(contractions):
                found.append((start, end, FUTURE, False))
            elif low.endswith(suffix) and len(low) >= minimum and word[:1].islower() and not (i and lowered[i - 1] in auxiliary_be) and not _adjective(lowered, i, determiners, degree, adverb_endings):
                found.append((start, end, PAST, True))  # "Red", "United": names, not verbs
    return found


class TenseIndex:
    """The tense cues and sentence ends of one text, found once, so that asking the tense of
    many expressions costs a binary search each (linear in the text overall)."""

    __slots__ = ("_clock", "_copulas", "_cue_ends", "_cue_starts", "_cues", "_prepositions", "_sentence_ends", "_sentence_starts", "text")

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self._prepositions = _cues(lex)[1]
        self._copulas = _copulas(lex)
        self._clock = _clock_before(lex)
        self._cues = _cues_in(text, lex)
        self._cue_starts = [c[0] for c in self._cues]
        self._cue_ends = [c[1] for c in self._cues]
        breaks = [(m.start(), m.end()) for m in _sentence_end(lex).finditer(text)]
        self._sentence_starts = [b[0] for b in breaks]
        self._sentence_ends = [b[1] for b in breaks]

    def tense(self, start: int, end: int, window: int = 160) -> int:
        """PAST, FUTURE or UNKNOWN: the nearest tense cue in the clause around [start, end)."""
        return self.tense_and_distance(start, end, window)[0]

    def tense_and_distance(self, start: int, end: int, window: int = 160) -> tuple[int, float]:
        """The tense with how far its cue is, in weighed characters (inf when there is none)."""
        i = bisect.bisect_right(self._sentence_ends, start) - 1
        lo = max(start - window, self._sentence_ends[i] if i >= 0 else 0)
        j = bisect.bisect_left(self._sentence_starts, end)
        sentence_end = self._sentence_starts[j] if j < len(self._sentence_starts) else len(self.text)
        hi = min(end + window // 2, sentence_end)
        closing = _CLOSING.search(self.text, end, hi)  # a quotation or parenthesis closes the clause
        if closing is not None:
            hi = closing.start()
        best: tuple[float, int] | None = None
        before = self.text[max(lo, start - 20) : start]
        clock = self._clock.search(self.text, max(lo, start - 40), start)
        if clock is not None:  # "until 9 a.m. Tuesday": the preposition governs the clock time and its day
            before = self.text[max(lo, clock.start() - 20) : clock.start()]
        last_words = before.rsplit(None, 1)
        preposition = self._prepositions.get(last_words[-1].lower()) if last_words and before[-1:].isspace() else None
        if preposition is not None:
            best = (_PREPOSITION_DISTANCE[preposition], preposition)
        elif self._copulas.search(before):
            best = (0.0, FUTURE)  # "the deadline is Friday": what a present copula dates is to come
        k = bisect.bisect_right(self._cue_ends, start) - 1  # cues ending before the expression
        while k >= 0 and self._cue_starts[k] >= lo:
            _, cue_end, sign, weak = self._cues[k]
            distance = float(start - cue_end)
            if weak:
                distance = distance * 1.5 + 10
            if best is None or distance <= best[0]:
                best = (distance, sign)
            k -= 1
        k = bisect.bisect_left(self._cue_starts, end)  # cues after it
        while k < len(self._cues) and self._cue_ends[k] <= hi:
            cue_start, _, sign, weak = self._cues[k]
            distance = float(cue_start - end) * 1.5 + 5
            if weak:
                distance = distance * 1.5 + 10
            if best is None or distance < best[0]:
                best = (distance, sign)
            k += 1
        if best is None and hi < sentence_end:
            # nothing near: a sentence that opens with the expression ("In January, a week after
            # ..., a bomb killed ...") has its verb farther on; the first cue up to its end decides
            k = bisect.bisect_left(self._cue_starts, end)
            if k < len(self._cues) and self._cue_ends[k] <= min(sentence_end, end + 3 * window):
                return self._cues[k][2], float(self._cues[k][0] - end)
        return (best[1], best[0]) if best else (UNKNOWN, float("inf"))


def tense_at(text: str, start: int, end: int, window: int = 160, lex: Lexicon | None = None) -> int:
    """PAST, FUTURE or UNKNOWN: the nearest tense cue in the clause around [start, end) (cues of
    ``lex``, English by default)."""
    return TenseIndex(text, lex or english()).tense(start, end, window)
