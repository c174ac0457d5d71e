"""The document date, read from the text: datelines and date lines.

A news text states its own date in a few conventional places:

- a dateline: place names, maybe the agency, the date, then a dash or the agency
  ("Prague, 18 March 2003 (RFE/RL) --", "WASHINGTON (AP) March 18, 2003 --");
- a line that is a date and maybe a time ("Mar 18, 2003 10:42 AM ET");
- a label ("Published: 18 March 2003", "Posted on March 18, 2003").

``find_document_date`` looks for full dates (day, month and year) with the tagger's own
rules and returns the first that stands in one of these places, as a ``Timex``.
"""

from __future__ import annotations

import re

from timeline.timex.lexicon import Lexicon, english
from timeline.timex.normalize import Context, normalize
from timeline.timex.patterns import context_regex
from timeline.timex.recognize import recognize
from timeline.timex.timex import Timex, timex_span

__all__ = ["find_document_date"]


_DATE_RULES = frozenset({"date_mdy", "date_dmy", "numeric_mdy", "iso"})
_FULL_DATE = re.compile(r"^-?(?:BC)?\d{4}-\d{2}-\d{2}")

_PLACE = r"[A-Z][\w.'’-]{0,30}(?:[ ,/]{1,3}(?:[A-Z][\w.'’-]{0,30}|{place_name_links})){0,5}"
_AGENCY = r"\([^()\n]{1,30}\)"
_prefix = context_regex(rf"^\s{{0,8}}(?:{_PLACE})?\s{{0,3}}(?:{_AGENCY})?\s{{0,3}}[,:\-–—]{{0,2}}\s{{0,3}}$", ignore_case=False)
_prefix_agency = context_regex(rf"^\s{{0,8}}(?:{_PLACE})?\s{{0,3}}{_AGENCY}\s{{0,3}}[,:\-–—]{{0,2}}\s{{0,3}}$", ignore_case=False)
_prefix_label = context_regex(
    r"^\s{0,8}{date_labels}\s{0,3}(?:on|at)?\s{0,3}:?\s{0,3}"
    r"(?:\d{1,2}[:.]\d{2}\s{0,2}(?:[ap]\.?m\.?)?\s{0,2}(?:[a-z]{1,4})?\s{0,2}[,|-]?\s{0,3})?$",
    space=" ",
)
_SUFFIX_DASH = re.compile(rf"^\s{{0,3}}(?:{_AGENCY})?\s{{0,3}}(?:--|—|–|-|:|\|)")
_SUFFIX_END = re.compile(
    r"^\s{0,3}(?:,?\s{0,3}(?:at\s)?\d{1,2}[:.]\d{2}(?:\s{0,2}[AaPp]\.?[Mm]\.?)?(?:\s{0,2}\(?[A-Z]{1,5}\)?)?)?\s{0,3}(?:\|.*)?$"
)


def find_document_date(text: str, lexicon: Lexicon | None = None) -> Timex | None:
    """The date of a document as its dateline (or a date line) gives it, or None.

    >>> find_document_date("Prague, 18 March 2003 (RFE/RL) -- Moscow said ...").value
    '2003-03-18'
    """
    if not isinstance(text, str):
        raise TypeError(f"find_document_date() needs a str, got {type(text).__name__}")
    lex = lexicon if lexicon is not None else english()
    ctx = Context(text=text, dct=None, lex=lex)
    for cand in recognize(text, lex):
        if cand.rule.name not in _DATE_RULES:
            continue
        reading = normalize(cand, ctx)
        if reading is None or not _FULL_DATE.match(reading.value):
            continue
        line_start = text.rfind("\n", 0, cand.start) + 1
        line_end = text.find("\n", cand.end)
        if line_end < 0:
            line_end = len(text)
        prefix = text[line_start : cand.start]
        suffix = text[cand.end : line_end]
        if len(prefix) > 80:
            continue
        dateline = (
            (_prefix(lex).match(prefix) and (_SUFFIX_DASH.match(suffix) or _SUFFIX_END.match(suffix)))
            or _prefix_agency(lex).match(prefix)
            or (_prefix_label(lex).match(prefix) and len(suffix) < 60)
        )
        if dateline:
            value = reading.value
            return Timex(cand.start, cand.end, text[cand.start : cand.end], reading.type, value, None, timex_span(value, reading.type, None, None))
    return None
