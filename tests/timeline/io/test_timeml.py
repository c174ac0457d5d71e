"""TimeML reading (TempEval-3 offsets) and writing (valid, escaped, round-tripping)."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from timeline.errors import TimeMLError
from timeline.io.timeml import (
    GoldEvent,
    GoldTimex,
    TimeMLDocument,
    TLink,
    read_timeml,
    write_timeml,
)

CORPORA = SHARED / "corpora"
TE3SCORE = SHARED / "tools" / "te3score.py"

SAMPLE = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
<DOCID>RFE20030318</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2003-03-18" temporalFunction="false" functionInDocument="CREATION_TIME">March 18, 2003</TIMEX3></DCT>
<TITLE>Not <TIMEX3 tid="t90" type="DATE" value="2002">part</TIMEX3> of the text</TITLE>
<TEXT>
Defense Minister Ivanov <EVENT eid="e1" class="OCCURRENCE">visited</EVENT> Dushanbe <TIMEX3 tid="t1" type="DATE" value="2003-W11">last week</TIMEX3>;
AT&amp;T &lt;said&gt; Putin will <EVENT eid="e2" class="OCCURRENCE">come</EVENT> <TIMEX3 tid="t2" type="DATE" value="2003-04" mod="START">early next month</TIMEX3>
and <EVENT eid="e3" class="STATE">stay</EVENT> <TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3>.<TIMEX3 tid="t4" type="DURATION" value="P1M" beginPoint="t1" endPoint="t2"/>
</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eiid="ei2" eventID="e2" tense="FUTURE" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>
<TLINK lid="l3" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei1"/>
</TimeML>
"""


