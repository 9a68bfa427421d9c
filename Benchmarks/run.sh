#!/usr/bin/env bash
# Cursus against the C floor and against what users would reach for instead, side by side.
# Builds Cursus in release mode and the C floor (libxlsxwriter, constant_memory), generates
# dossiers of N tenures (and N events) as JSON Lines, runs each tool RUNS times and prints the
# median wall time, the peak memory (RSS) and the ratios the targets are stated in: JSON Lines
# to CSV against DuckDB (Python package) and Miller (Debian's miller), to XLSX against the C
# floor and Python XlsxWriter, `cursus validate`, and a whole manifest (CSV, XLSX, chronology,
# chart) with its outputs rendered at once against --jobs 1.
#
#   Benchmarks/run.sh [RUNS] [N ...]        default: 3 runs, N = 100000 200000 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true

[ $# -gt 0 ] && sizes=("$@") || sizes=(100000 200000 1000000)

swift build -c release --product cursus >/dev/null
cursus=$PWD/.build/release/cursus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/floor" Benchmarks/floor.c $(pkg-config --cflags --libs xlsxwriter)
python3 -c 'import xlsxwriter' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check XlsxWriter
python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check duckdb
command -v mlr >/dev/null || { echo "Miller is missing: apt-get install miller" >&2; exit 1; }

# One measurement: "seconds peak-KiB" of a command, run in $work.
measure() { (cd "$work" && /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1); }
# The median over $runs runs of a command: "seconds peak-MiB".
median() {
  local results=()
  for _ in $(seq "$runs"); do results+=("$(measure "$@")"); done
  printf '%s\n' "${results[@]}" | sort -n | awk -v n="$runs" '{t[NR]=$1; m[NR]=$2} END {i=int((n+1)/2); printf "%.2f %.0f\n", t[i], m[i]/1024}'
}
manifest() {  # renderer options input output
  printf 'cursus: 1\ninputs: [%s]\nas_of: 2026-01-01\noutputs:\n  - {renderer: %s, path: %s, options: %s}\n' "$3" "$1" "$4" "$2" > "$work/$5"
}

printf '%-44s %10s %10s %9s %12s\n' "task" "median s" "peak MiB" "ratio" "against"
row() { printf '%-44s %10s %10s %9s %12s\n' "$@"; }
for n in "${sizes[@]}"; do
  python3 Benchmarks/generate.py --tenures "$n" --people $(( n / 20 > 0 ? n / 20 : 1 )) --format jsonl > "$work/t$n.jsonl"
  python3 Benchmarks/generate.py --tenures 0 --events "$n" --people 1 --format jsonl > "$work/e$n.jsonl"
  manifest xlsx '{sheets: [tenures]}' "t$n.jsonl" t.xlsx "x$n.yml"
  manifest csv '{table: tenures}' "t$n.jsonl" t.csv "c$n.yml"
  manifest csv '{table: events}' "e$n.jsonl" e.csv "ec$n.yml"
  manifest chronology '{include: [events]}' "e$n.jsonl" e.txt "et$n.yml"
  "$cursus" render -q "$work/c$n.yml"  # the cells the C floor writes
  # A whole manifest: CSV, XLSX, a chronology of the tenures and one person's chart.
  printf 'cursus: 1\ninputs: [t%s.jsonl]\nas_of: 2026-01-01\noutput_dir: m\noutputs:\n  - {renderer: csv, path: t.csv}\n  - {renderer: xlsx, path: t.xlsx, options: {sheets: [tenures]}}\n  - {renderer: chronology, path: t.txt, options: {include: [tenures]}}\n  - {renderer: gantt, path: p1.dot, filter: {people: [p1]}}\n' "$n" > "$work/m$n.yml"

  read -r floor_t floor_m < <(median ./floor out/t.csv floor.xlsx)
  read -r xlsx_t xlsx_m < <(median "$cursus" render -q "x$n.yml")
  read -r pyx_t pyx_m < <(median python3 "$OLDPWD/Benchmarks/python_xlsxwriter.py" "t$n.jsonl" py.xlsx)
  read -r csv_t csv_m < <(median "$cursus" render -q "c$n.yml")
  read -r pyc_t pyc_m < <(median python3 "$OLDPWD/Benchmarks/python_csv.py" "t$n.jsonl" py.csv)
  read -r ecsv_t ecsv_m < <(median "$cursus" render -q "ec$n.yml")
  read -r chron_t chron_m < <(median "$cursus" render -q "et$n.yml")
  read -r duck_t duck_m < <(median python3 "$OLDPWD/Benchmarks/duckdb_csv.py" "t$n.jsonl" duck.csv)
  read -r mlr_t mlr_m < <(median sh -c "mlr --ijsonl --ocsv filter '\$type == \"tenure\"' then unsparsify then sort -f start t$n.jsonl > mlr.csv")
  read -r valid_t valid_m < <(median "$cursus" validate "t$n.jsonl")
  read -r one_t one_m < <(median "$cursus" render -q --jobs 1 "m$n.yml")
  read -r all_t all_m < <(median "$cursus" render -q "m$n.yml")

  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
  row "C floor, CSV cells -> XLSX ($n)" "$floor_t" "$floor_m" "1.00x" "floor"
  row "Cursus, JSONL -> XLSX ($n)" "$xlsx_t" "$xlsx_m" "$(ratio "$xlsx_t" "$floor_t")" "floor"
  row "Python XlsxWriter, JSONL -> XLSX ($n)" "$pyx_t" "$pyx_m" "$(ratio "$pyx_t" "$xlsx_t")" "Cursus"
  row "Cursus, JSONL -> CSV ($n)" "$csv_t" "$csv_m" "$(ratio "$csv_t" "$duck_t")" "DuckDB"
  row "DuckDB, JSONL -> CSV ($n)" "$duck_t" "$duck_m" "1.00x" "DuckDB"
  row "Miller, JSONL -> CSV ($n)" "$mlr_t" "$mlr_m" "$(ratio "$mlr_t" "$csv_t")" "Cursus"
  row "Python json+csv, JSONL -> CSV ($n)" "$pyc_t" "$pyc_m" "$(ratio "$pyc_t" "$csv_t")" "Cursus"
  row "Cursus, validate ($n)" "$valid_t" "$valid_m" "" ""
  row "Cursus, manifest, --jobs 1 ($n)" "$one_t" "$one_m" "1.00x" "--jobs 1"
  row "Cursus, manifest, --jobs $(nproc) ($n)" "$all_t" "$all_m" "$(ratio "$all_t" "$one_t")" "--jobs 1"
  row "Cursus, events JSONL -> CSV ($n)" "$ecsv_t" "$ecsv_m" "" ""
  row "Cursus, events JSONL -> chronology ($n)" "$chron_t" "$chron_m" "$(ratio "$chron_t" "$ecsv_t")" "events CSV"
done
echo "(ratios: Cursus/floor, Cursus/DuckDB, other tool/Cursus, chronology/CSV, all cores/one; $runs runs each; $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB)"
