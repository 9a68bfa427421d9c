#!/usr/bin/env python3
"""Reads an XLSX file back for the tests, with real readers (openpyxl, zipfile).

  xlsx.py describe FILE        JSON: properties, the dates of the zip entries and, per sheet, frozen panes, autofilter,
                               column widths, header fonts, and every cell (value, type, format, link)
  xlsx.py extract FILE DIR     unzips every part into DIR
  xlsx.py count FILE           JSON: per sheet, the number of rows and the first and last value of column A
"""
import datetime
import json
import re
import sys
import zipfile


def describe(path):
    import openpyxl
    workbook = openpyxl.load_workbook(path)
    sheets = []
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                value = cell.value
                if isinstance(value, datetime.datetime):
                    value = value.date().isoformat()
                cells.append({
                    "value": value,
                    "type": cell.data_type,
                    "format": cell.number_format,
                    "link": cell.hyperlink.target if cell.hyperlink else None,
                })
            rows.append(cells)
        sheets.append({
            "name": sheet.title,
            "freeze": sheet.freeze_panes,
            "autofilter": sheet.auto_filter.ref,
            "widths": {key: dim.width for key, dim in sheet.column_dimensions.items()},
            "header_bold": all(cell.font.b for cell in sheet[1]),
            "footer": sheet.oddFooter.right.text,
            "rows": rows,
        })
    properties = workbook.properties
    with zipfile.ZipFile(path) as archive:
        zip_dates = sorted({"%04d-%02d-%02dT%02d:%02d:%02d" % info.date_time for info in archive.infolist()})
    return {
        "title": properties.title,
        "created": properties.created.isoformat() if properties.created else None,
        "modified": properties.modified.isoformat() if properties.modified else None,
        "zip_dates": zip_dates,
        "sheets": sheets,
    }


def count(path):
    """Streams each sheet's XML, so a million rows need no DOM."""
    result = []
    with zipfile.ZipFile(path) as archive:
        names = sorted((n for n in archive.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n)),
                       key=lambda n: int(re.search(r"(\d+)", n.rsplit("/", 1)[1]).group(1)))
        for name in names:
            rows = 0
            first = last = None
            with archive.open(name) as stream:
                pending = b""
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    text = pending + chunk
                    cut = text.rfind(b"</row>")
                    if cut < 0:
                        pending = text
                        continue
                    complete, pending = text[:cut + 6], text[cut + 6:]
                    for match in re.finditer(rb'<c r="A\d+"[^>]*><is><t>([^<]*)</t>', complete):
                        last = match.group(1).decode()
                        if first is None:
                            first = last
                    rows += complete.count(b"</row>")
            result.append({"part": name, "rows": rows, "first": first, "last": last})
    return result


def main():
    command, path = sys.argv[1], sys.argv[2]
    if command == "describe":
        json.dump(describe(path), sys.stdout, ensure_ascii=False)
    elif command == "extract":
        with zipfile.ZipFile(path) as archive:
            archive.extractall(sys.argv[3])
    elif command == "count":
        json.dump(count(path), sys.stdout)
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
