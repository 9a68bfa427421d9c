#!/usr/bin/env bash
# Imports a synthetic FollowTheMoney extract (gzip JSON Lines, as OpenSanctions publishes it)
# of N occupancies, with N/2 people and N/10 positions, as JSON Lines; prints wall time and
# peak memory.
#
#   Benchmarks/ftm-import.sh [N]        default N = 300000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300000}
swift build -c release --product cursus >/dev/null
cursus=$PWD/.build/release/cursus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$n" "$work/peps.ftm.json" <<'PY'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    for i in range(n // 10):
        f.write(json.dumps({"id": "pos-%d" % i, "schema": "Position", "properties": {"name": ["Position %d" % i], "country": ["xe"]}}) + "\n")
    for i in range(n // 2):
        f.write(json.dumps({"id": "p-%d" % i, "schema": "Person", "properties": {"name": ["Person %d" % i], "birthDate": ["%d-05-01" % (1930 + i % 60)]}}) + "\n")
    for i in range(n):
        f.write(json.dumps({"id": "occ-%d" % i, "schema": "Occupancy", "properties": {
            "holder": ["p-%d" % (i % (n // 2))], "post": ["pos-%d" % (i % (n // 10))],
            "startDate": ["%d-01" % (1950 + i % 70)], "status": ["current" if i % 3 == 0 else "ended"]}}) + "\n")
PY
gzip "$work/peps.ftm.json"
ls -l "$work/peps.ftm.json.gz" | awk '{printf "input: %.1f MiB gzip, %s occupancies\n", $5 / 1048576, '"$n"'}'
/usr/bin/time -f "ftm -> jsonl: %e s, %M KiB peak" "$cursus" import ftm "$work/peps.ftm.json.gz" --format jsonl -o "$work/out.jsonl" 2>&1 \
    | grep -v warning | tail -1
