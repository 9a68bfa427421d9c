#!/usr/bin/env python3
"""What a user would reach for instead of Cursus: read JSON Lines with the json module, sort the
tenures by start, and write the same columns with XlsxWriter (constant_memory), dates as dates.

  python_xlsxwriter.py tenures.jsonl out.xlsx
"""
import calendar
import datetime
import json
import sys

import xlsxwriter

COLUMNS = ["id", "person", "office", "role", "organization", "place", "country", "category",
           "start", "start_earliest", "start_latest", "end", "end_earliest", "end_latest", "ongoing",
           "predecessor", "successor", "sources", "appointed_by", "served_under", "alongside", "milestones", "notes"]


def bounds(text):
    """Earliest and latest day of YYYY, YYYY-MM or YYYY-MM-DD (with ~ or ? after it)."""
    if not text:
        return None, None
    core = text.rstrip("~?%")
    parts = [int(p) for p in core.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return datetime.date(parts[0], parts[1], 1), datetime.date(parts[0], parts[1], last)
    day = datetime.date(*parts)
    return day, day


def read_tenures(path):
    """The tenures of a JSON Lines dossier, sorted by start, then id."""
    tenures = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if record.get("type") == "tenure":
                tenures.append(record)
    tenures.sort(key=lambda t: (bounds(t.get("start"))[0] or datetime.date.min, t["id"]))
    return tenures


def main():
    tenures = read_tenures(sys.argv[1])
    workbook = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
    sheet = workbook.add_worksheet("Tenures")
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, COLUMNS)
    for row, tenure in enumerate(tenures, start=1):
        start_earliest, start_latest = bounds(tenure.get("start"))
        end_earliest, end_latest = bounds(tenure.get("end"))
        values = {**tenure, "start_earliest": start_earliest, "start_latest": start_latest,
                  "end_earliest": end_earliest, "end_latest": end_latest, "ongoing": bool(tenure.get("ongoing"))}
        for column, name in enumerate(COLUMNS):
            value = values.get(name)
            if value is None or value == "":
                continue
            if isinstance(value, datetime.date):
                sheet.write_datetime(row, column, datetime.datetime(value.year, value.month, value.day), day)
            elif isinstance(value, bool):
                sheet.write_boolean(row, column, value)
            elif isinstance(value, list):
                sheet.write_string(row, column, "; ".join(value))
            else:
                sheet.write_string(row, column, str(value))
    workbook.close()


if __name__ == "__main__":
    main()
