#!/usr/bin/env bash
# Imports a synthetic Wikidata JSON dump (gzip) of N entities, half of them people with one
# position each, as JSON Lines and as YAML; prints wall time and peak memory of each.
#
#   Benchmarks/wikidata-dump.sh [N]        default N = 200000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200000}
swift build -c release --product cursus >/dev/null
cursus=$PWD/.build/release/cursus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$n" "$work/dump.json" <<'PY'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    f.write("[\n")
    for i in range(n):
        qid = "Q%d" % (1000000 + i)
        if i % 2 == 0:
            office = "Q%d" % (1000000 + (i + 1) % n)
            claims = {"P39": [{"id": qid + "$1", "rank": "normal",
                               "mainsnak": {"snaktype": "value", "datavalue": {"value": {"entity-type": "item", "id": office}, "type": "wikibase-entityid"}},
                               "qualifiers": {"P580": [{"snaktype": "value", "datavalue": {"value": {"time": "+%d-01-01T00:00:00Z" % (1900 + i % 120), "precision": 9}, "type": "time"}}]}}]}
            label = "Person %d" % i
        else:
            claims, label = {}, "Office %d" % i
        entity = {"type": "item", "id": qid, "labels": {"en": {"language": "en", "value": label}}, "claims": claims}
        f.write(json.dumps(entity) + (",\n" if i < n - 1 else "\n"))
    f.write("]\n")
PY
gzip "$work/dump.json"
printf '%-40s %10s %10s\n' "import of $n entities (.gz)" "seconds" "peak MiB"
for format in jsonl yaml; do
  result=$( (cd "$work" && /usr/bin/time -f "%e %M" "$cursus" import wikidata dump.json.gz --format "$format" -o "out.$format" --force 2>&1 >/dev/null | tail -1) )
  printf '%-40s %10s %10s\n' "--format $format" "${result% *}" "$(( ${result#* } / 1024 ))"
done
