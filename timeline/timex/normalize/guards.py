"""Guards: words that look like a time and are not ("1,500 troops", "the March to the Sea",
"Theresa May", "the Sunday Times", a title in quotation marks). Each says yes or no; a handler
whose guard says no returns None, the only non-answer of normalization."""

from __future__ import annotations

import functools
import re

from timeline.timex.lexicon import Lexicon
from timeline.timex.normalize.context import Context
from timeline.timex.patterns import context_regex
from timeline.timex.recognize import Candidate

__all__ = [
    "looks_like_quantity",
    "month_modifier_after",
    "name_of_event",
    "not_a_month_before",
    "part_of_a_name",
    "quoted_title",
]


_quantity_after = context_regex(r"\s{0,2}(?:%|{quantity_nouns}|[-‐]?{quantity_compounds})(?![\w])", space=" ")


_quantity_before = context_regex(r"(?:\b{quantity_before}|#|[+±×*/=<>])\s{0,2}$", space=" ")


def looks_like_quantity(cand: Candidate, year_start: int, year_end: int, lex: Lexicon) -> bool:
    text = cand.match.string
    after = text[year_end : year_end + 24]
    if _quantity_after(lex).match(after):
        return True
    before = text[max(0, year_start - 16) : year_start]
    return bool(_quantity_before(lex).search(before))


# "the March to the Sea", "Women's March on Versailles", "the March for Life": a month name that is not a month.
not_a_month_before = context_regex(r"(?:\b{not_a_month_before}|'s)\s{1,3}$")


_not_a_month_after = context_regex(r"\s{1,3}(?:{event_prepositions}\s{1,3}(?:{the_words}\s|[A-Z])|{name_prepositions}\s{1,3}(?:{the_words}\s{1,3})?[A-Z][a-z])", ignore_case=False)


# "the October slaying", "a June agreement": a month name before a lower-case noun modifies it, a month
@functools.cache
def month_modifier_after(lex: Lexicon) -> re.Pattern[str]:
    stop = "|".join(map(re.escape, lex.not_month_modifiers))
    return re.compile(rf"\s{{1,3}}(?!(?:{stop})\b)[a-z]{{3,}}\b(?!-)")


_modal_may = context_regex(r"{modal_months}\s{1,3}{may_subjects}\b", ignore_case=False)


_SENTENCE_START = re.compile(r"(?:^|[.!?:\"'`“‘]\s{0,3}|\n\s{0,3})$")


_next_word = context_regex(r"\s{1,3}{month_range_links}\s{1,3}([A-Z][a-z]+\.?)", ignore_case=False)


_month_preposition = context_regex(r"\b{month_prepositions}\s{1,3}$")


_name_before_month = context_regex(r"(?:\b(?!(?i:{month_prepositions}|{month_words_before}|{not_a_month_before})\b)[A-Z][a-z]+|\b{courtesy_titles})\s{1,3}$", ignore_case=False)


def name_of_event(cand: Candidate, ctx: Context) -> bool:
    """ "the March to the Sea", "the March for Life", "May I", "Theresa May"; but "from March to May", "in March for the vote" are months."""
    text = ctx.text
    if _modal_may(ctx.lex).match(text, cand.start, cand.end + 8) and _SENTENCE_START.search(text, max(0, cand.start - 4), cand.start):
        return True  # "May I ask?", "May God bless": a wish or a question, at the start of a sentence
    if _name_before_month(ctx.lex).search(text, max(0, cand.start - 20), cand.start):
        return True  # "Theresa May", "Mrs. May", a title's "Dad May Come": a surname or a modal
    after = _not_a_month_after(ctx.lex).match(text, cand.end, cand.end + 24)
    if after is None:
        return False
    if _month_preposition(ctx.lex).search(text, max(0, cand.start - 12), cand.start):
        return False
    following = _next_word(ctx.lex).match(text, cand.end, cand.end + 24)  # "March to May": a range of months
    return not (following is not None and following.group(1).lower().rstrip(".") in ctx.lex.months)


_weekday_name_after = context_regex(r"\s{1,2}{weekday_name_after}\b(?!\s{1,2}[A-Z])", ignore_case=False)  # not "Sunday Times Square"


_weekday_name_before = context_regex(r"\b{weekday_name_before}\s{1,2}$", ignore_case=False)


def part_of_a_name(cand: Candidate, ctx: Context) -> bool:
    """ "the Sunday Times", "the Mail on Sunday": a weekday in a newspaper's or a show's name."""
    text = ctx.text
    return bool(_weekday_name_after(ctx.lex).match(text, cand.end, cand.end + 24) or _weekday_name_before(ctx.lex).search(text, max(0, cand.start - 20), cand.start))


_OPEN_QUOTE = re.compile(r"(?:``|''|[\"“‘])(?:[A-Z][a-z]+ )?$")
_CLOSE_QUOTE = re.compile(r"(?: [A-Z][a-z]*){0,4}[.,!?]?(?:''|[\"”’])")  # "This Week With David Brinkley"
_TITLE_CASE = re.compile(r"[0-9]+(?:[ -][A-Z][a-z]*)+")  # "60 Minutes"


def quoted_title(text: str, start: int, end: int) -> bool:
    """A capitalized expression that fills a quotation, alone or with more capitalized words: a title
    ("This Week", ``High Noon'', ''60 Minutes'', "This Week With David Brinkley")."""
    return (
        (text[start : start + 1].isupper() or _TITLE_CASE.fullmatch(text, start, end) is not None)
        and _OPEN_QUOTE.search(text, max(0, start - 16), start) is not None
        and _CLOSE_QUOTE.match(text, end) is not None
    )