def test_reads_text_offsets_and_attributes() -> None:
    doc = read_timeml(SAMPLE)
    assert doc.doc == "RFE20030318"
    assert doc.dct == "2003-03-18"
    assert doc.text.startswith("\nDefense Minister Ivanov visited Dushanbe last week;\nAT&T <said> Putin")
    assert "<" not in doc.text.replace("<said>", "")
    assert [t.text for t in doc.timexes] == ["last week", "early next month", "two days"]
    mentions: list[GoldTimex | GoldEvent] = [*doc.timexes, *doc.events]
    for mention in mentions:
        assert doc.text.find(mention.text) == mention.start
        assert doc.text[mention.start : mention.end] == mention.text
    assert [(t.tid, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("t1", "DATE", "2003-W11", None),
        ("t2", "DATE", "2003-04", "START"),
        ("t3", "DURATION", "P2D", None),
    ]
    assert [(e.eid, e.cls, e.text) for e in doc.events] == [("e1", "OCCURRENCE", "visited"), ("e2", "OCCURRENCE", "come"), ("e3", "STATE", "stay")]
    assert [t.tid for t in doc.empty_timexes] == ["t4"]
    assert doc.empty_timexes[0].start == doc.empty_timexes[0].end == doc.text.find(".\n") + 1
    assert doc.tlinks == (
        TLink("IS_INCLUDED", "e1", "t1", "l1"),
        TLink("BEFORE", "e1", "e2", "l2"),
        TLink("INCLUDES", "t0", "e1", "l3"),
    )


def test_path_string_and_bytes_read_the_same(tmp_path: Path) -> None:
    path = tmp_path / "sample.tml"
    path.write_text(SAMPLE, encoding="utf-8")
    from_path = read_timeml(path)
    assert from_path.path == str(path)
    assert attrs.evolve(from_path, path=None) == read_timeml(SAMPLE) == read_timeml(SAMPLE.encode())
    assert read_timeml(str(path)) == from_path


def test_line_ends_are_normalised_as_by_any_xml_parser() -> None:
    crlf = SAMPLE.replace("\n", "\r\n")
    assert read_timeml(crlf.encode()).text == read_timeml(SAMPLE).text


def test_docid_falls_back_to_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "APW19990101.tml"
    path.write_text(SAMPLE.replace("<DOCID>RFE20030318</DOCID>", ""), encoding="utf-8")
    assert read_timeml(path).doc == "APW19990101"


def test_dct_without_creation_time_falls_back_to_the_dct_element() -> None:
    doc = read_timeml(SAMPLE.replace(' functionInDocument="CREATION_TIME"', ""))
    assert doc.dct == "2003-03-18"
    no_dct = read_timeml(SAMPLE.replace(' functionInDocument="CREATION_TIME"', "").replace("<DCT>", "<X>").replace("</DCT>", "</X>"))
    assert no_dct.dct is None


def test_malformed_xml_names_the_file_and_line(tmp_path: Path) -> None:
    lines = SAMPLE.splitlines()
    broken = next(n for n, line in enumerate(lines) if "</TIMEX3>;" in line)
    lines[broken] = lines[broken].replace("</TIMEX3>;", "</TIMEX>;")
    path = tmp_path / "broken.tml"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(TimeMLError) as caught:
        read_timeml(path)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.line == broken + 1 == 7
    assert str(path) in str(error)
    assert f"{path}:7:" in str(error)
    assert "mismatched tag" in error.reason


@pytest.mark.parametrize(
    ("markup", "line", "reason"),
    [
        ("<TimeML>\n<TEXT>a &bogus; b</TEXT>\n</TimeML>", 2, "undefined entity"),
        ("<TimeML>\n<DOCID>x</DOCID>\n</TimeML>\n", 3, "no <TEXT>"),
        ("<TimeML>\n<TEXT>text</TEXT>\n", 3, "no element found"),
        ("<TimeML>\n\n<TEXT>\ud800</TEXT></TimeML>", 3, "lone surrogate"),
    ],
)
def test_bad_documents_raise_timeml_error(markup: str, line: int, reason: str) -> None:
    with pytest.raises(TimeMLError, match=reason) as caught:
        read_timeml(markup)
    assert caught.value.line == line
    assert caught.value.source == "<string>"


def test_read_refuses_other_types() -> None:
    with pytest.raises(TypeError, match="int"):
        read_timeml(3)  # type: ignore[arg-type]


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_timeml(tmp_path / "absent.tml")


# --------------------------------------------------------------------------------------------
# Writing


def test_write_then_read_gives_back_the_document() -> None:
    doc = read_timeml(SAMPLE)
    markup = write_timeml(doc.text, dct=doc.dct, timexes=doc.timexes, events=doc.events, tlinks=doc.tlinks, doc_id=doc.doc)
    ET.fromstring(markup)  # well-formed
    back = read_timeml(markup)
    assert back.text == doc.text
    assert back.dct == doc.dct
    assert back.doc == doc.doc
    assert back.timexes == doc.timexes
    assert back.events == doc.events
    assert back.tlinks == doc.tlinks


def test_written_layout_is_timeml_1_2_1() -> None:
    text = "He left on Monday, 5 May 2003."
    markup = write_timeml(
        text,
        dct="2003-05-06",
        timexes=[{"start": 11, "end": 29, "type": "DATE", "value": "2003-05-05"}],
        events=[{"start": 3, "end": 7, "class": "OCCURRENCE", "tense": "PAST"}],
        tlinks=[{"rel_type": "IS_INCLUDED", "source": "e1", "target": "t1"}],
        doc_id="doc<1>",
    )
    root = ET.fromstring(markup)
    assert root.tag == "TimeML"
    assert str(root.get("{http://www.w3.org/2001/XMLSchema-instance}noNamespaceSchemaLocation")).endswith("TimeML_1.2.1.xsd")
    assert [child.tag for child in root] == ["DOCID", "DCT", "TEXT", "MAKEINSTANCE", "TLINK"]
    assert root.findtext("DOCID") == "doc<1>"
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    assert dct.get("functionInDocument") == "CREATION_TIME"
    assert dct.get("tid") == "t0"
    timex = root.find("TEXT/TIMEX3")
    assert timex is not None
    assert (timex.get("tid"), timex.get("type"), timex.get("value")) == ("t1", "DATE", "2003-05-05")
    assert timex.text == "Monday, 5 May 2003"
    instance = root.find("MAKEINSTANCE")
    assert instance is not None
    assert (instance.get("eiid"), instance.get("eventID"), instance.get("tense"), instance.get("polarity")) == ("ei1", "e1", "PAST", "POS")
    link = root.find("TLINK")
    assert link is not None
    assert (link.get("relType"), link.get("eventInstanceID"), link.get("relatedToTime")) == ("IS_INCLUDED", "ei1", "t1")


def test_nested_event_inside_timex_and_same_span() -> None:
    text = "the war years ended"
    timexes = [GoldTimex(4, 13, "war years", "DURATION", "PXY")]
    events = [GoldEvent(4, 7, "war", "e1", "OCCURRENCE"), GoldEvent(4, 13, "war years", "e2", "STATE")]
    back = read_timeml(write_timeml(text, dct=None, timexes=timexes, events=events))
    assert back.dct is None
    assert [(t.start, t.end) for t in back.timexes] == [(4, 13)]
    assert [(e.start, e.end, e.eid) for e in back.events] == [(4, 7, "e1"), (4, 13, "e2")]


@pytest.mark.parametrize(
    ("timexes", "events", "message"),
    [
        ([{"start": 0, "end": 6, "type": "DATE", "value": "X"}], [{"start": 4, "end": 9, "cls": "STATE"}], "cross"),
        ([{"start": 0, "end": 99, "type": "DATE", "value": "X"}], [], "0 <= start < end <= 10"),
        ([{"start": 3, "end": 3, "type": "DATE", "value": "X"}], [], "start < end"),
        ([{"start": 0, "end": 2, "type": "DAY", "value": "X"}], [], "type 'DAY'"),
        ([{"start": 0, "end": 2, "type": "DATE", "value": "X", "mod": "ABOUT"}], [], "mod 'ABOUT'"),
        ([], [{"start": 0, "end": 2, "cls": "WAR"}], "class 'WAR'"),
        ([{"start": 0, "end": 2, "type": "DATE", "value": "X", "tid": "t5"}, {"start": 3, "end": 4, "type": "DATE", "value": "Y", "tid": "t5"}], [], "'t5' is used twice"),
    ],
)
def test_write_refuses_what_timeml_cannot_say(timexes: list[dict[str, object]], events: list[dict[str, object]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        write_timeml("0123456789", dct="2003", timexes=timexes, events=events)


def test_write_refuses_unknown_links_and_non_text() -> None:
    with pytest.raises(ValueError, match="'e9' is neither"):
        write_timeml("abc", dct="2003", timexes=[], tlinks=[TLink("BEFORE", "e9", "t0")])
    with pytest.raises(ValueError, match="relType 'SOON'"):
        write_timeml("abc", dct="2003", timexes=[], tlinks=[TLink("SOON", "t0", "t0")])
    with pytest.raises(TypeError, match="bytes"):
        write_timeml(b"abc", dct="2003", timexes=[])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="dct"):
        write_timeml("abc", dct="  ", timexes=[])


def test_characters_xml_cannot_carry_keep_their_offsets() -> None:
    text = "a\x00b\x1bc\ud800 \r\n1999 \ufffe"
    start = text.index("1999")
    back = read_timeml(write_timeml(text, dct="2003", timexes=[{"start": start, "end": start + 4, "type": "DATE", "value": "1999"}]))
    assert back.text == "a\ufffdb\ufffdc\ufffd \r\n1999 \ufffd"
    assert back.timexes[0].start == start
    assert back.timexes[0].text == "1999"


# Texts with the characters that need escaping; spans cut at random points, each a TIMEX3 or an
# EVENT, sometimes an EVENT nested in a TIMEX3.
XML_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from("&<>\"'\r\n\t ]]>;#"), st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))),
    max_size=80,
)

