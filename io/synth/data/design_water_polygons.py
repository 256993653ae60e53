#!/usr/bin/env python3
"""Derives the water polygons of the synthetic territory (io/synth/water_polygon_data.cpp).

The CBS province outlines (nl_provinces_rd.geojson) leave out the large waters that the Dutch reporting
territory (4,154.19 kha, CRT 4.1) includes. This script builds them in RD New metres:

1. "hole": every interior ring of the union of the 12 outlines is a lake or estuary the outlines enclose
   (IJsselmeer, Markermeer, the Randmeren, the Delta waters, Lauwersmeer, ...). These are exact.
2. "drawn": Waddenzee, Eems-Dollard and Westerschelde are drawn by hand below (vertices in RD metres
   chosen from the outlines and from town positions: Den Helder, Harlingen, Eemshaven, Delfzijl,
   Vlissingen, Breskens, Bath/Zandvliet at the Belgian border); each is clipped against everything
   before it, so no cell is counted twice.
3. "buffer": a North Sea coastal strip, the part of a buffer of width W around everything above that
   lies on the sea side of a line through the interior of the country (so nothing is added beyond the
   land borders with Belgium and Germany). W is the one free parameter: it is set so that the territory
   equals 4,154.19 kha at 25 m (the real territory includes coastal waters inside the municipal
   boundaries; their exact seaward extent was not available, see docs/synthetic-netherlands.md).

Usage: design_water_polygons.py [W_metres] > ../water_polygon_data.cpp; clang-format -i ../water_polygon_data.cpp
(needs python3-gdal / GEOS)
"""
import json
import os
import sys

from osgeo import ogr

W = float(sys.argv[1]) if len(sys.argv) > 1 else 2675.0
HERE = os.path.dirname(os.path.abspath(__file__))
src = json.load(open(os.path.join(HERE, "nl_provinces_rd.geojson")))


def ring_geom(pts):
    r = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in pts:
        r.AddPoint_2D(float(x), float(y))
    r.CloseRings()
    g = ogr.Geometry(ogr.wkbPolygon)
    g.AddGeometry(r)
    return g


def rings_of(g, min_area_m2=2.0e5):
    """Rings of a (multi)polygon, dropping slivers under 20 ha that clipping leaves behind."""
    out = []
    parts = [g] if g.GetGeometryType() == ogr.wkbPolygon else [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())]
    for p in parts:
        if p.GetGeometryType() != ogr.wkbPolygon or p.GetArea() < min_area_m2:
            continue
        for k in range(p.GetGeometryCount()):
            e = p.GetGeometryRef(k)
            out.append([(round(e.GetX(j)), round(e.GetY(j))) for j in range(e.GetPointCount() - 1)])
    return out


union = None
for f in src["features"]:
    g = ogr.CreateGeometryFromJson(json.dumps(f["geometry"]))
    union = g if union is None else union.Union(g)

# Names of the holes, matched by the centre of their bounding box (RD metres, read off the outlines).
HOLE_NAMES = [("Hollands Diep", 95000, 413000, "inland"), ("Volkerak-Zoommeer", 78000, 409000, "inland"),
              ("Grevelingen", 58000, 417000, "inland"), ("IJsselmeer", 154000, 536000, "inland"),
              ("Gooimeer-Eemmeer", 154750, 476370, "inland"), ("IJmeer", 144000, 480900, "inland"),
              ("Markermeer", 143600, 502300, "inland"), ("Drontermeer", 185860, 501530, "inland"),
              ("Veluwemeer", 177390, 491400, "inland"), ("Wolderwijd-Nuldernauw", 165600, 480850, "inland"),
              ("Ketelmeer-Zwarte Meer", 185430, 512830, "inland"), ("Lauwersmeer", 210500, 599170, "inland"),
              ("Haringvliet", 74730, 421050, "inland"), ("Oosterschelde (west)", 44950, 407450, "tidal"),
              ("Oosterschelde (east)", 61830, 396950, "tidal"), ("Veerse Meer", 36360, 397360, "inland")]

polys = []
for i in range(union.GetGeometryCount()):
    p = union.GetGeometryRef(i)
    for k in range(1, p.GetGeometryCount()):
        r = p.GetGeometryRef(k)
        pts = [(round(r.GetX(j)), round(r.GetY(j))) for j in range(r.GetPointCount() - 1)]
        xs = [q[0] for q in pts]
        ys = [q[1] for q in pts]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        name, _, _, kind = min(HOLE_NAMES, key=lambda t: (t[1] - cx) ** 2 + (t[2] - cy) ** 2)
        polys.append({"name": name, "kind": kind, "origin": "hole", "rings": [pts]})

