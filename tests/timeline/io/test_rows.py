"""Flat rows as pandas, CSV and Parquet (``timeline.io.rows``), and Timeline writers' tables."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from timeline import Item, Span, Timeline
from timeline.convert import Column
from timeline.io.rows import csv_text, read_csv_rows


def awkward_items(n: int, seed: int = 7) -> list[Item]:
    rng = random.Random(seed)
    texts = ["", " ", None, "a,b", 'q"uote', "line\nbreak", "cr\rx", "ü"]
    return [
        Item(f"i{k}", Span.from_timex3(rng.choice(["2003", "BC0044", "12003-W02", "2003-SU"])), label=rng.choice([t for t in texts if t is not None]),
             kind=rng.choice(texts), status=rng.choice(texts), doc=rng.choice(texts))
        for k in range(n)
    ]  # fmt: skip


def test_pandas_keeps_empty_strings_apart_from_missing() -> None:
    tl = Timeline(awkward_items(600))
    back = Timeline.from_pandas(tl.to_pandas())
    differences = sum(a != b for a, b in zip(back, tl, strict=True))
    assert differences == 0  # 414 of 600 before: "" came back as None


def test_csv_keeps_empty_strings_line_breaks_and_quotes(tmp_path: Path) -> None:
    tl = Timeline(awkward_items(200))
    tl.to_csv(tmp_path / "t.csv")
    assert list(Timeline.from_csv(tmp_path / "t.csv")) == list(tl)


def test_csv_cells() -> None:
    columns = (Column("class", "text"), Column("id", "text"), Column("earliest_start", "bound"), Column("latest_end", "bound"), Column("granularity", "text"), Column("n", "list"))
    text = csv_text(columns, [{"class": "c", "id": "", "earliest_start": 0, "latest_end": None, "granularity": None, "n": ["a", 'b"']}])
    assert text.splitlines()[1] == '"c","","1970-01-01T00:00:00",,,"[""a"", ""b\\""""]"'


def test_a_csv_of_other_columns_is_not_rows(tmp_path: Path) -> None:
    (tmp_path / "mine.csv").write_text("id,start\na,2003\n", encoding="utf-8")
    assert read_csv_rows(tmp_path / "mine.csv") is None
    assert Timeline.read(tmp_path / "mine.csv")["a"].time.latest_end == Span.from_timex3("2003").latest_end


def test_a_broken_csv_names_the_record(tmp_path: Path) -> None:
    tl = Timeline([Item("a", Span.from_timex3("2003")), Item("b", Span.from_timex3("2004"))])
    tl.to_csv(tmp_path / "t.csv")
    lines = (tmp_path / "t.csv").read_bytes().decode("utf-8").split("\r\n")
    (tmp_path / "t.csv").write_text("\r\n".join([lines[0], lines[1] + ',"extra"']), encoding="utf-8", newline="")
    with pytest.raises(ValueError, match="record 2"):
        Timeline.read(tmp_path / "t.csv")
