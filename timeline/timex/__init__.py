"""TIMEX3 recognition and normalization: ``tag()``, ``Timex`` and ``find_document_date()``.

Stages, each its own module: ``lexicon`` (word tables from ``data/``), ``patterns`` (regular
expressions built from them), ``recognize`` (candidates with offsets), ``anchor`` (document
date, last date, tense), ``normalize`` (type, value, mod), ``dateline`` (the document date
read from the text) and ``tagger`` (the public ``tag``).
"""

from timeline.timex.dateline import find_document_date
from timeline.timex.document_date import DocumentDate, parse_document_date
from timeline.timex.lexicon import Lexicon
from timeline.timex.ranges import TimexRange
from timeline.timex.tagger import Tagger, default_tagger, tag, tag_ranges
from timeline.timex.timex import Timex

__all__ = ["DocumentDate", "Lexicon", "Tagger", "Timex", "TimexRange", "default_tagger", "find_document_date", "parse_document_date", "tag", "tag_ranges"]
