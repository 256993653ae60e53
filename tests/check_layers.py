#!/usr/bin/env python3
"""Fails when an #include crosses a layer the wrong way (STYLE.md 1, DESIGN.md "Layers").

Include paths are rooted at the repository ("solver/engine/x.hpp", "io/config/y.hpp"), so the layer
of every project header is in its name. Each folder lists the layers it may include; anything else is
a finding: kernels reaching for the engine or I/O, the grid reaching for carbon, an I/O format
reaching for the engine or a tool, the reporting layer doing I/O.
Usage: tests/check_layers.py [repository root]"""
import pathlib
import re
import sys

FORMATS = {"io/config", "io/netcdf", "io/hdf5", "io/util"}
BASE = {"solver/core"}
ALLOWED = {
    "solver/core": BASE,
    "solver/model": BASE | {"solver/model"},
    "solver/kernels": BASE | {"solver/model", "solver/kernels"},
    "solver/ensemble": BASE | {"solver/model", "solver/kernels", "solver/ensemble"},
    "solver/grid": BASE | {"solver/grid"},
    "solver/parallel": BASE | {"solver/grid", "solver/parallel"},
    "solver/reporting": BASE | {"solver/model", "solver/reporting"},
    "io/util": BASE | {"solver/grid", "solver/parallel", "io/util"},
    # io/config reads the distribution and sampling names from their one table in solver/ensemble, fills
    # the EU accounting parameters of solver/reporting, and checks class names of measures against the
    # code tables of solver/model.
    "io/config": BASE | {"solver/model", "solver/ensemble", "solver/reporting", "io/config"},
    "io/netcdf": BASE | {"solver/grid", "solver/parallel", "solver/model", "io/config", "io/netcdf"},
    "io/hdf5": BASE | {"solver/grid", "solver/parallel", "solver/model", "solver/reporting", "io/config",
                       "io/util", "io/hdf5"},
    "solver/engine": BASE | {"solver/model", "solver/kernels", "solver/ensemble", "solver/grid",
                             "solver/parallel", "solver/reporting", "solver/engine", "polder"} | FORMATS,
    "io/synth": BASE | {"solver/model", "solver/kernels", "solver/grid", "solver/parallel", "io/synth",
                        "polder"} | FORMATS,
    "io/render": BASE | {"solver/model", "solver/grid", "solver/parallel", "io/render"} | FORMATS,
    # The report writers (workbook, CSV folder, HTML page) draw what the reporting layer computes; they
    # read no files themselves (the program reads the inventory with io/hdf5).
    "io/report": BASE | {"solver/model", "solver/reporting", "io/report"},
    "io/ingest": BASE | {"solver/model", "solver/grid", "solver/parallel", "io/synth", "io/ingest"} | FORMATS,
}
UNCHECKED = ("solver/app", "tests", "bench", "validation")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(path: str) -> str:
    parts = path.split("/")
    return "/".join(parts[:2]) if parts[0] in ("solver", "io") else parts[0]


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    findings = []
    checked = 0
    for folder in ("solver", "io"):
        for f in sorted((root / folder).rglob("*")):
            if f.suffix not in (".cpp", ".hpp", ".h", ".cc"):
                continue
            rel = f.relative_to(root).as_posix()
            if rel.startswith(UNCHECKED):
                continue
            layer = layer_of(rel)
            if layer not in ALLOWED:
                findings.append(f"{rel}: folder {layer} has no layer rule in tests/check_layers.py")
                continue
            checked += 1
            for line_no, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = layer_of(m.group(1))
                if m.group(1).split("/")[0] not in ("solver", "io", "polder"):
                    findings.append(f"{rel}:{line_no}: include \"{m.group(1)}\" is not rooted (write the layer path)")
                elif target not in ALLOWED[layer]:
                    findings.append(f"{rel}:{line_no}: {layer} must not include {m.group(1)} ({target})")
    for x in findings:
        print(x)
    if findings:
        print(f"check_layers: {len(findings)} include(s) cross a layer the wrong way")
        return 1
    print(f"check_layers: {checked} files, every include points the right way")
    return 0


if __name__ == "__main__":
    sys.exit(main())
