"""Every English word sits in the data files: the normalization handlers and the attachment stage
hold no word of the language as a literal (issue 15). The words they compare a matched word
with are ``Lexicon.value_words``; the words of their context regexes are ``context_words``,
filled into ``{name}`` templates.

The scan reads the source (ast) and flags every string literal that holds a word (two letters
or more, or a Capitalized word) once the regex syntax, the ``{name}`` placeholders and TIMEX3
codes ("PAST_REF", "XXXX-WXX", "TNI") are set aside, except where a string names a thing of the
code rather than a word of the text: a regex group or a table key (``cand.group("unit")``,
``lex.context_words["every_words"]``, ``"easter" in rule``), a handler name, ``__all__``, a
docstring, a rule's name and a reading's ``partial`` (what a neighbour may complete).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import timeline.timex

TIMEX = Path(timeline.timex.__file__).parent
SOURCES = [*sorted((TIMEX / "normalize").glob("*.py")), TIMEX / "attach.py"]

_REGEX_SYNTAX = re.compile(
    r"\{[a-z_]+\}"  # a context_words placeholder
    r"|\{\d*,?\d*\}"  # a quantifier
    r"|\\[A-Za-z]"  # \s \b \w \d ...
    r"|\(\?P<[A-Za-z_0-9]+>"  # a named group
    r"|\(\?[-imsx]*:|\(\?[=!<]{1,2}"  # flags and lookarounds
    r"|\[[^\]]*\]"  # a character class
)
_WORD = re.compile(r"[a-z]{2,}|[A-Z][a-z]+")
_KEY_CALLS = frozenset({"group", "g", "start", "end", "span", "get", "pop", "setdefault"})  # a group name or a table key
_CODE_FIELDS = frozenset({"partial", "name", "handler"})  # a reading's partial, a rule's name


def words_in(text: str) -> list[str]:
    """The words of a literal once its regex syntax and placeholders are set aside."""
    return _WORD.findall(_REGEX_SYNTAX.sub(" ", text))


def _allowed(tree: ast.AST) -> set[int]:
    """The ids of the string constants that name things of the code."""
    allowed: set[int] = set()

    def add(node: ast.AST | None) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            allowed.add(id(node))
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            for elt in node.elts:
                add(elt)
        elif isinstance(node, ast.IfExp):
            add(node.body)
            add(node.orelse)

    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body and isinstance(node.body[0], ast.Expr):
            add(node.body[0].value)  # a docstring
        elif isinstance(node, ast.Subscript):
            add(node.slice)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in _KEY_CALLS and node.args:
                add(node.args[0])
            for kw in node.keywords:
                if kw.arg in _CODE_FIELDS:
                    add(kw.value)
        elif isinstance(node, ast.Compare):
            if isinstance(node.ops[0], (ast.In, ast.NotIn)):
                add(node.left)  # "easter" in rule: a key of a table
            sides = [node.left, *node.comparators]
            if any(isinstance(side, ast.Attribute) and side.attr in _CODE_FIELDS for side in sides):
                for side in sides:
                    add(side)
        elif isinstance(node, ast.Assign):
            targets = node.targets
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                add(node.value)
            if any(isinstance(t, ast.Attribute) and t.attr in _CODE_FIELDS for t in targets):
                add(node.value)
            if any(isinstance(t, ast.Name) and t.id == "HANDLERS" for t in targets) and isinstance(node.value, ast.Dict):
                for key in node.value.keys:
                    add(key)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "HANDLERS" and isinstance(node.value, ast.Dict):
            for key in node.value.keys:
                add(key)
    return allowed


def english_literals(source: str) -> list[tuple[int, str]]:
    """(line, literal) of each string literal in the source that holds a word of the language."""
    tree = ast.parse(source)
    allowed = _allowed(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in allowed and words_in(node.value):
            found.append((node.lineno, node.col_offset, node.value))
    return [(line, text) for line, _, text in sorted(found)]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_english_word_in_the_code(path: Path) -> None:
    assert english_literals(path.read_text(encoding="utf-8")) == []


def test_the_scan_finds_words() -> None:
    source = '''
def f(cand, ctx):
    det = lookup_key(cand.group("det"))
    if det in ("the", "that") and ctx.lex.context_words["every_words"]:
        return unknown("PAST_REF")
    if det == "Monday":
        return unknown("XXXX-WXX-1", "SET")
    pattern = re.compile(r"\\s{1,3}of\\s{1,3}(?:[A-Z]|{the_words}\\s)")
    return dated(point, partial="month") if word.endswith("ly") else None
'''
    assert [text for _, text in english_literals(source)] == ["the", "that", "Monday", r"\s{1,3}of\s{1,3}(?:[A-Z]|{the_words}\s)", "ly"]


def test_regex_syntax_codes_and_placeholders_are_no_words() -> None:
    assert words_in(r"(?:\b{not_a_month_before}|'s)\s{1,3}$") == []
    assert words_in(r"(?P<back>{day_before})\b(?!\s{1,2}[A-Z])") == []
    assert words_in("XXXX-XX-XXTNI") == []
    assert words_in("P1Y") == []
    assert words_in(r"\s{1,3}of\s{1,3}") == ["of"]
    assert words_in(r"\bM(?:rs?|s)\.") == ["rs"]
    assert words_in("May") == ["May"]
