"""``Lexicon``: an instance the tagger is given, never a changed global."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from timeline import Tagger, tag
from timeline.timex import Lexicon
from timeline.timex.lexicon import english


def _copy_data(tmp_path: Path) -> Path:
    source = resources.files("timeline.timex").joinpath("data")
    for name in ("lexicon.json", "rules.json", "tense.json", "holidays.json"):
        shutil.copyfile(str(source.joinpath(name)), tmp_path / name)
    return tmp_path


def _edit(folder: Path, change: dict[str, object]) -> None:
    path = folder / "lexicon.json"
    words = json.loads(path.read_text(encoding="utf-8"))
    for key, value in change.items():
        table, _, entry = key.partition("/")
        if value is None:
            del words[table][entry]
        else:
            words[table][entry] = value
    path.write_text(json.dumps(words), encoding="utf-8")


def test_a_lexicon_loaded_from_a_folder_tags_like_the_packaged_one(tmp_path: Path) -> None:
    text = "Putin will visit next month; talks ended on 5 March 2003."
    assert Tagger(Lexicon.load(_copy_data(tmp_path))).tag(text, dct="2003-03-18") == tag(text, dct="2003-03-18")


def test_a_changed_lexicon_changes_only_its_own_tagger(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    _edit(folder, {"months/janv": 1})
    text = "He came on 5 Janv 2003."
    custom = Tagger(Lexicon.load(folder)).tag(text, dct="2003-03-18")
    assert [(t.text, t.value) for t in custom] == [("5 Janv 2003", "2003-01-05")]
    assert [(t.text, t.value) for t in tag(text, dct="2003-03-18")] == [("2003", "2003")]
    assert "janv" not in english().months


def test_an_error_in_the_rules_propagates_instead_of_passing_for_no_time(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    _edit(folder, {"context_words/approximations_any": None})
    with pytest.raises(KeyError, match="approximations_any"):
        Tagger(Lexicon.load(folder)).tag("Prices fell about 1990.", dct="2003-03-18")
