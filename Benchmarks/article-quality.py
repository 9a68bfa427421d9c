#!/usr/bin/env python3
"""Recall and precision of `cursus import article` on the seed documents, against the
hand-made dossier Examples/kislyak/kislyak.yml.

    python3 Benchmarks/article-quality.py [path/to/cursus]

Tenures count as found when an imported tenure has the same start and end (or is ongoing
where the answer is). Dated items are the answer's events and milestones citing the seed's
source; each counts as found when an imported event or milestone has the same EDTF date
(each imported item matches at most one). Precision is the share of imported dated items
whose date is one of the answer's.
"""
import collections
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
CURSUS = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build" / "debug" / "cursus")
ANSWER = yaml.safe_load((ROOT / "Examples" / "kislyak" / "kislyak.yml").read_text())

SEEDED = [
    ("004 encyclopedia", "004_c8d21a3f9913e109.txt", [], "wikipedia"),
    ("000 news", "000_599169268d1e5d02.txt", ["--published", "2017-06-26"], "tpm"),
]


def cites(record, source):
    return any((s if isinstance(s, str) else s["source"]) == source for s in record.get("sources", []))


def dated_items(dossier, source=None):
    items = []
    for event in dossier.get("events", []):
        if source is None or cites(event, source):
            items.append(str(event["date"]))
    for tenure in dossier.get("tenures", []):
        for milestone in tenure.get("milestones", []):
            if source is None or cites(milestone, source) or (not milestone.get("sources") and cites(tenure, source)):
                items.append(str(milestone["date"]))
    return items


def main():
    print(f"{'document':<18} {'tenures':>9} {'dated recall':>14} {'dated precision':>16}")
    for name, file, flags, source in SEEDED:
        out = subprocess.run([CURSUS, "import", "article", str(SEEDS / file), *flags], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"{name}: cursus exited {out.returncode}: {out.stderr}")
        imported = yaml.safe_load(out.stdout)
        answer_tenures = [t for t in ANSWER["tenures"] if cites(t, source)]
        found_tenures = 0
        for tenure in answer_tenures:
            if any(
                str(t.get("start")) == str(tenure.get("start"))
                and (str(t.get("end")) == str(tenure.get("end")) or (t.get("ongoing") and tenure.get("ongoing")))
                for t in imported.get("tenures", [])
            ):
                found_tenures += 1
        wanted = collections.Counter(dated_items(ANSWER, source))
        got = collections.Counter(dated_items(imported))
        matched = sum((wanted & got).values())
        recall = matched / max(1, sum(wanted.values()))
        precision = matched / max(1, sum(got.values()))
        tenures = f"{found_tenures}/{len(answer_tenures)}" if source == "wikipedia" else "-"
        print(
            f"{name:<18} {tenures:>9} {matched:>3}/{sum(wanted.values()):<3} {recall:>5.0%}  {matched:>3}/{sum(got.values()):<3} {precision:>5.0%}"
        )


if __name__ == "__main__":
    main()