VALUE = st.text(alphabet=st.one_of(st.sampled_from("\t\n\r&\"<"), st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))), max_size=8)


@st.composite
def annotated(draw: st.DrawFn) -> tuple[str, list[GoldTimex], list[GoldEvent]]:
    text = draw(XML_TEXT)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=12))))
    timexes: list[GoldTimex] = []
    events: list[GoldEvent] = []
    for n, (start, end) in enumerate(zip(cuts[::2], cuts[1::2], strict=False)):
        if start == end:
            continue
        kind = draw(st.sampled_from(["timex", "event", "both"]))
        if kind in ("timex", "both"):
            timexes.append(GoldTimex(start, end, text[start:end], draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])), draw(VALUE), tid=f"t{n + 1}"))
        if kind in ("event", "both"):
            inner_end = draw(st.integers(start + 1, end))
            events.append(GoldEvent(start, inner_end, text[start:inner_end], f"e{n + 1}", draw(st.sampled_from(["OCCURRENCE", "STATE", "I_ACTION"]))))
    return text, timexes, events


@settings(max_examples=150, deadline=None)
@given(annotated(), st.sampled_from([None, "2003-03-18", "2003-03-18T10:30", 'a"b&c']))
def test_round_trip_property(case: tuple[str, list[GoldTimex], list[GoldEvent]], dct: str | None) -> None:
    text, timexes, events = case
    back = read_timeml(write_timeml(text, dct=dct, timexes=timexes, events=events, doc_id="x&y"))
    assert back.text == text  # \r survives as a character reference
    assert back.dct == dct
    assert back.timexes == tuple(sorted(timexes, key=lambda t: (t.start, t.end)))
    assert back.events == tuple(sorted(events, key=lambda e: (e.start, e.end)))
    assert back.doc == "x&y"


