"""``Reader`` and ``events.read``: any spaCy Language, batches, pickling with the kinds, bad
input, warnings, modes, and evidence offsets that slice the text exactly."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

import events
from events.text import parse

NEWS = ("Russian Foreign Minister Igor Ivanov visited Dushanbe on Monday. Dr. Slepian was shot in his home "
        "in Amherst on Friday. Police arrested 12 protesters in Kampala.")  # fmt: skip


def test_read_many_equals_read_one_by_one() -> None:
    reader = events.Reader()
    texts = [NEWS, "", "Japan apologized to South Korea."]
    many = list(reader.read_many(texts, ["2003-03-19", None, "2015-08-14"]))
    one = [reader.read(t, d) for t, d in zip(texts, ["2003-03-19", None, "2015-08-14"], strict=True)]
    assert [d.events for d in many] == [d.events for d in one]
    assert many[0].events


def test_a_language_of_ones_own_is_used() -> None:
    nlp = parse.load_model()
    reader = events.Reader(nlp=nlp)
    assert reader.nlp is nlp
    assert events.read(NEWS, dct="2003-03-19", nlp=nlp).events == events.read(NEWS, dct="2003-03-19").events


def test_offsets_slice_the_document_exactly() -> None:
    doc = events.read(NEWS, dct="2003-03-19")
    assert doc.events
    for e in doc.all_events:
        for m in e.mentions:
            assert NEWS[m.start : m.end] == m.text
            assert m.trigger_start is not None
            assert m.trigger_end is not None
            assert m.start <= m.trigger_start < m.trigger_end <= m.end
        for a in e.actors:
            if a.mention is not None:
                assert NEWS[a.mention.start : a.mention.end] == a.mention.text
    names = [a.mention.text for e in doc.all_events for a in e.actors if a.mention is not None]
    assert any("Slepian" in n for n in names)
    assert not any("Dr ." in m.text for e in doc.all_events for m in e.mentions)


def test_dated_roles_from_the_dictionaries() -> None:
    doc = events.read("Igor Ivanov visited Dushanbe on Monday.", dct="2003-03-19")
    (visit,) = doc.events
    ivanov = next(a for a in visit.actors if a.name == "Igor Ivanov")
    assert (ivanov.country, ivanov.cameo) == ("RUS", "RUSGOV")
    assert visit.place_names == ("Dushanbe",)


class _Catalogue(events.Catalogue):
    pass


def _kinds_in_worker(reader: events.Reader) -> list[str]:
    doc = reader.read("Hackers will breach the network of the ministry.", dct="2020-01-01")
    return [e.kind for e in doc.all_events]


def test_registered_kinds_travel_with_the_reader_to_a_spawned_worker() -> None:
    reader = events.Reader()
    reader.register_kind("Cyberattack", triggers=["breach * network"], plover="ASSAULT", cameo="180")
    copy = pickle.loads(pickle.dumps(reader))
    assert "Cyberattack" in [k.name for k in copy.catalogue.kinds()]
    assert len(pickle.dumps(reader)) < 200_000  # the model name travels, not the model
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert "Cyberattack" in pool.apply(_kinds_in_worker, (reader,))
    assert "Cyberattack" not in [k.name for k in events.kinds()]  # no global registry was touched


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a list"]])
def test_a_non_string_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        events.read(bad)  # type: ignore[arg-type]


def test_a_bad_dct_or_mode_names_it() -> None:
    with pytest.raises(ValueError, match="2003-13-45"):
        events.read(NEWS, dct="2003-13-45")
    with pytest.raises(ValueError, match="poetry"):
        events.read(NEWS, mode="poetry")


@pytest.mark.parametrize("text", ["", " ", "\x00\x07\x1b", "\ud800 lone \udfff", "\u202eمرحبا بالعالم 😀", "🎉" * 500,
                                  "Mr. " * 2000, "10:30 a.m. Monday " * 300])  # fmt: skip
def test_any_string_gives_a_valid_document(text: str) -> None:
    doc = events.read(text, dct="2020-05-05")
    assert isinstance(doc, events.Document)
    assert all(0 <= m.start <= m.end <= len(text) for e in doc.all_events for m in e.mentions)


def test_no_document_date_is_a_warning() -> None:
    doc = events.read("Police arrested 12 protesters in Kampala.")
    assert doc.dct is None
    assert doc.warnings
    assert "document date" in doc.warnings[0]
    assert events.read("Police arrested 12 protesters.", dct="2015-06-10").warnings == ()


def test_narrative_mode_gives_undated_events_the_span_between_their_neighbours() -> None:
    text = ("In 1914 Austria declared war on Serbia. Germany invaded Belgium. "
            "In 1918 Germany signed an armistice with the Allies.")  # fmt: skip
    doc = events.read(text, mode="narrative")
    assert doc.mode == "narrative"
    invasion = next(e for e in doc.events if e.kind == "Attack")
    assert invasion.time_basis == "narrative"
    assert invasion.time.earliest_start is not None
    assert invasion.time.latest_end is not None
    news = events.read(text, dct="2020-01-01")
    assert next(e for e in news.events if e.kind == "Attack").time_basis == "tense"
