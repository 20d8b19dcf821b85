"""PII guard: precision and recall per kind and overall, and time per sentence.

One command: ``.venv/bin/python bench/pii.py`` reads ``helpdesk/tests/data/pii_corpus.jsonl``
(hand-written FR/NL helpdesk sentences, half with personal data, half traps), runs the guard
twice (with the directory's own phones/addresses/names as the Django side passes them, and with
nothing known) and prints the figures. A finding counts as right when it overlaps a labelled
span of the same kind; a labelled span is found when a finding of its kind overlaps it.
Pure Python: no database needed.
"""

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpdesk.pii import KINDS, Known, scan  # noqa: E402

CORPUS = ROOT / "helpdesk" / "tests" / "data" / "pii_corpus.jsonl"
HOLDOUT = ROOT / "helpdesk" / "tests" / "data" / "pii_holdout.jsonl"
#: What the directory publishes about the services named in the corpus's traps.
DIRECTORY = Known.build(
    phones=["02 218 56 08", "02 538 12 34", "02 600 80 80", "02 512 34 56"],
    emails=[],
    addresses=[
        "rue de la Victoire 26",
        "avenue Jean Volders 32",
        "rue du Méridien 68",
        "chaussée de Louvain 440",
        "Overwinningsstraat 26",
        "Jean Voldersstraat 32",
        "Middaglijnstraat 68",
        "Leuvensesteenweg 440",
    ],
    names=["Maison Médicale du Nord", "Santé Plurielle", "Espace Louise", "Maison Marie-Louise"],
)


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def evaluate(rows, known):
    tp_pred, fp, tp_gold, fn = Counter(), Counter(), Counter(), Counter()
    misses, false_alarms = [], []
    started = time.perf_counter()
    predictions = [scan(row["text"], known) for row in rows]
    elapsed = time.perf_counter() - started
    for row, found in zip(rows, predictions, strict=False):
        gold = [(k, s, e) for k, s, e in row["spans"]]
        for f in found:
            if any(k == f.kind and overlaps((s, e), (f.start, f.end)) for k, s, e in gold):
                tp_pred[f.kind] += 1
            else:
                fp[f.kind] += 1
                false_alarms.append((f.kind, row["text"][f.start : f.end], row["text"]))
        for k, s, e in gold:
            if any(f.kind == k and overlaps((s, e), (f.start, f.end)) for f in found):
                tp_gold[k] += 1
            else:
                fn[k] += 1
                misses.append((k, row["text"][s:e], row["text"]))
    return tp_pred, fp, tp_gold, fn, elapsed, misses, false_alarms


def ratio(a, b):
    return a / b if b else float("nan")


def report(title, rows, known, verbose):
    tp_pred, fp, tp_gold, fn, elapsed, misses, false_alarms = evaluate(rows, known)
    print(f"\n## {title}")
    print(f"{'kind':<10} {'gold':>5} {'found':>6} {'recall':>7} {'precision':>10}")
    for kind in KINDS + ("overall",):
        if kind == "overall":
            g, r = sum(tp_gold.values()) + sum(fn.values()), sum(tp_gold.values())
            p, pp = sum(tp_pred.values()), sum(tp_pred.values()) + sum(fp.values())
        else:
            g, r = tp_gold[kind] + fn[kind], tp_gold[kind]
            p, pp = tp_pred[kind], tp_pred[kind] + fp[kind]
        print(f"{kind:<10} {g:>5} {pp:>6} {ratio(r, g):>7.1%} {ratio(p, pp):>10.1%}")
    traps = [r for r in rows if not r["spans"]]
    clean = sum(1 for r in traps if not scan(r["text"], known))
    print(f"traps left untouched: {clean}/{len(traps)}")
    print(f"time per sentence: {elapsed / len(rows) * 1e6:.0f} µs ({len(rows)} sentences)")
    if verbose:
        for kind, part, text in misses:
            print(f"  MISSED {kind}: {part!r} in {text!r}")
        for kind, part, text in false_alarms:
            print(f"  FALSE {kind}: {part!r} in {text!r}")


def main():
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line]
    pii = sum(1 for r in rows if r["spans"])
    print(f"corpus: {len(rows)} sentences, {pii} with personal data, {len(rows) - pii} traps")
    verbose = "-v" in sys.argv
    holdout = [json.loads(line) for line in HOLDOUT.read_text("utf-8").splitlines() if line]
    report(
        f"held-out set ({len(holdout)} sentences written after tuning), directory known",
        holdout,
        DIRECTORY,
        True,
    )
    report(
        "with the directory's phones, addresses and names (as on the site)",
        rows,
        DIRECTORY,
        verbose,
    )
    report("with nothing known", rows, None, verbose)


if __name__ == "__main__":
    main()
