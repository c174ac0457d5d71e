"""The report proper: page furniture before it and the author's biography after it left out.

A saved web page starts with navigation ("Accessibility links", "Breaking News") and a
headline, and may end with a credit line ("... contributed to this report.") followed by the
author's biography. The body starts at the first line that reads as a paragraph and ends before
the first line with an end marker (or at a biography). The tables are in ``lexicon.json``.
"""

from __future__ import annotations

import re

from events.text.lexicon import lexicon

__all__ = ["body_span"]

_LINE = re.compile(r"[^\n]*\n?")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")


def _is_furniture(line: str) -> bool:
    stripped = line.strip().strip("•*·|").strip()
    if not stripped:
        return True
    if stripped.lower().rstrip(".:!") in lexicon().furniture_lines:
        return True
    tokens = _WORD.findall(stripped)
    if len(tokens) > 30 or not tokens:
        return not tokens
    if stripped.endswith((".", '."', ".”", ".)")) and (len(tokens) >= 3 or stripped[:1].isupper()):
        return False
    caps = sum(1 for t in tokens if t[:1].isupper() or t[:1].isdigit())
    headline = caps / len(tokens) >= 0.5
    return headline or len(tokens) < 6


def body_span(text: str) -> tuple[int, int]:
    """(start, end) of the report proper in ``text``; the whole text when nothing is left out."""
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    start = 0
    for offset, line in lines:
        if not _is_furniture(line):
            start = offset + (len(line) - len(line.lstrip()))
            break
    else:
        return _trim(text, 0, len(text))
    end = len(text)
    markers = [m.lower() for m in lexicon().end_markers]
    for offset, line in lines:
        if offset < start:
            continue
        low = line.lower()
        if any(marker in low for marker in markers):
            # a credit line closes the report; one inside a paragraph's last sentence ends there
            end = offset if len(line.split()) < 25 else offset + len(line)
            break
    return _trim(text, start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end