# --------------------------------------------------------------------------------------------
# The corpora: the reader agrees with te3score.py's gold


@pytest.mark.corpus
@pytest.mark.parametrize("corpus", ["tbaq", "wikiwars/timeml"])
def test_reader_agrees_with_te3score_gold(corpus: str, tmp_path: Path) -> None:
    folder = CORPORA / corpus
    if not folder.is_dir() or not TE3SCORE.is_file():
        pytest.skip(f"{folder} or {TE3SCORE} is absent")
    out = tmp_path / "gold.jsonl"
    texts = tmp_path / "texts.jsonl"
    subprocess.run([sys.executable, str(TE3SCORE), "gold", str(folder), str(out)], check=True, capture_output=True)
    subprocess.run([sys.executable, str(TE3SCORE), "texts", str(folder), str(texts)], check=True, capture_output=True)
    gold = {line["doc"]: line["timexes"] for line in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    reference = {line["doc"]: line for line in map(json.loads, texts.read_text(encoding="utf-8").splitlines())}
    paths = sorted(p for p in folder.rglob("*.tml") if not p.name.startswith("._"))
    assert len(paths) == len(gold) > 0
    for path in paths:
        doc = read_timeml(path)
        name = path.name[: -len(".tml")]
        assert doc.text == reference[name]["text"], name
        assert doc.dct == reference[name]["dct_value"], name
        mine = [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in doc.timexes]
        assert mine == gold[name], name
        mentions: list[GoldTimex | GoldEvent] = [*doc.timexes, *doc.events]
        assert all(doc.text[t.start : t.end] == t.text for t in mentions)


@pytest.mark.corpus
def test_tbaq_counts_and_round_trip() -> None:
    folder = CORPORA / "tbaq"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    docs = [read_timeml(p) for p in sorted(folder.rglob("*.tml")) if not p.name.startswith("._")]
    assert len(docs) == 256
    assert sum(len(d.timexes) for d in docs) == 1822  # the corpus README's counts
    assert sum(len(d.events) for d in docs) == 11129
    assert all(d.dct for d in docs)
    for doc in docs[::16]:
        back = read_timeml(write_timeml(doc.text, dct=doc.dct, timexes=doc.timexes, events=doc.events, doc_id=doc.doc))
        assert isinstance(back, TimeMLDocument)
        assert (back.text, back.timexes, back.events) == (doc.text, doc.timexes, doc.events)
