"""Write the worked-example notebooks in ``notebooks/`` from the cells below.

    python scripts/make_notebooks.py            # (re)write notebooks/*.ipynb
    python scripts/make_notebooks.py --check    # exit 1 if a stored notebook differs

The notebooks are stored without outputs and with fixed cell ids, so regenerating them
gives the same files; ``tests/test_notebooks.py`` runs each one top to bottom and checks that
the stored files are what this script writes. Edit the cells here, not in Jupyter (or copy
your Jupyter edits back here).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

# Each notebook: a list of ("md" | "py", source) cells.
SEED: list[tuple[str, str]] = [
    ("md", """\
# 1. One article: the seed case

This notebook reads one news report and follows it all the way: the events it reports, when
each happened (with the uncertainty the text leaves), the timeline they form, questions asked
of it, a constraint added by hand, and the exports.

The article is the toolkit's bundled example: *"Central Asia: Why Is Russia Suddenly Paying So
Much Attention To Dushanbe And Bishkek?"*, Radio Free Europe/Radio Liberty, Prague, 18 March 2003."""),
    ("py", """\
from importlib import resources

import pandas as pd

import events
from timeline import Span

pd.set_option("display.max_colwidth", 70)
text = resources.files("events").joinpath("data", "examples", "rferl-2003-03-18-central-asia.txt").read_text(encoding="utf-8")
print(f"{len(text):,} characters")
start = text.find("Prague")
print(text[start : start + 600], "...")"""),
    ("md", """\
## Reading the events

`events.read` finds the report proper (the web page's menus around it are left out), its date
(the dateline says 18 March 2003: the *document creation time*, DCT), the temporal
expressions, and the events, each typed (Visit, Agreement, Deployment ...) with its actors,
places, quantities, status and an uncertain time. We give the document an id so that every
fact's evidence can name it."""),
    ("py", """\
doc = events.read(text, doc_id="rferl-2003-03-18")
print("document date:", doc.dct.timex)
print(len(doc.events), "events,", len(doc.timexes), "temporal expressions")"""),
    ("md", """\
`doc.timeline` puts the events on a `timeline.Timeline`. As a DataFrame, one row per event in
timeline order: each time is four bounds, the earliest and latest possible **start** and the
earliest and latest possible **end** (ends are exclusive), and the TIMEX3 value the text gave.
An empty bound (`NaT`) is open: "in the past" has no earliest start."""),
    ("py", """\
timeline = doc.timeline
table = timeline.to_pandas()
table[["label", "kind", "status", "timex", "earliest_start", "latest_start", "earliest_end", "latest_end"]]"""),
    ("md", """\
## The chart

One row per event, grouped in lanes by kind. The pale band runs from the earliest start to the
latest end (every time the event may have had); the solid bar is the time it certainly covered,
if any. The marker's shape says the status (a hollow diamond: planned). The dashed rule is the
document date. Hover for the sentence each event came from; scroll to zoom, drag to pan, click
the legend to filter, brush the strip below to focus."""),
    ("py", "timeline.chart(title=\"RFE/RL, 18 March 2003\")"),
    ("md", """\
## Uncertain times, explained

**"Last week".** The report is dated Tuesday 18 March 2003, in ISO week 12. "Last week" is
therefore ISO week 11, Monday 10 to Sunday 16 March (TIMEX3 `2003-W11`). The text does not say
which day Ivanov visited, so his visit may start on any day of that week and end on any day of
it: the earliest start is 10 March, the latest end is 17 March at midnight."""),
    ("py", """\
def person(name):
    return lambda item: any(name in actor for actor in item.actor_names)

ivanov = next(e for e in timeline if e.kind == "Visit" and person("Ivanov")(e))
print(ivanov.label, "|", repr(ivanov.time_text), "->", ivanov.time.timex)
print("evidence:", ivanov.evidence[0].sentence)
timeline.filter(lambda e: e.id == ivanov.id).to_pandas()[["timex", "earliest_start", "latest_start", "earliest_end", "latest_end"]]"""),
    ("md", """\
**Why the signing is in April.** The text says Putin will visit Dushanbe "next month" (April
2003, TIMEX3 `2003-04`: planned, so a hollow marker) and that the base agreement "will be signed
during his trip". The signing has no date of its own: the reader records the relation
*signing during visit* as a constraint of the timeline, and the constraint gives the signing the
trip's month. Its `time_basis` says where its time came from."""),
    ("py", """\
putin = next(e for e in timeline if e.kind == "Visit" and person("Putin")(e))
signing = next(e for e in timeline if e.kind == "Agreement" and e.time_basis == "relation")
print(putin.label, "->", putin.time.timex, f"({putin.time_text!r}, {putin.status})")
print(signing.label, "->", signing.time.timex, f"({signing.time_text!r}, basis: {signing.time_basis})")
for c in timeline.constraints:
    print("constraint:", timeline[c.a].label, c.relation, timeline[c.b].label)"""),
    ("md", """\
## Questions

Under uncertainty a question has two answers: the items for which it **certainly** holds, and
those for which it only **possibly** holds. *What happened before Ivanov's visit?* The 1999
agreement certainly did; an event "in the past year" possibly did (it may also overlap it)."""),
    ("py", """\
before = timeline.before(ivanov)
print("certainly before Ivanov's visit:")
for e in before.certain:
    print("  ", e.time.timex, e.label)
print("possibly before (not certain):")
for e in before.uncertain:
    print("  ", e.time.timex, e.label)"""),
    ("py", """\
print("Ivanov's visit vs Putin's:", timeline.relation(ivanov, putin))
print("going on in April 2003:", [e.label for e in timeline.at("2003-04").possible])"""),
    ("md", """\
## Adding a constraint

The report says Russian troops will be deployed to the Kant air base, after the document date,
but not when: the deployment's end is open. Suppose another source tells us the deployment was
over before Russia's election "next year" (2004). Adding that relation tightens the
deployment's latest end; the timeline is immutable, so `constrain` returns a new one and the
original keeps its times."""),
    ("py", """\
kant = next(e for e in timeline if e.kind == "Deployment" and "Kant" in e.place_names)
election = next(e for e in timeline if e.kind == "Election")
constrained = timeline.constrain(kant, "before", election, note="assumed, from another source")
pd.concat({
    "as read": timeline.filter(lambda e: e.id == kant.id).to_pandas(),
    "constrained": constrained.filter(lambda e: e.id == kant.id).to_pandas(),
})[["label", "earliest_start", "latest_start", "earliest_end", "latest_end"]]"""),
    ("md", """\
A constraint that contradicts the times is refused, with an explanation naming the items and
the bounds in conflict (a `ConstraintConflictError`, which is a `ValueError`):"""),
    ("py", """\
from timeline import ConstraintConflictError

withdrawal = next(e for e in timeline if e.kind == "Withdrawal")
try:
    timeline.constrain(withdrawal, "after", election)
except ConstraintConflictError as error:
    print(error)"""),
    ("md", """\
## Export

An interactive page that opens offline (the JavaScript is embedded), a CSV table (it reads back
with `Timeline.from_csv`), and TimeML with the article's text, its temporal expressions and the
events."""),
    ("py", """\
from pathlib import Path

out = Path("seed-output")
out.mkdir(exist_ok=True)
timeline.save(out / "seed.html", title="RFE/RL, 18 March 2003")
timeline.to_csv(out / "seed.csv")
(out / "seed.tml").write_text(timeline.to_timeml(text=doc.text, timexes=doc.timexes), encoding="utf-8")
for path in sorted(out.iterdir()):
    print(f"{path}: {path.stat().st_size:,} bytes")"""),
    ("py", """\
from timeline import Timeline, read_timeml

again = Timeline.from_csv(out / "seed.csv")
timeml = read_timeml(out / "seed.tml")
print(len(again), "items back from the CSV;", len(timeml.events), "events and", len(timeml.timexes), "temporal expressions in the TimeML")"""),
]

