"""Lanes that the legend empties are hidden: the Vega expressions that close them up.

Clicking a legend entry keeps only the marks of that colour; a lane left with none of them
takes no room. Each drawn row knows its lane number (``li``); two parameters follow the legend's
selection: ``hidden_N``, the rows each lane gives up (all of its rows when none of its colours
is chosen, else 0), and ``shift_N``, how many rows above a lane are given up. A mark's y is its
row less the shift of its lane; the y domain ends that many rows sooner; the lane names on the
axis move with their lanes and hidden lanes lose theirs.

Names in expressions are written with a leading space that ``slice`` drops: Vega's expression
compiler looks string literals up on a plain object, so a bare "constructor" would be taken
for one of its properties.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import altair as alt
import attrs

__all__ = ["HIDDEN_PARAM", "NO_LANE", "SHIFT_PARAM", "LaneHiding"]

HIDDEN_PARAM = "hidden"
SHIFT_PARAM = "shift"
NO_LANE = -1.4  # an axis value that names no lane (the top of the y domain)


def _literal(text: str) -> str:
    return f"slice({json.dumps(' ' + text, ensure_ascii=True)}, 1)"


@attrs.frozen
class LaneHiding:
    """The expressions that hide the lanes the legend selection ``kinds`` (a point selection on
    ``field``) empties. ``active`` is False for one lane, or when nothing is drawn one by one:
    then every expression is the plain row."""

    kinds: str
    number: int
    lane_colors: tuple[tuple[str, ...], ...]
    first_rows: tuple[int, ...]
    n_rows: int
    field: str = "color"

    @property
    def active(self) -> bool:
        return len(self.lane_colors) > 1 and any(self.lane_colors)

    @property
    def hidden(self) -> str:
        return f"{HIDDEN_PARAM}_{self.number}"

    @property
    def shift(self) -> str:
        return f"{SHIFT_PARAM}_{self.number}"

    def _heights(self) -> list[int]:
        ends = [*self.first_rows[1:], self.n_rows]
        return [end - first for first, end in zip(self.first_rows, ends, strict=True)]

    def params(self) -> list[Any]:
        """The two parameters (add them to the chart that holds the legend selection)."""
        if not self.active:
            return []
        chosen = f"{self.kinds}[{json.dumps(self.field)}]"
        some = f"(isObject({self.kinds}) && isArray({chosen}) && length({chosen}) > 0)"
        terms = []
        for colours, height in zip(self.lane_colors, self._heights(), strict=True):
            if not colours:
                terms.append("0")
                continue
            kept = " || ".join(f"indexof({chosen}, {_literal(c)}) >= 0" for c in colours)
            terms.append(f"({some} && !({kept}) ? {height} : 0)")
        shifts = ["0"]
        for lane in range(1, len(terms)):
            shifts.append(f"{shifts[-1] if lane > 1 else ''}{' + ' if lane > 1 else ''}{self.hidden}[{lane - 1}]")
        return [
            alt.param(name=self.hidden, expr="[" + ", ".join(terms) + "]"),
            alt.param(name=self.shift, expr="[" + ", ".join(shifts) + "]"),
        ]

    def row(self, offset: float = 0.0, field: str = "row") -> str:
        """A datum's y: its row (``field``) less the shift of its lane, plus ``offset``."""
        plus = f" + {offset!r}" if offset > 0 else (f" - {-offset!r}" if offset < 0 else "")
        if not self.active:
            return f"datum.{field}{plus}"
        return f"datum.{field} - {self.shift}[datum.li]{plus}"

    def domain_end(self, pad: float) -> str:
        """The end of the y domain: the rows still shown, plus ``pad``."""
        if not self.active:
            return repr(self.n_rows + pad)
        last = len(self.first_rows) - 1
        return f"{self.n_rows + pad!r} - {self.shift}[{last}] - {self.hidden}[{last}]"

    def axis_values(self) -> list[int] | alt.ExprRef:
        """The y axis values: each shown lane's first row; ``NO_LANE`` for a hidden one."""
        if not self.active:
            return list(self.first_rows)
        values = [f"({self.hidden}[{i}] > 0 ? {NO_LANE!r} : {first} - {self.shift}[{i}])" for i, first in enumerate(self.first_rows)]
        return alt.ExprRef(expr="[" + ", ".join(values) + "]")

    def label_expr(self, lanes: Sequence[str]) -> str:
        """The y axis label expression: the name of the lane whose (shifted) first row it is."""
        names = json.dumps([" " + lane for lane in lanes], ensure_ascii=True)
        if not self.active:
            return f"slice({names}[indexof({json.dumps(list(self.first_rows))}, datum.value)] || ' ', 1)"
        at = f"indexof({self.axis_values().expr}, datum.value)"  # type: ignore[union-attr]
        return f"datum.value === {NO_LANE!r} ? '' : slice({names}[{at}] || ' ', 1)"

    def rule_opacity(self) -> str:
        """A lane's top rule is drawn while the lane is shown and some lane above it is."""
        if not self.active:
            return "1"
        return f"{self.hidden}[datum.li] > 0 || {self.shift}[datum.li] >= datum.first ? 0 : 1"
