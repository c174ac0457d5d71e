"""``timeline eval timex DIR``: tag TimeML documents and score the tagger, TempEval-3 style."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from timeline import tag
from timeline.commands._common import fail
from timeline.errors import TimeMLError
from timeline.evaluate import TIMEX_ATTRIBUTES, Counts, count, relaxed_pairs, scores
from timeline.io.atomic import write_atomic
from timeline.io.timeml import read_timeml
from timeline.timex.tagger import MODES

__all__ = [
    "document_names",
    "find_files",
    "format_errors",
    "format_table",
    "register",
    "run",
    "score_directory",
]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score the temporal tagger on TimeML (.tml) files",
        description="Tag the <TEXT> of every TimeML file under DIR with its own document date and "
        "score the result against the file's TIMEX3s with TempEval-3's definitions: strict and "
        "relaxed span precision, recall and F1, type and value accuracy over relaxed matches, and "
        "attribute F1 (relaxed F1 x accuracy), micro-averaged. A file that cannot be read is "
        "reported with its name and line, the others are still scored, and the exit code is 1.",
        epilog="Examples:\n"
        "  timeline eval timex ../shared/corpora/tbaq\n"
        "  timeline eval timex ../shared/corpora/wikiwars/timeml --mode narrative --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("what", choices=("timex",), help="what to score: timex (TIMEX3 recognition and normalisation)")
    parser.add_argument("directory", metavar="DIR", help="a folder searched recursively for *.tml files")
    parser.add_argument("--mode", choices=MODES, default="news", help="tagger mode: news (relative to the DCT) or narrative (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print one JSON object (fractions 0..1, per-document counts)")
    parser.add_argument("--system-out", metavar="FILE", help="also write the tagger's output as JSON lines in te3score.py's system format")
    parser.add_argument("--errors", metavar="N", type=int, default=0, help="also list up to N missed, spurious and wrongly valued expressions each")
    parser.set_defaults(run=run)


def find_files(directory: Path) -> list[Path]:
    """The ``*.tml`` files under ``directory``, sorted, without macOS ``._`` files."""
    return sorted(p for p in directory.rglob("*.tml") if p.is_file() and not p.name.startswith("._"))


def document_names(paths: Sequence[Path], root: Path) -> list[str]:
    """A name a document: its file name without ``.tml``, or its relative path when names repeat."""
    stems = [p.name[: -len(".tml")] for p in paths]
    repeated = {s for s in stems if stems.count(s) > 1}
    return [p.relative_to(root).as_posix()[: -len(".tml")] if s in repeated else s for p, s in zip(paths, stems, strict=True)]


def score_directory(
    directory: Path, tagger: Callable[..., Sequence[Any]], mode: str
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """Tag and score every file: (result, failures, system lines); a failure names file and line."""
    paths = find_files(directory)
    total = Counts(attributes=tuple((name, 0) for name in TIMEX_ATTRIBUTES))
    per_doc: dict[str, dict[str, int]] = {}
    failures: list[dict[str, Any]] = []
    system_lines: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    characters = 0
    seconds = 0.0
    for path, name in zip(paths, document_names(paths, directory), strict=True):
        try:
            document = read_timeml(path)
        except TimeMLError as error:
            failures.append({"file": str(path), "line": error.line, "reason": error.reason})
            continue
        except OSError as error:
            failures.append({"file": str(path), "line": None, "reason": f"cannot read: {error.strerror or error}"})
            continue
        began = time.perf_counter()
        try:
            found = list(tagger(document.text, dct=document.dct, mode=mode))
        except ValueError as error:  # e.g. a DCT the tagger cannot read
            failures.append({"file": str(path), "line": None, "reason": f"cannot tag: {error}"})
            continue
        except Exception as error:  # a tagger bug on one file: report it, score the others
            failures.append({"file": str(path), "line": None, "reason": f"the tagger failed: {type(error).__name__}: {error}"})
            continue
        seconds += time.perf_counter() - began
        characters += len(document.text)
        counts = count(document.timexes, found, TIMEX_ATTRIBUTES)
        total = total + counts
        per_doc[name] = scores(counts).to_dict()["counts"]
        system_lines.append(
            {"doc": name, "timexes": [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in found]}
        )
        errors.extend(_errors(name, document.timexes, found))
    result: dict[str, Any] = {
        "kind": "timex",
        "mode": mode,
        "documents": len(per_doc),
        "failed": len(failures),
        **scores(total).to_dict(),
        "characters": characters,
        "seconds": seconds,
        "per_doc": per_doc,
        "errors": errors,
    }
    return result, failures, system_lines


def _errors(name: str, gold: Sequence[Any], system: Sequence[Any]) -> list[dict[str, Any]]:
    """The missed, spurious and wrongly valued expressions of one document."""
    pairs = relaxed_pairs(gold, system)
    matched_gold = {g for g, _ in pairs}
    matched_system = {s for _, s in pairs}
    found: list[dict[str, Any]] = [
        {"kind": "missed", "doc": name, "start": t.start, "text": t.text, "gold": t.value, "system": None}
        for g, t in enumerate(gold)
        if g not in matched_gold
    ]
    found += [
        {"kind": "spurious", "doc": name, "start": t.start, "text": t.text, "gold": None, "system": t.value}
        for s, t in enumerate(system)
        if s not in matched_system
    ]
    found += [
        {"kind": "value", "doc": name, "start": gold[g].start, "text": f"{gold[g].text} | {system[s].text}", "gold": gold[g].value, "system": system[s].value}
        for g, s in pairs
        if str(gold[g].value).strip() != str(system[s].value).strip()
    ]
    return found


def format_errors(errors: Sequence[dict[str, Any]], limit: int) -> str:
    """Up to ``limit`` errors of each kind, one a line."""
    lines = []
    for kind in ("missed", "spurious", "value"):
        some = [e for e in errors if e["kind"] == kind]
        lines.append(f"{kind}: {len(some)}")
        for e in some[:limit]:
            text = " ".join(str(e["text"]).split())
            lines.append(f"  {e['doc']}@{e['start']}: {text!r} gold={e['gold']} system={e['system']}")
    return "\n".join(lines)


def format_table(result: dict[str, Any]) -> str:
    """The scores as a plain-text table, percentages."""
    c = result["counts"]
    lines = [
        f"timex ({result['mode']} mode): {result['documents']} documents, {c['gold']} gold, {c['system']} system, "
        f"{c['strict_matches']} strict / {c['relaxed_matches']} relaxed matches",
        f"{'':<10}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}",
    ]
    for name in ("strict", "relaxed"):
        m = result[name]
        lines.append(f"{name:<10}{100 * m['precision']:8.2f}{100 * m['recall']:8.2f}{100 * m['f1']:8.2f}")
    for name in ("type", "value"):
        m = result[name]
        lines.append(f"{name:<10}{'':>16}{100 * m['f1']:8.2f}{100 * m['accuracy']:8.2f}")
    if result["seconds"] > 0:
        rate = result["characters"] / result["seconds"]
        lines.append(
            f"tagged {result['characters']:,} characters in {result['seconds']:.2f} s ({rate:,.0f} characters/s, "
            "one cold pass; scripts/measure_tagger.py measures speed properly)"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    directory = Path(args.directory)
    if not directory.is_dir():
        fail(f"{directory}: not a directory")
        return 2
    if not find_files(directory):
        fail(f"{directory}: no .tml files")
        return 2
    if args.system_out and not Path(args.system_out).resolve().parent.is_dir():
        fail(f"{args.system_out}: cannot write: the folder {Path(args.system_out).parent} does not exist")
        return 2
    result, failures, system_lines = score_directory(directory, tag, args.mode)
    for failure in failures:
        where = failure["file"] if failure["line"] is None else f"{failure['file']}:{failure['line']}"
        fail(f"{where}: {failure['reason']}")
    if args.system_out:
        try:
            write_atomic(args.system_out, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in system_lines))
        except OSError as error:
            fail(f"{args.system_out}: cannot write: {error.strerror or error}")
            return 1
    errors = result.pop("errors")
    if args.json:
        if args.errors:
            result["errors"] = errors
        print(json.dumps({**result, "failures": failures}, indent=1, ensure_ascii=False))
    else:
        print(format_table(result))
        if args.errors:
            print(format_errors(errors, args.errors))
        if failures:
            print(f"{len(failures)} file(s) could not be scored (see the errors above)")
    sys.stdout.flush()
    return 1 if failures else 0
