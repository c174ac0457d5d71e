"""TIMEX3 recognition and normalization: ``tag()``, ``tag_ranges()``, ``Tagger``, ``Timex``,
``parse_document_date()`` and ``find_document_date()``.

Stages, each its own module, read top to bottom: ``lexicon`` (the word tables, a ``Lexicon``
instance), ``patterns`` (regular expressions compiled from a lexicon), ``recognize``
(candidates with offsets), ``anchor`` (points, the document date, tense), ``normalize`` (a
package: type, value and mod, one module per family), ``attach`` (modifiers and neighbours),
``timex`` and ``ranges`` (the output), ``tagger`` (``Tagger`` and ``tag``); beside them
``document_date`` (the one reader of a given document date) and ``dateline`` (the date a text
states).
"""

from timeline.timex.dateline import find_document_date
from timeline.timex.document_date import DocumentDate, parse_document_date
from timeline.timex.lexicon import Lexicon
from timeline.timex.ranges import TimexRange
from timeline.timex.tagger import Tagger, default_tagger, tag, tag_ranges
from timeline.timex.timex import Timex

__all__ = ["DocumentDate", "Lexicon", "Tagger", "Timex", "TimexRange", "default_tagger", "find_document_date", "parse_document_date", "tag", "tag_ranges"]
