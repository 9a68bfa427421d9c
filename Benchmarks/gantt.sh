#!/usr/bin/env bash
# Career-chart benchmark: for N tenures, how long Cursus takes to lay out and write the DOT
# (release build), and how long Graphviz's `neato -n2` takes to draw it as SVG and PNG.
# Prints a table of medians over RUNS runs. Usage: Benchmarks/gantt.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
swift build -c release --product cursus >/dev/null
cursus=.build/release/cursus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }

printf '%-8s %-10s %12s %12s %12s\n' "tenures" "rows" "DOT (s)" "SVG (s)" "PNG (s)"
for n in 1000 10000; do
  python3 Benchmarks/generate.py --tenures "$n" --people $((n / 20)) --format json > "$work/d$n.json"
  for rows in office person; do
    cat > "$work/m.yml" <<YAML
cursus: 1
inputs: [d$n.json]
as_of: 2026-01-01
outputs:
  - {renderer: gantt, path: c.dot, options: {rows: $rows}}
YAML
    dot_times=(); svg_times=(); png_times=()
    for _ in $(seq "$runs"); do
      dot_times+=("$(seconds "$cursus" render "$work/m.yml")")
      svg_times+=("$(seconds neato -n2 -Tsvg -o "$work/c.svg" "$work/out/c.dot")")
      png_times+=("$(seconds neato -n2 -Tpng -Gdpi=72 -o "$work/c.png" "$work/out/c.dot")")
    done
    printf '%-8s %-10s %12.3f %12.3f %12.3f\n' "$n" "$rows" \
      "$(printf '%s\n' "${dot_times[@]}" | median)" "$(printf '%s\n' "${svg_times[@]}" | median)" \
      "$(printf '%s\n' "${png_times[@]}" | median)"
  done
done
echo "(DOT includes loading the dossier; the machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB)"
