#!/usr/bin/env python3
"""What a user would reach for instead of Cursus for CSV: json to read JSON Lines, csv to write
the same columns, tenures sorted by start.

  python_csv.py tenures.jsonl out.csv
"""
import csv
import sys

from python_xlsxwriter import COLUMNS, bounds, read_tenures


def main():
    tenures = read_tenures(sys.argv[1])
    with open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for tenure in tenures:
            start_earliest, start_latest = bounds(tenure.get("start"))
            end_earliest, end_latest = bounds(tenure.get("end"))
            values = {**tenure, "start_earliest": start_earliest, "start_latest": start_latest,
                      "end_earliest": end_earliest, "end_latest": end_latest,
                      "ongoing": "true" if tenure.get("ongoing") else "false"}
            writer.writerow(["; ".join(v) if isinstance(v, list) else ("" if v is None else str(v))
                             for v in (values.get(name) for name in COLUMNS)])


if __name__ == "__main__":
    main()
