#!/usr/bin/env python3
"""Opens Cursus's outputs in the programs people open them with, and reports what they show.

  readers.py svg FILE          Chromium draws the SVG at its own size; JSON: the SVG's size, every
                               drawn shape that falls outside its viewBox once the transforms are
                               applied, the titles (tooltips), the font families, and for the
                               rightmost filled shape its colour and the colour Chromium shows near its right edge
  readers.py pdf FILE          JSON: the pages and their size in points (pdfinfo), the text
                               (pdftotext), and the colours poppler draws on the first page
                               (pdftoppm), as #rrggbb with the share of pixels
  readers.py workbook-pdf FILE LibreOffice Calc prints the workbook to PDF; JSON as for pdf
  readers.py workbook FILE     LibreOffice Calc (headless) converts every sheet to CSV with the
                               cells' values, not their display; JSON: sheet name -> rows

Each reader runs with a profile of its own in a temporary folder, so tests can run side by side.
"""
import csv
import glob
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def decode_png(path):
    """(width, height, rows of (r, g, b)) for an 8-bit, non-interlaced RGB or RGBA PNG."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(path + " is not a PNG")
    offset, idat, header = 8, b"", None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("unsupported PNG: depth %d, colour type %d, interlace %d" % (depth, colour, interlace))
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, position = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def hex_colour(rgb):
    return "#%02x%02x%02x" % rgb


def parse_transform(text):
    """Graphviz's root transform, 'scale(sx sy) rotate(0) translate(tx ty)', as (sx, sy, tx, ty)."""
    scale = re.search(r"scale\(([-\d.]+)[ ,]+([-\d.]+)\)", text or "")
    translate = re.search(r"translate\(([-\d.]+)[ ,]+([-\d.]+)\)", text or "")
    sx, sy = (float(scale.group(1)), float(scale.group(2))) if scale else (1.0, 1.0)
    tx, ty = (float(translate.group(1)), float(translate.group(2))) if translate else (0.0, 0.0)
    return sx, sy, tx, ty


def points(element):
    """The points a shape covers, in its own coordinates."""
    tag = element.tag.replace(SVG, "")
    if tag in ("polygon", "polyline"):
        numbers = [float(n) for n in re.findall(r"[-\d.]+", element.get("points", ""))]
        return list(zip(numbers[0::2], numbers[1::2]))
    if tag == "ellipse":
        cx, cy = float(element.get("cx")), float(element.get("cy"))
        rx, ry = float(element.get("rx")), float(element.get("ry"))
        return [(cx - rx, cy - ry), (cx + rx, cy + ry)]
    if tag == "text":
        return [(float(element.get("x")), float(element.get("y")))]
    if tag == "path":
        numbers = [float(n) for n in re.findall(r"[-\d.]+", element.get("d", ""))]
        return list(zip(numbers[0::2], numbers[1::2]))
    return []


def screenshot(url, width, height, folder):
    out = os.path.join(folder, "shot.png")
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
         "--user-data-dir=" + os.path.join(folder, "profile"), "--window-size=%d,%d" % (width, height),
         "--screenshot=" + out, url],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return decode_png(out)