CORPUS: list[tuple[str, str]] = [
    ("md", """\
# 2. Many documents: one merged timeline

Here several reports are read at once (in parallel, on the local cores), merged into one
timeline where the same event reported by several documents becomes one item with all its
evidence, and two news sources are compared. Then: a large timeline drawn as an aggregated
chart, and a corpus streamed to disk.

The example corpus ships with the toolkit: eight short reports, invented for this project, from
two invented news services, the *Baltic Wire Service* (`bws-...`) and the *Nordic Courier*
(`nc-...`), about a fictional dispute over a damaged undersea cable between Estonia and Finland,
April to June 2024. They overlap on purpose: both report the visit, the signing and a protest."""),
    ("py", """\
from importlib import resources
from pathlib import Path

import pandas as pd

import events
from timeline import Timeline

pd.set_option("display.max_colwidth", 80)
folder = Path(str(resources.files("events").joinpath("data", "examples", "baltic-cable")))
files = sorted(folder.glob("*.txt"))
for path in files:
    print(path.name)
print()
print(files[2].read_text(encoding="utf-8"))"""),
    ("md", """\
## Reading a folder

`events.read_corpus` takes a folder (its `*.txt` files; `glob=` for other names), a list of
paths, or a list of texts. It reads the documents on a pool of processes, one per core (pass
`executor=` to use another `concurrent.futures` executor, such as a thread pool or a Dask
cluster), shows a progress bar,
and merges the documents' timelines. The result is the same whatever the executor: documents
are merged in input order."""),
    ("py", """\
corpus = events.read_corpus(folder, name="baltic-cable")
print(corpus)"""),
    ("md", """\
## What was merged

`corpus.merges` records each join: the item kept, the members (each as `document:event`) and
the score of the weakest join (shared actors and places, overlapping times, same kind). The
visit announced for "next week" on 29 April and the visit reported on 7 May are one event; the
merged item's time is the intersection of what the reports say: Tuesday 7 May."""),
    ("py", """\
merged_into = {record.into: record for record in corpus.merges}
pd.DataFrame(
    [
        {"event": corpus[r.into].label, "time": corpus[r.into].time.timex, "score": r.score,
         "reports": [m.split(":", 1)[0] for m in r.members]}
        for r in corpus.merges
    ]
)"""),
    ("md", """\
The evidence is kept: the merged protest carries the sentences of both reports, and both
crowd sizes, for a reader to weigh."""),
    ("py", """\
protest = next(e for e in corpus if e.kind == "Protest")
print(protest.label, protest.time.timex)
for mention in protest.mentions:
    print(" -", mention.sentence)
print("crowd sizes:", [(q.qualifier, q.value, q.unit) for q in protest.quantities])"""),
    ("md", """\
## Comparing two sources

Which source reported what? An item that was merged was reported by each of its members'
documents; the others by their own document. The chart puts each event in the lane of the
sources that reported it (`lanes` also takes a function of the item)."""),
    ("py", """\
SOURCES = {"bws": "Baltic Wire Service", "nc": "Nordic Courier"}


def reported_by(item):
    record = merged_into.get(item.id)
    docs = [m.split(":", 1)[0] for m in record.members] if record else [item.doc]
    return " + ".join(sorted({SOURCES[d.split("-", 1)[0]] for d in docs}))


comparison = pd.DataFrame(
    [{"event": e.label, "kind": e.kind, "time": e.time.timex, "reported by": reported_by(e)} for e in corpus]
)
comparison["reported by"].value_counts()"""),
    ("py", "comparison[comparison[\"reported by\"].str.contains(\"\\\\+\")]"),
    ("py", "corpus.chart(lanes=reported_by, title=\"Who reported what\")"),
    ("md", """\
The same comparison from the other side: read each source on its own, and ask which of one
source's events the other also reports (the merge of the two timelines joins them)."""),
    ("py", """\
bws = events.read_corpus(sorted(folder.glob("bws-*")), name="bws", progress=False)
nc = events.read_corpus(sorted(folder.glob("nc-*")), name="nc", progress=False)
both = Timeline.merge(bws, nc)
shared = [r for r in both.merges if {m.split(":", 1)[0] for m in r.members} == {"bws", "nc"}]
print(f"Baltic Wire Service: {len(bws)} events; Nordic Courier: {len(nc)}; reported by both: {len(shared)}")
for r in shared:
    print(" -", both[r.into].label, both[r.into].time.timex)"""),
    ("md", """\
## A large timeline

A chart of thousands of items would be unreadable (and slow), so above `max_marks` items (2,000
by default) the whole chart draws counts per lane and period, at the zoom level that fits. Here a generated stream of 8,000 dated reports over thirty years
(made with NumPy, no text): the kind of table a researcher brings, read with
`Timeline.from_pandas`."""),
    ("py", """\
import numpy as np

rng = np.random.default_rng(2024)
n = 8_000
days = rng.integers(0, 30 * 365, n)
big = pd.DataFrame({
    "id": [f"report-{k}" for k in range(n)],
    "label": [f"report {k}" for k in range(n)],
    "kind": rng.choice(["Visit", "Meeting", "Agreement", "Protest", "Aid"], n, p=[0.3, 0.3, 0.1, 0.2, 0.1]),
    "date": (pd.Timestamp("1994-01-01") + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d"),
})
large = Timeline.from_pandas(big, start="date", name="generated")
print(large)"""),
    ("py", "large.chart(title=\"8,000 generated reports\")"),
    ("md", """\
## Streaming a corpus to disk

For a corpus larger than memory, `events.extract_to` reads the documents (a bounded number at a
time) and writes their events as it goes: JSON lines (one document a line) or Parquet (one event
a row, in row groups). It ends with a summary: documents read, events written, and the files
that failed with their reasons; a failure never stops the batch. The same runs from the shell
as `timeline extract DIR -o events.parquet`."""),
    ("py", """\
summary = events.extract_to(folder, "cable-events.parquet")
print(summary)
pd.read_parquet("cable-events.parquet")[["doc", "kind", "status", "timex", "earliest_start", "latest_end", "text"]].head(8)"""),
    ("py", """\
# A file that is not text is reported, and the others are still read.
Path("broken").mkdir(exist_ok=True)
(Path("broken") / "scan.txt").write_bytes(b"%PDF-1.4\\x00\\x01\\x02")
(Path("broken") / "note.txt").write_text("BERLIN, 2 March 2024 -- Germany sent aid to Poland on Friday.", encoding="utf-8")
print(events.extract_to(Path("broken"), "broken.jsonl", progress=False))"""),
    ("md", """\
## Your own folder, other executors

Point `read_corpus` (or `extract_to`) at a folder of your own UTF-8 news texts (`.txt`; TimeML
`.tml` files are read with their document date). A text without a dateline needs `dct=` (one
date for all) to anchor "last week". To read on threads, or on a Dask cluster
(`pip install timeline-events[dask]`):

```python
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(4) as pool:
    corpus = events.read_corpus(folder, executor=pool)

from dask.distributed import Client
with Client("tcp://scheduler:8786") as client:       # or Client() for a local cluster
    corpus = events.read_corpus(folder, executor=client.get_executor())
```"""),
    ("py", """\
my_folder = Path("~/news").expanduser()  # change this to your folder
if my_folder.is_dir():
    mine = events.read_corpus(my_folder)
    display(mine.chart())
else:
    print(f"{my_folder} does not exist: set my_folder to a folder of .txt news reports")"""),
]

