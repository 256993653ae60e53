#!/usr/bin/env python3
"""Checks what `polder report` wrote against the inventory it came from (used by test_report_outputs.sh):
the workbook opened by openpyxl (sheets, headers, cells), the CSV folder (one header row, values) and
the HTML page (charts present, nothing loaded from elsewhere) and its headless-Chromium screenshot
(not blank). Usage: check_report_outputs.py INVENTORY.h5 WORKBOOK.xlsx CSV_DIR PAGE.html SHOT.png"""
import csv
import math
import struct
import sys
import zlib

import h5py
import openpyxl

inventory, workbook, csv_dir, page, shot = sys.argv[1:6]
problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


def close(a, b, tol=1e-6):
    return abs(float(a) - float(b)) <= tol * max(1.0, abs(float(b)))


h5 = h5py.File(inventory, "r")
years = [int(y) for y in h5["/inventory/years"][:]]
last = len(years) - 1
rows = [r.decode() if isinstance(r, bytes) else r for r in h5["/crt/rows"][:]]

# ---- workbook ----------------------------------------------------------------------------------
wb = openpyxl.load_workbook(workbook, read_only=False, data_only=True)
expected = ["About", "Summary", "Table4", "Table4.1", "Table4.A", "Table4.B", "Table4.C", "Table4.D", "Table4.E",
            "Table4.F", "Table4(I)", "Table4(II)", "Table4(III)", "Table4(IV)", "Table4(V)", "Table4.G", "Provinces",
            "EU accounting", "EU annual"]
for name in expected:
    check(name in wb.sheetnames, f"workbook has no sheet {name} (has {wb.sheetnames})")


def find_row(ws, first_col_value, after_year=None):
    """The row whose first cell is `first_col_value`, inside the block of `after_year` if given."""
    in_block = after_year is None
    for row in ws.iter_rows(values_only=True):
        if after_year is not None and row[0] == after_year:
            in_block = True
            continue
        if in_block and after_year is not None and isinstance(row[0], (int, float)) and row[0] != after_year:
            in_block = False
        if in_block and row[0] == first_col_value:
            return row
    return None


def header(ws, first):
    for row in ws.iter_rows(values_only=True):
        if row[0] == first:
            return row
    return None


if "Table4.A" in wb.sheetnames:
    ws = wb["Table4.A"]
    h = header(ws, "code")
    check(h is not None and h[1] == "category" and h[2] == "Total area (kha)" and
          h[19] == "Net CO2 emissions/removals (kt)", f"Table4.A header: {h}")
    r = find_row(ws, "4.A.1", years[last])
    check(r is not None, "Table4.A has no 4.A.1 row in the last year")
    if r is not None:
        i = rows.index("4.A.1")
        check(close(r[2], h5["/crt/area_kha"][last, i]), f"4.A.1 area {r[2]} vs {h5['/crt/area_kha'][last, i]}")
        check(close(r[19], h5["/crt/co2_kt"][last, i]), f"4.A.1 net CO2 {r[19]} vs {h5['/crt/co2_kt'][last, i]}")
        check(close(r[12], h5["/crt/living_biomass_gains_kt_c"][last, i]), "4.A.1 living biomass gains")
if "Table4" in wb.sheetnames:
    r = find_row(wb["Table4"], "4", years[0])
    check(r is not None and close(r[5], h5["/inventory/total_kt_co2e"][0]),
          f"Table4 total {years[0]}: {r} vs {h5['/inventory/total_kt_co2e'][0]}")
if "EU accounting" in wb.sheetnames:
    ws = wb["EU accounting"]
    for key in ["period_2021_2025/managed_cropland_kt_co2e", "budget_2026_2029/budget_kt_co2e",
                "target_2030/difference_2030_kt_co2e"]:
        r = find_row(ws, key)
        v = float(h5["/eu_accounting/" + key][()])
        check(r is not None and close(r[2], v), f"EU sheet {key}: {r} vs {v}")
        src = h5["/eu_accounting/" + key].attrs["legal_source"]
        src = src.decode() if isinstance(src, bytes) else src
        check(r is not None and r[5] == src, f"EU sheet {key} legal source {r and r[5]} vs {src}")
if "Table4.1" in wb.sheetnames:
    r = find_row(wb["Table4.1"], "final", years[last])
    total = float(h5["/crt/table_4_1/area_kha"][last].sum())
    check(r is not None and close(r[8], total), f"Table4.1 final area {r} vs {total}")

# ---- CSV folder --------------------------------------------------------------------------------
with open(f"{csv_dir}/table_4_b.csv", newline="") as f:
    table = list(csv.reader(f))
check(table[0][:4] == ["year", "code", "category", "area_kha"], f"table_4_b.csv header {table[0][:4]}")
check(sum(1 for r in table if r and r[0] == "year") == 1, "table_4_b.csv has more than one header row")
i = rows.index("4.B.1")
hit = [r for r in table if r[0] == str(years[last]) and r[1] == "4.B.1"]
check(hit and close(hit[0][3], h5["/crt/area_kha"][last, i]), f"table_4_b.csv 4.B.1 area {hit}")
with open(f"{csv_dir}/summary.csv", newline="") as f:
    summary = list(csv.reader(f))
check(len(summary) == len(years) + 1, f"summary.csv rows {len(summary)} for {len(years)} years")
check(close(summary[-1][-1], h5["/inventory/total_kt_co2e"][last]), "summary.csv total of the last year")

# ---- HTML page -----------------------------------------------------------------------------------
html = open(page, encoding="utf-8").read()
check(html.count("<svg") >= 5, f"the page has {html.count('<svg')} charts, expected at least 5")
for bad in ["<script", "<link", "http://", "https://", "src=\"http"]:
    check(bad not in html, f"the page contains {bad}")
for chart in ["chart-emissions", "chart-land", "chart-provinces", "chart-eu-2021", "chart-eu-path", "table-4-1"]:
    check(f'id="{chart}"' in html, f"the page has no {chart}")
check("kt CO2-eq" in html and "kha" in html, "the page has no units")


def png_pixels(path):
    """Decodes an 8-bit RGB/RGBA PNG (what Chromium writes) into rows of bytes."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8, "only 8-bit PNGs"
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * channels
    prev = bytearray(stride)
    out = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.append(bytes(line))
        prev = line
    return width, height, channels, out


w, hgt, ch, px = png_pixels(shot)
colours = set()
non_white = 0
for y in range(0, hgt, 7):
    line = px[y]
    for x in range(0, w, 7):
        p = line[x * ch:x * ch + 3]
        colours.add(p)
        non_white += p != b"\xff\xff\xff"
check(len(colours) > 50, f"the screenshot has only {len(colours)} colours: blank?")
check(non_white > 2000, f"the screenshot has only {non_white} sampled non-white pixels: blank?")

if problems:
    print("\n".join("FAIL: " + p for p in problems))
    sys.exit(1)
print(f"report outputs: {len(wb.sheetnames)} sheets, {html.count('<svg')} charts, {len(colours)} colours in the "
      f"screenshot; cells agree with the inventory")
