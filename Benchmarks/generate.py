#!/usr/bin/env python3
"""Writes a synthetic dossier with N tenures (and events) for benchmarks, deterministic for a seed.

  generate.py --tenures N [--events M] [--people P] [--format json|yaml] [--seed S]
"""
import argparse
import json
import random
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--tenures", type=int, required=True)
parser.add_argument("--events", type=int, default=0)
parser.add_argument("--people", type=int, default=1)
parser.add_argument("--format", choices=["json", "jsonl"], default="json")
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
rng = random.Random(args.seed)
categories = ["posting-abroad", "headquarters", "minister", "legislature", "academic", "military"]


def date(year):
    """A date at a random precision, as archives have them."""
    kind = rng.random()
    if kind < 0.5:
        return "%04d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28))
    if kind < 0.75:
        return "%04d-%02d" % (year, rng.randint(1, 12))
    if kind < 0.95:
        return "%04d" % year
    return "%04d~" % year


people = [{"id": "p%d" % i, "name": "Person %d" % i} for i in range(max(1, args.people))]
tenures = []
for i in range(args.tenures):
    start = rng.randint(1900, 2015)
    tenure = {
        "id": "t%d" % i, "person": "p%d" % (i % len(people)), "office": "Office %d" % (i % max(1, args.tenures // 3)),
        "role": "Role %d" % (i % 40), "place": "City %d" % (i % 90), "category": categories[i % len(categories)],
        "start": date(start),
    }
    if rng.random() < 0.03:
        tenure["ongoing"] = True
    else:
        tenure["end"] = date(start + rng.randint(1, 12))
    tenures.append(tenure)
events = [
    {"id": "e%d" % i, "date": date(rng.randint(1900, 2025)), "title": "Event %d with a title of some length" % i,
     "people": ["p%d" % (i % len(people))], "category": categories[i % len(categories)]}
    for i in range(args.events)
]
if args.format == "json":
    json.dump({"cursus": 1, "people": people, "tenures": tenures, "events": events}, sys.stdout)
else:
    out = sys.stdout
    out.write('{"cursus": 1}\n')
    for kind, records in (("person", people), ("tenure", tenures), ("event", events)):
        for record in records:
            out.write(json.dumps(dict(type=kind, **record), ensure_ascii=False) + "\n")