def svg(path):
    root = ET.parse(path).getroot()
    view = [float(n) for n in root.get("viewBox").split()]
    width_pt = float(root.get("width").replace("pt", ""))
    height_pt = float(root.get("height").replace("pt", ""))
    graph = root.find(SVG + "g")
    sx, sy, tx, ty = parse_transform(graph.get("transform"))
    outside, rightmost = [], None
    for element in graph.iter():
        for x, y in points(element):
            drawn = ((x + tx) * sx, (y + ty) * sy)
            if not (view[0] - 0.5 <= drawn[0] <= view[0] + view[2] + 0.5 and view[1] - 0.5 <= drawn[1] <= view[1] + view[3] + 0.5):
                outside.append([element.tag.replace(SVG, ""), round(drawn[0], 2), round(drawn[1], 2)])
        fill = element.get("fill", "")
        if element.tag == SVG + "polygon" and re.fullmatch(r"#[0-9a-fA-F]{6}", fill) and fill.lower() not in ("#ffffff", "#f2f2f2"):
            shape = points(element)
            xs, ys = [p[0] for p in shape], [p[1] for p in shape]
            if max(xs) - min(xs) > 6 and max(ys) - min(ys) > 6 and (rightmost is None or max(xs) > rightmost["right"]):
                # Near its right edge, inside the outline, where no centred label is.
                rightmost = {"right": max(xs), "fill": fill.lower(),
                             "probe": [(max(xs) - 3 + tx) * sx, ((min(ys) + max(ys)) / 2 + ty) * sy]}
    # Chromium shows the SVG at its own size: 1 pt is 4/3 CSS px.
    pixel_width, pixel_height = round(width_pt * 4 / 3), round(height_pt * 4 / 3)
    folder = tempfile.mkdtemp(prefix="cursus-chromium-")
    try:
        shot_width, shot_height, rows = screenshot("file://" + os.path.abspath(path), pixel_width, pixel_height, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    shown = None
    if rightmost:
        px = int(rightmost["probe"][0] * pixel_width / view[2])
        py = int(rightmost["probe"][1] * pixel_height / view[3])
        shown = hex_colour(rows[py][px]) if 0 <= px < shot_width and 0 <= py < shot_height else None
    titles = ["".join(t.itertext()) for t in root.iter(SVG + "title")]
    families = sorted({e.get("font-family") for e in root.iter() if e.get("font-family")})
    return {
        "width_pt": width_pt, "height_pt": height_pt, "viewbox": view, "scale": [sx, sy],
        "outside": outside[:20], "outside_count": len(outside),
        "rightmost_fill": rightmost and rightmost["fill"], "rightmost_shown": shown,
        "titles": titles, "tooltips": [a.get(XLINK + "title") for a in root.iter(SVG + "a") if a.get(XLINK + "title")],
        "font_families": families, "role": root.get("role"), "label": root.get("aria-label"),
    }


def pdf(path):
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    folder = tempfile.mkdtemp(prefix="cursus-poppler-")
    try:
        subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", path, os.path.join(folder, "page")],
                       check=True, capture_output=True)
        width, height, rows = decode_png(glob.glob(os.path.join(folder, "page*.png"))[0])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    counts = {}
    for row in rows:
        for rgb in row:
            counts[rgb] = counts.get(rgb, 0) + 1
    total = width * height
    colours = {hex_colour(rgb): round(n / total, 6) for rgb, n in counts.items() if n / total >= 0.0001}
    text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout
    return {"width_pt": float(size.group(1)), "height_pt": float(size.group(2)), "pages": pages, "colours": colours,
            "text": text}


def calc(path, target, pattern):
    """LibreOffice Calc converts the workbook at `path` to `target`; gives the files it wrote,
    matching `pattern`, in a temporary folder the caller removes."""
    folder = tempfile.mkdtemp(prefix="cursus-calc-")
    shutil.copy(path, os.path.join(folder, "book.xlsx"))
    subprocess.run(
        ["soffice", "-env:UserInstallation=file://" + os.path.join(folder, "profile"), "--headless", "--norestore",
         "--convert-to", target, "--outdir", folder, os.path.join(folder, "book.xlsx")],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    return folder, sorted(glob.glob(os.path.join(folder, pattern)))


def workbook_pdf(path):
    folder, files = calc(path, "pdf", "book.pdf")
    try:
        return pdf(files[0])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def workbook(path):
    # CSV filter tokens: comma, double quote, UTF-8, from row 1, no column formats, English (US),
    # quote all text off, detect special numbers on, save as shown OFF (values, not display),
    # formulas off, remove spaces off, every sheet to its own file.
    folder, files = calc(path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1", "book-*.csv")
    try:
        sheets = {}
        for name in files:
            sheet = os.path.basename(name)[len("book-"):-len(".csv")]
            with open(name, newline="", encoding="utf-8") as handle:
                sheets[sheet] = list(csv.reader(handle))
        return sheets
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    command, path = sys.argv[1], sys.argv[2]
    readers = {"svg": svg, "pdf": pdf, "workbook": workbook, "workbook-pdf": workbook_pdf}
    if command not in readers:
        sys.exit("unknown command " + command)
    json.dump(readers[command](path), sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