DRAWN = [
    ("Waddenzee", "tidal",
     # north edge through Texel, Vlieland, Terschelling, Ameland, Schiermonnikoog and Rottumeroog, across
     # the tidal inlets; east edge to Eemshaven; south edge inside the mainland (clipped away).
     [(111000, 551000), (112500, 558000), (116000, 566000), (119000, 576000), (119500, 581000), (126000, 586000),
      (134000, 590500), (140000, 597000), (150000, 600500), (160000, 604000), (165000, 605800), (171000, 606500),
      (180000, 607300), (190000, 608800), (204000, 609500), (212000, 612000), (220500, 614000), (227500, 617800),
      (233000, 615500), (241000, 612500), (250500, 609500), (249000, 600000), (225000, 598000), (205000, 595000),
      (175000, 590000), (160000, 575000), (150000, 563000), (140000, 555000), (132000, 549000), (120000, 546000),
      (112000, 549000)]),
    ("Eems-Dollard", "tidal",
     # Dutch half of the Eems channel (Eemshaven - Delfzijl / Knock) and of the Dollard (to Nieuwe Statenzijl).
     [(250500, 609500), (254000, 608500), (258500, 601000), (261500, 596500), (263500, 595000), (270000, 593000),
      (275500, 590000), (276800, 585000), (276000, 584000), (266000, 590500), (256000, 595000), (252000, 600000),
      (250000, 606000)]),
    ("Westerschelde", "tidal",
     # From the line Vlissingen - Breskens to the Belgian border east of Bath (x = 76 km).
     [(26500, 388000), (29000, 386500), (35000, 388000), (40000, 383000), (45000, 380000), (50000, 381000),
      (53000, 386000), (57500, 387000), (62000, 384500), (69000, 380500), (74000, 380500), (76000, 377700),
      (76000, 376400), (73500, 375500), (70000, 375000), (62000, 374500), (56000, 375500), (49000, 372000),
      (44000, 372500), (33000, 376000), (25500, 380000)]),
]

# Sea side of a line through the interior (Zwin - Zeeuws-Vlaanderen - Brabant - Utrecht - Veluwe - Drenthe -
# Groningen - Dollard - Eems - Borkum west), so the buffer never crosses a land border.
SEA_SIDE = [(0, 640000), (232000, 640000), (232000, 617000), (241000, 612500), (250500, 609500), (254000, 608500),
            (258500, 601000), (261500, 596500), (263500, 595000), (270000, 593000), (275500, 590000), (276800, 585000),
            (265000, 570000), (230000, 540000), (180000, 480000), (135000, 455000), (90000, 400000), (45000, 368000),
            (20000, 372000), (14500, 377000), (5000, 400000), (0, 400000)]

taken = union
for p in polys:
    taken = taken.Union(ring_geom(p["rings"][0]))
for name, kind, ring in DRAWN:
    g = ring_geom(ring).Difference(taken)
    polys.append({"name": name, "kind": kind, "origin": "drawn", "rings": rings_of(g)})
    taken = taken.Union(g)

buf = taken.Buffer(W, 16)
filled = None
parts = [buf.GetGeometryRef(i) for i in range(buf.GetGeometryCount())] if buf.GetGeometryType() == ogr.wkbMultiPolygon else [buf]
for p in parts:
    e = p.GetGeometryRef(0)
    q = ring_geom([(e.GetX(j), e.GetY(j)) for j in range(e.GetPointCount())])
    filled = q if filled is None else filled.Union(q)
strip = filled.Intersection(ring_geom(SEA_SIDE)).SimplifyPreserveTopology(100).Difference(taken)
polys.append({"name": "Noordzee kuststrook", "kind": "sea", "origin": "buffer", "rings": rings_of(strip)})

KIND = {"inland": "WaterKind::inland_lake", "tidal": "WaterKind::tidal", "sea": "WaterKind::sea"}
ORIGIN = {"hole": "WaterOrigin::hole", "drawn": "WaterOrigin::drawn", "buffer": "WaterOrigin::buffer"}
print("// Generated by io/synth/data/design_water_polygons.py (W = %.0f m). Do not edit by hand: change the" % W)
print("// script and rerun it. The polygons are documented in docs/synthetic-netherlands.md (Territory).")
print('#include "synth/water_bodies.hpp"\n')
print("namespace polder::io::synth {\n")
print("const std::vector<WaterBodyData>& water_body_data() {")
print("  static const std::vector<WaterBodyData> data = {")
for p in polys:
    print('      {"%s", %s, %s, {' % (p["name"], KIND[p["kind"]], ORIGIN[p["origin"]]))
    for r in p["rings"]:
        items = ["{%d, %d}" % (x, y) for x, y in r]
        lines = [", ".join(items[i:i + 5]) for i in range(0, len(items), 5)]
        print("          {" + (",\n           ".join(lines)) + "},")
    print("      }},")
print("  };")
print("  return data;")
print("}\n")
print("}  // namespace polder::io::synth")
