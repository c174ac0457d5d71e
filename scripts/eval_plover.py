#!/usr/bin/env python3
"""PLOVER-category precision, recall and F1 of ``events.read`` on PETRARCH2's coded sentences.

    .venv/bin/python scripts/eval_plover.py [CORPUS_DIR] [--gold-field plover_reviewed]
        [--out system.jsonl] [--tools ../shared/tools] [--misses 20]

CORPUS_DIR defaults to ../shared/corpora/petrarch2-unit (beside the checkout). Each record's
sentence is read with its date as the document date; the system lines ({"id", "events":
[{"kind", "plover"}]}) are written to --out, then scored by the shared ``plover_eval.py`` when
it is found (--tools), and always by the same rules here: sentences with the same text pooled,
optional categories counted neither way, micro and per-category P/R/F1.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events import read  # noqa: E402

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def system_lines(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in records:
        doc = read(r["text"], dct=r.get("date"), doc_id=str(r["id"]))
        out.append({"id": r["id"], "events": [{"kind": e.kind, "plover": e.plover, "cameo": e.cameo,
                                               "trigger": e.mentions[0].trigger if e.mentions else ""}
                                              for e in doc.events]})  # fmt: skip
    return out


def score(records: list[dict[str, Any]], lines: list[dict[str, Any]], field: str) -> dict[str, Any]:
    """The plover_eval.py rules: per sentence text, gold G, predicted P; micro and per category."""
    predicted_by_id = {str(line["id"]): {OLD_NAMES.get(e["plover"], e["plover"]) for e in line["events"] if e.get("plover")} for line in lines}
    groups: dict[str, list[dict[str, Any]]] = collections.OrderedDict()
    for r in records:
        groups.setdefault(" ".join(r["text"].split()), []).append(r)
    tp: collections.Counter[str] = collections.Counter()
    fp: collections.Counter[str] = collections.Counter()
    fn: collections.Counter[str] = collections.Counter()
    errors = []
    for text, group in groups.items():
        gold = {c for r in group for c in r.get(field) or []}
        optional = {c for r in group for c in r.get(field + "_optional") or []}
        predicted = set().union(*(predicted_by_id.get(str(r["id"]), set()) for r in group))
        for c in gold:
            (tp if c in predicted else fn)[c] += 1
        for c in predicted - gold - optional:
            fp[c] += 1
        if gold - predicted or predicted - gold - optional:
            errors.append((group[0]["id"], sorted(gold), sorted(predicted), text))

    def prf(t: int, p: int, n: int) -> dict[str, Any]:
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"tp": t, "fp": p, "fn": n, "precision": precision, "recall": recall, "f1": f1}

    cats = sorted(set(tp) | set(fp) | set(fn))
    return {"micro": prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
            "per_category": {c: prf(tp[c], fp[c], fn[c]) for c in cats}, "errors": errors}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "petrarch2-unit"))
    ap.add_argument("--gold-field", default="plover_reviewed")
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "plover_system.jsonl"), help="where to write the system lines (default: %(default)s)")
    ap.add_argument("--tools", default=str(ROOT.parent / "shared" / "tools"), help="folder with plover_eval.py")
    ap.add_argument("--misses", type=int, default=0, help="list the first N sentences with errors")
    a = ap.parse_args(argv)
    records_path = Path(a.corpus) / "records.jsonl" if Path(a.corpus).is_dir() else Path(a.corpus)
    if not records_path.exists():
        print(f"eval_plover: {records_path}: no such file (give the petrarch2-unit folder)", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in records_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    lines = system_lines(records)
    elapsed = time.perf_counter() - started
    Path(a.out).write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = score(records, lines, a.gold_field)
    print(f"{len(records)} records read in {elapsed:.1f} s; system lines in {a.out}; gold field {a.gold_field}")
    print(f"{'category':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for c, v in [*result["per_category"].items(), ("micro", result["micro"])]:
        print(f"{c:<10} {v['tp']:>4} {v['fp']:>4} {v['fn']:>4} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}")
    for rid, gold, predicted, text in result["errors"][: a.misses]:
        print(f"  {rid}: gold {gold} predicted {predicted}: {text[:110]}")
    scorer = Path(a.tools) / "plover_eval.py"
    if scorer.exists():
        print(f"\n-- {scorer}")
        subprocess.run([sys.executable, str(scorer), str(records_path), a.out, "--gold-field", a.gold_field], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