OWN_DATA: list[tuple[str, str]] = [
    ("md", """\
# 3. Your own data: a table of dated rows

No text extraction here: a researcher's table of events, each with a date written the way the
sources give it, becomes a timeline and a chart. The `timeline` package works on its own for
this (it does not need `events`).

Dates are written in [EDTF](https://www.loc.gov/standards/datetime/) (the Library of Congress's
Extended Date/Time Format, an extension of ISO 8601), which says what ISO cannot:

| EDTF | means |
| --- | --- |
| `1815-06-18` | a day (any ISO date is EDTF) |
| `1850~` | circa 1850 |
| `1503?` | 1503, uncertain |
| `-0489` | 490 BC (astronomical years: 1 BC is year 0) |
| `196X` | some year of the 1960s |
| `1914-07-28/1918-11-11` | an interval |
| `../1700` | some time up to 1700 |"""),
    ("py", """\
import pandas as pd

from timeline import Span, Timeline

rows = pd.DataFrame([
    {"id": "marathon", "label": "Battle of Marathon", "kind": "battle", "when": "-0489"},
    {"id": "caesar", "label": "Assassination of Julius Caesar", "kind": "politics", "when": "-0043-03-15"},
    {"id": "mona-lisa", "label": "Mona Lisa begun", "kind": "culture", "when": "1503?"},
    {"id": "waterloo", "label": "Battle of Waterloo", "kind": "battle", "when": "1815-06-18"},
    {"id": "daguerre", "label": "First photograph of a person", "kind": "science", "when": "1838~"},
    {"id": "mill", "label": "Cotton mill built", "kind": "economy", "when": "1850~"},
    {"id": "ww1", "label": "First World War", "kind": "war", "when": "1914-07-28/1918-11-11"},
    {"id": "folk", "label": "Folk revival", "kind": "culture", "when": "196X"},
    {"id": "moon", "label": "First step on the Moon", "kind": "science", "when": "1969-07-21T02:56:15"},
])
history = Timeline.from_pandas(rows, edtf="when", name="history")
print(history)"""),
    ("md", """\
Each row's time becomes four bounds (earliest and latest start, earliest and latest end). A day
spans that day; "circa 1850" becomes a range of years around 1850; `196X` the whole decade. BCE
dates are ordinary values on the same axis."""),
    ("py", "history.to_pandas()[[\"label\", \"edtf\", \"granularity\", \"earliest_start\", \"latest_start\", \"earliest_end\", \"latest_end\"]]"),
    ("md", """\
The chart spans 2,500 years; BC years are labelled as such. Zoom with the mouse wheel to see
the uncertainty of "circa 1850" against the exact day of Waterloo."""),
    ("py", "history.chart(title=\"From Marathon to the Moon\")"),
    ("md", """\
## Questions of a table

The same questions as for events read from text: what was (certainly, or possibly) going on at
a time, what came before what. "Circa 1850" was possibly, not certainly, before 1850."""),
    ("py", """\
print("going on in 1917:", [e.label for e in history.at("1917").certain])
early = history.before("1850")
print("certainly before 1850:", [e.label for e in early.certain])
print("possibly before 1850: ", [e.label for e in early.uncertain])
print("the mill vs the photograph:", history.relation("mill", "daguerre"))"""),
    ("md", """\
## Dates in words, and start/end columns

A column of dates in words ("circa 1850", "490 BC", "spring 1848") can be read with `tag`, the
toolkit's temporal tagger: each phrase gets a TIMEX3 value, a modifier for "circa", and the
span they stand for. Here the rows become `Item`s, the plain timeline item for one's own rows
(`Timeline.from_records(rows, timex="column")` does the same for a column of TIMEX3 values)."""),
    ("py", """\
from timeline import Item, tag

words = [
    ("revolutions", "Revolutions across Europe", "spring 1848"),
    ("mill-words", "Cotton mill built", "circa 1850"),
    ("marathon-words", "Battle of Marathon", "490 BC"),
    ("decade", "Folk revival", "the 1960s"),
]
items = []
for ident, label, phrase in words:
    found = tag(phrase)[0]
    print(f"{phrase!r:14} -> TIMEX3 {found.value} {found.mod or ''}")
    items.append(Item(id=ident, time=found.span, label=label, kind="from words"))
from_words = Timeline(items)
from_words.to_pandas()[["label", "timex", "mod", "earliest_start", "latest_end"]]"""),
    ("md", """\
A table with start and end columns (ISO dates, or pandas datetimes) works as well. A date given
to the month, like `1998-06`, means some day of that month, and the bounds say so."""),
    ("py", """\
terms = pd.DataFrame({
    "id": ["term-1", "term-2", "caretaker"],
    "label": ["First term", "Second term", "Caretaker government"],
    "kind": ["office"] * 3,
    "start": ["1990-05-01", "1994-05-01", "1998-06"],
    "end": ["1994-05-01", "1998-05-01", "1998-09"],
})
offices = Timeline.from_pandas(terms, start="start", end="end")
offices.to_pandas()[["label", "earliest_start", "latest_start", "earliest_end", "latest_end"]]"""),
    ("md", """\
## Saving

The chart as an offline HTML page (or PNG, SVG, PDF by the file's suffix), the table as CSV or
Parquet; both read back to the same timeline."""),
    ("py", """\
from pathlib import Path

history.save("history.html", title="From Marathon to the Moon")
history.to_parquet("history.parquet")
back = Timeline.from_parquet("history.parquet")
print(Path("history.html").stat().st_size, "bytes of HTML;", "the Parquet reads back equal:", back == history)"""),
]

ALL = {"01_seed_article.ipynb": SEED, "02_corpus.ipynb": CORPUS, "03_your_own_data.ipynb": OWN_DATA}


def build(name: str, cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    """The notebook ``name`` of ``cells``: no outputs, cell ids from its name and position."""
    notebook = new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    stem = name.split("_", 1)[0]
    for k, (kind, source) in enumerate(cells):
        cell = new_markdown_cell(source) if kind == "md" else new_code_cell(source)
        cell.id = f"nb{stem}-{k:02d}"
        notebook.cells.append(cell)
    nbformat.validate(notebook)
    return notebook


def render(name: str) -> str:
    """The stored text of notebook ``name``."""
    return nbformat.writes(build(name, ALL[name])) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check that the stored notebooks are up to date")
    args = parser.parse_args(argv)
    stale = []
    for name in ALL:
        path = NOTEBOOKS / name
        text = render(name)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    if stale:
        print("out of date (run scripts/make_notebooks.py):", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
