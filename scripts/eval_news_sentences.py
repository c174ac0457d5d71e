#!/usr/bin/env python3
"""Scores ``events.read`` on hand-annotated news sentences (tests/events/data/news_sentences.json).

    .venv/bin/python scripts/eval_news_sentences.py [FILE] [--verbose]

Each sentence is read alone with the file's document date; its events are ``Document.all_events``
(asserted and unrealized: a negated or hypothetical event is read, with its status). A system event matches an expected
event of its sentence when the kind is the same (one to one). Reported: core recall, precision
(system events of a kind the sentence marks optional, and Statements, count neither way), F1;
for matched events, status accuracy and actor recall (an expected ISO alpha-3 code is found
when an actor has that country, a name when an actor's name contains it, case apart); and the
expected events that are right in every field (kind, status, all actors).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import events  # noqa: E402

DEFAULT = ROOT / "tests" / "events" / "data" / "news_sentences.json"
ALWAYS_OPTIONAL = frozenset({"Statement"})


def actor_found(wanted: str, event: events.Event) -> bool:
    """Whether an expected actor (a country code or a name) is among the event's actors."""
    if len(wanted) == 3 and wanted.isupper():
        return any(a.country == wanted for a in event.actors)
    return any(wanted.lower() in a.name.lower() for a in event.actors)


def score_sentence(item: dict[str, Any], found: list[events.Event]) -> dict[str, Any]:
    """The counts of one sentence, and what went wrong in it."""
    optional = ALWAYS_OPTIONAL | set(item.get("optional", ()))
    free = list(found)
    out: dict[str, Any] = {"core": 0, "matched": 0, "status_ok": 0, "actors_wanted": 0, "actors_found": 0,
                           "right": 0, "counted": 0, "false": 0, "problems": []}  # fmt: skip
    for want in item["events"]:
        out["core"] += 1
        hit = next((e for e in free if e.kind == want["kind"]), None)
        if hit is None:
            out["problems"].append(f"missed {want['kind']}")
            continue
        free.remove(hit)
        out["matched"] += 1
        status_ok = hit.status.value == want["status"]
        out["status_ok"] += status_ok
        missing = [a for a in want["actors"] if not actor_found(a, hit)]
        out["actors_wanted"] += len(want["actors"])
        out["actors_found"] += len(want["actors"]) - len(missing)
        out["right"] += status_ok and not missing
        if not status_ok:
            out["problems"].append(f"{want['kind']} status {hit.status.value}, want {want['status']}")
        if missing:
            have = [(a.name, a.country) for a in hit.actors]
            out["problems"].append(f"{want['kind']} lacks {missing}; has {have}")
    out["counted"] = out["matched"]
    for e in free:
        if e.kind not in optional:
            out["counted"] += 1
            out["false"] += 1
            out["problems"].append(f"extra {e.kind} [{e.mentions[0].text if e.mentions else ''}]")
    return out


def evaluate(data: dict[str, Any]) -> dict[str, Any]:
    """The scores over every sentence of ``data`` (the JSON file's content)."""
    total: dict[str, Any] = {"sentences": []}
    keys = ("core", "matched", "status_ok", "actors_wanted", "actors_found", "right", "counted", "false")
    sums = dict.fromkeys(keys, 0)
    for item in data["sentences"]:
        doc = events.read(item["text"], dct=item.get("dct", data["dct"]))
        result = score_sentence(item, list(doc.all_events))
        for k in keys:
            sums[k] += result[k]
        total["sentences"].append({"text": item["text"], "problems": result["problems"]})
    recall = sums["matched"] / sums["core"] if sums["core"] else 0.0
    precision = sums["matched"] / sums["counted"] if sums["counted"] else 0.0
    total.update(sums)
    total["recall"] = recall
    total["precision"] = precision
    total["f1"] = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    total["status_accuracy"] = sums["status_ok"] / sums["matched"] if sums["matched"] else 0.0
    total["actor_recall"] = sums["actors_found"] / sums["actors_wanted"] if sums["actors_wanted"] else 0.0
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--verbose", action="store_true", help="list each sentence's problems")
    args = parser.parse_args(argv)
    result = evaluate(json.loads(args.file.read_text(encoding="utf-8")))
    if args.verbose:
        for s in result["sentences"]:
            if s["problems"]:
                print(f"- {s['text']}\n    " + "\n    ".join(s["problems"]))
    print(f"core {result['matched']}/{result['core']} recall {result['recall']:.3f} precision {result['precision']:.3f} "
          f"F1 {result['f1']:.3f}; status {result['status_accuracy']:.3f}; actor recall {result['actor_recall']:.3f} "
          f"({result['actors_found']}/{result['actors_wanted']}); all fields right {result['right']}/{result['core']}; "
          f"false {result['false']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
