#!/usr/bin/python3
"""The bad-input matrix (issue 12): every case is a small broken copy of a valid input stack, climate
file, checkpoint, config or parameter file, or a misuse of the command line. Each must end with exit
code 2 and one message on standard error that names the file, variable, key or cell; no MPI abort
noise; no file written (no output, no partial file, no folder); every file in the work folder
byte-identical afterwards.

  bad_inputs.py --polder BUILD/polder --src SOURCE_DIR --work WORK_DIR [--ranks 2] [--table OUT.md]

Writes the table (case, exit code, message) to --table, or WORK_DIR/bad_inputs.md.
"""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

import h5py
import netCDF4
import numpy as np

NOISE = ("MPI_ABORT", "PMIX", "mpirun has exited", "mpirun noticed", "HDF5-DIAG", "Traceback", "AddressSanitizer")


class Case:
    def __init__(self, name, what, args, pattern, ranks=None, polder=True):
        self.name, self.what, self.args, self.pattern = name, what, args, pattern
        self.ranks, self.polder = ranks, polder


# ---- making broken copies ---------------------------------------------------------------------------

def copy(src, dst):
    shutil.copyfile(src, dst)
    return dst


def truncate(src, dst, fraction):
    data = open(src, "rb").read()
    open(dst, "wb").write(data[: int(len(data) * fraction)])
    return dst


def edit_nc(src, dst, edit):
    copy(src, dst)
    with netCDF4.Dataset(dst, "r+") as d:
        d.set_auto_maskandscale(False)
        edit(d)
    return dst


def set_cell(src, dst, var, row, col, value, map_index=None):
    def edit(d):
        v = d.variables[var]
        if map_index is None:
            v[row, col] = value
        else:
            v[map_index, row, col] = value
    return edit_nc(src, dst, edit)


def rewrite_nc(src, dst, dtype=None, dims=None, drop=(), flip_y=False, keep=None, attrs=None):
    """A new NetCDF-4 file from `src`: variables retyped (dtype), reordered (dims: new dimension order),
    dropped, y flipped (south-up), or cut along a dimension (keep: {dim: index array})."""
    dtype, dims, keep, attrs = dtype or {}, dims or {}, keep or {}, attrs or {}
    with netCDF4.Dataset(src) as s, netCDF4.Dataset(dst, "w", format="NETCDF4") as d:
        s.set_auto_maskandscale(False)
        d.setncatts({a: s.getncattr(a) for a in s.ncattrs()})
        d.setncatts(attrs)
        for name, dim in s.dimensions.items():
            d.createDimension(name, len(keep[name]) if name in keep else len(dim))
        for name, v in s.variables.items():
            if name in drop:
                continue
            t = np.dtype(dtype.get(name, v.dtype))
            order = dims.get(name, v.dimensions)
            fill = v.getncattr("_FillValue") if "_FillValue" in v.ncattrs() else None
            nv = d.createVariable(name, t, order, zlib=bool(order), fill_value=None if fill is None else t.type(fill))
            nv.set_auto_maskandscale(False)
            nv.setncatts({a: v.getncattr(a) for a in v.ncattrs() if a != "_FillValue"})
            data = v[...]
            for dim, idx in keep.items():
                if dim in v.dimensions:
                    data = np.take(data, idx, axis=v.dimensions.index(dim))
            if flip_y and "y" in v.dimensions:
                data = np.flip(data, axis=v.dimensions.index("y"))
            if order != v.dimensions:
                data = np.transpose(data, [v.dimensions.index(x) for x in order])
            nv[...] = data.astype(t)
    return dst


def corrupt_chunk(src, dst, var):
    """Zeroes the first stored chunk of `var`: its deflate stream no longer decodes."""
    copy(src, dst)
    with h5py.File(dst, "r") as f:
        info = f[var].id.get_chunk_info(0)
        offset, size = info.byte_offset, info.size
    with open(dst, "r+b") as f:
        f.seek(offset)
        f.write(b"\0" * size)
    return dst


def corrupt_contiguous(src, dst, dataset, n_bytes=64):
    """Overwrites bytes in the middle of a contiguous dataset with 0xff (NaN for floats)."""
    copy(src, dst)
    with h5py.File(dst, "r") as f:
        d = f[dataset]
        offset = d.id.get_offset() + d.id.get_storage_size() // 2
    with open(dst, "r+b") as f:
        f.seek(offset)
        f.write(b"\xff" * n_bytes)
    return dst


def write(path, text, mode="w"):
    with open(path, mode) as f:
        f.write(text)
    return path


# ---- the matrix -------------------------------------------------------------------------------------

def build_cases(src):
    """Makes every broken file in cases/ and returns the cases (the valid inputs are in the work folder)."""
    os.makedirs("cases", exist_ok=True)
    C = lambda n: os.path.join("cases", n)  # noqa: E731
    run = ["run", "--config", "run.ini", "--quiet"]
    cases = []

    def add(name, what, args, pattern, **kw):
        cases.append(Case(name, what, args, pattern, **kw))

    # Cells to break: inside the territory, on mineral soil, without a forest stand, outside.
    with netCDF4.Dataset("stack.nc") as d:
        d.set_auto_maskandscale(False)
        territory = d["territory"][...]
        soil = d["soil"][...]
        species = d["forest_species"][...]
        glg = d["glg"][...]
        row0 = int(d.getncattr("polder_window_row0"))
        col0 = int(d.getncattr("polder_window_col0"))
        map_years = list(d["map_year"][...])
    inside = np.argwhere(territory == 1)
    r, c = (int(v) for v in inside[len(inside) // 2])
    cell = "national row %d, col %d" % (row0 + r, col0 + c)
    mr, mc = (int(v) for v in np.argwhere((territory == 1) & (soil >= 1) & (soil <= 4))[0])
    nr, nc = (int(v) for v in np.argwhere((territory == 1) & (species == 0))[0])
    gr, gc = (int(v) for v in np.argwhere((territory == 1) & (glg < 400))[0])
    orow, ocol = (int(v) for v in np.argwhere(territory == 0)[0])
    at = lambda rr, cc: "national row %d, col %d" % (row0 + rr, col0 + cc)  # noqa: E731

    # -- input stack: damaged files ----------------------------------------------------------------
    add("stack_truncated", "input stack cut to 60 % of its bytes",
        run + ["--input", truncate("stack.nc", C("truncated.nc"), 0.6)], r"cases/truncated.nc")
    add("stack_corrupt_chunk", "input stack with a zeroed data chunk (territory)",
        run + ["--input", corrupt_chunk("stack.nc", C("corrupt.nc"), "territory")],
        r"cases/corrupt.nc': chunk 0, 0 of variable 'territory' does not decompress")
    add("stack_not_netcdf", "a text file given as the input stack",
        run + ["--input", write(C("text.nc"), "not a NetCDF file\n")], r"cannot open NetCDF file 'cases/text.nc'")
    # -- CRS, lattice, axes, types, dimension order -------------------------------------------------
    add("crs_missing", "no crs variable", run + ["--input", rewrite_nc("stack.nc", C("no_crs.nc"), drop=("crs",))],
        r"no_crs.nc' has no 'crs' grid-mapping variable")
    add("crs_wrong", "crs:epsg_code EPSG:4326 (WGS 84)",
        run + ["--input", edit_nc("stack.nc", C("wgs84.nc"), lambda d: d["crs"].setncattr("epsg_code", "EPSG:4326"))],
        r"wgs84.nc': crs:epsg_code is 'EPSG:4326'")
    add("window_off_lattice", "x shifted by 10 m off the 25 m lattice",
        run + ["--input", edit_nc("stack.nc", C("shifted.nc"), lambda d: d["x"].__setitem__(slice(None), d["x"][:] + 10))],
        r"shifted.nc': x\[0\] = .* is not a cell centre")
    add("south_up", "rows stored south to north (y increasing)",
        run + ["--input", rewrite_nc("stack.nc", C("south_up.nc"), flip_y=True)], r"south_up.nc': y spacing is 25 m .*north-up")
    with netCDF4.Dataset("stack.nc") as d:
        yx = {n: tuple(x if x not in ("y", "x") else {"y": "x", "x": "y"}[x] for x in v.dimensions)
              for n, v in d.variables.items() if "y" in v.dimensions and len(v.dimensions) >= 2}
    add("swapped_axes", "every layer stored as (x, y)",
        run + ["--input", rewrite_nc("stack.nc", C("swapped.nc"), dims=yx)],
        r"swapped.nc': variable 'territory' has dimensions \(x, y\), expected \(y, x\)")
    add("dtype_float64", "glg as float64",
        run + ["--input", rewrite_nc("stack.nc", C("glg_f64.nc"), dtype={"glg": "f8"})],
        r"variable 'glg' has type float64, expected float32")
    add("dtype_int16_codes", "land_use as int16",
        run + ["--input", rewrite_nc("stack.nc", C("lu_i16.nc"), dtype={"land_use": "i2"})],
        r"variable 'land_use' has type int16, expected uint8")
    add("dim_order", "land_use as (y, x, map_year)",
        run + ["--input", rewrite_nc("stack.nc", C("lu_order.nc"), dims={"land_use": ("y", "x", "map_year")})],
        r"variable 'land_use' has dimensions \(y, x, map_year\), expected \(map_year, y, x\)")
    # -- values of every float layer: NaN, Inf, out of range ----------------------------------------
    bad_values = {
        "peat_thickness": [("nan", np.nan), ("range", 2000.0)],
        "glg": [("nan", np.nan), ("inf", np.inf), ("range", 600.0)],
        "ghg": [("nan", np.nan), ("-inf", -np.inf), ("range", -80.0)],
        "ditch_fraction": [("nan", np.nan), ("range", 0.5)],
        "standing_volume": [("nan", np.nan), ("inf", np.inf), ("range", 2000.0)],
        "marsh_elevation": [("nan", np.nan), ("range", 400.0)],
    }
    for var, kinds in bad_values.items():
        for kind, value in kinds:
            name = "%s_%s" % (var, kind.replace("-", "minus_"))
            shown = {"nan": "NaN", "inf": "Inf", "-inf": "-Inf"}.get(kind, "%g" % value)
            add(name, "%s = %s inside the territory" % (var, shown),
                run + ["--input", set_cell("stack.nc", C(name + ".nc"), var, r, c, np.float32(value))],
                r"variable '%s' has a bad value at the cell .*%s\): value %s" % (var, cell, re.escape(shown)))
    add("forest_age_range", "forest_age = 400", run + ["--input", set_cell("stack.nc", C("age.nc"), "forest_age", r, c, 400)],
        r"variable 'forest_age' has a bad value .*%s\): value 400" % cell)
    add("seagrass_year_range", "seagrass_since = 1800",
        run + ["--input", set_cell("stack.nc", C("seagrass.nc"), "seagrass_since", r, c, 1800)],
        r"variable 'seagrass_since' has a bad value .*value 1800")
    add("value_outside_territory", "glg = 100 on a cell outside the territory",
        run + ["--input", set_cell("stack.nc", C("outside.nc"), "glg", orow, ocol, np.float32(100))],
        r"variable 'glg' has a bad value .*%s\): value 100, expected the fill value -9999" % at(orow, ocol))
    # -- codes outside their tables ---------------------------------------------------------------
    for var, value, idx in (("territory", 2, None), ("province", 13, None), ("land_use", 18, 2), ("soil", 7, None),
                            ("forest_species", 10, None), ("yield_class", 6, None)):
        year = " \\(map year %d\\)" % map_years[idx] if idx is not None else ""
        add("code_%s" % var, "%s = %d" % (var, value),
            run + ["--input", set_cell("stack.nc", C("code_%s.nc" % var), var, r, c, value, idx)],
            r"variable '%s'%s has a bad value .*value %d" % (var, year, value))
    # -- inconsistent layers ------------------------------------------------------------------------
    def ghg_below(d):
        d["ghg"][gr, gc] = d["glg"][gr, gc] + np.float32(10)
    add("ghg_below_glg", "ghg 10 cm deeper than glg", run + ["--input", edit_nc("stack.nc", C("ghg_glg.nc"), ghg_below)],
        r"variable 'ghg' has a bad value .*%s\).*at most glg" % at(gr, gc))
    add("peat_on_mineral", "peat_thickness 50 cm on mineral soil",
        run + ["--input", set_cell("stack.nc", C("peat_mineral.nc"), "peat_thickness", mr, mc, np.float32(50))],
        r"variable 'peat_thickness' has a bad value .*%s\): value 50, expected 0 cm on mineral soil" % at(mr, mc))
    add("stand_without_species", "forest_age 20 where forest_species = 0",
        run + ["--input", set_cell("stack.nc", C("no_species.nc"), "forest_age", nr, nc, 20)],
        r"variable 'forest_age' has a bad value .*%s\): value 20, expected -1 where there is no stand" % at(nr, nc))
    # -- map years -------------------------------------------------------------------------------
    def unsorted(d):
        y = d["map_year"][:]
        d["map_year"][1], d["map_year"][2] = y[2], y[1]
    add("map_years_unsorted", "map years %d and %d swapped" % (map_years[1], map_years[2]),
        run + ["--input", edit_nc("stack.nc", C("years_unsorted.nc"), unsorted)], r"map years must increase strictly")
    add("map_years_duplicated", "map year %d twice" % map_years[1],
        run + ["--input", edit_nc("stack.nc", C("years_dup.nc"), lambda d: d["map_year"].__setitem__(2, map_years[1]))],
        r"map_year\[1\] = %d and map_year\[2\] = %d" % (map_years[1], map_years[1]))

    # -- climate ---------------------------------------------------------------------------------
    with netCDF4.Dataset("climate.nc") as d:
        scen = d.getncattr("scenarios").split(",")
        n_years = len(d["year"])
    keep = [i for i, s in enumerate(scen) if s != "Hd"]
    add("climate_truncated", "climate file cut to half", run + ["--set", "run.climate=" + truncate("climate.nc", C("clim_cut.nc"), 0.5)],
        r"cases/clim_cut.nc")
    add("climate_missing_scenario", "climate file without scenario Hd",
        run + ["--set", "run.climate=" + rewrite_nc("climate.nc", C("clim_no_hd.nc"), keep={"scenario": keep},
                                                    attrs={"scenarios": ",".join(scen[i] for i in keep)})],
        r"run.scenario = 'Hd' is not in climate file 'cases/clim_no_hd.nc'")
    add("climate_year_gap", "climate years jump from 1999 to 2001",
        run + ["--set", "run.climate=" + edit_nc("climate.nc", C("clim_gap.nc"),
                                                 lambda d: d["year"].__setitem__(slice(10, None), d["year"][10:] + 1))],
        r"years must be contiguous, but year\[9\] = 1999 is followed by 2001")
    add("climate_too_few_years", "climate file with 1990-1991 only, run to 1993",
        run + ["--set", "run.climate=" + rewrite_nc("climate.nc", C("clim_short.nc"), keep={"year": [0, 1]},
                                                    attrs={"last_observed_year": np.int32(1991)})],
        r"run.start_year..run.end_year = 1990..1993 is not covered by the climate file 'cases/clim_short.nc' \(1990..1991\)")
    add("climate_not_covering", "climate grid 200 km east of the stack",
        run + ["--set", "run.climate=" + edit_nc("climate.nc", C("clim_east.nc"),
                                                 lambda d: d["x"].__setitem__(slice(None), d["x"][:] + 200000))],
        r"clim_east.nc': its grid .* does not cover the input window")
    add("climate_nan", "tas = NaN in one climate cell",
        run + ["--set", "run.climate=" + edit_nc("climate.nc", C("clim_nan.nc"),
                                                 lambda d: d["tas"].__setitem__((3, 5, 1, 1), np.nan))],
        r"clim_nan.nc': variable 'tas' \(scenario %s, year 1995\) at the climate cell .*value NaN" % scen[3])
    add("climate_history_differs", "pr of 2000 differs between scenarios",
        run + ["--set", "run.climate=" + edit_nc("climate.nc", C("clim_hist.nc"),
                                                 lambda d: d["pr"].__setitem__((2, 10, 0, 0), d["pr"][2, 10, 0, 0] + 50))],
        r"variable 'pr' differs between scenarios .* in 2000")
    assert n_years > 12

    # -- configs and command lines: refused before any input is read, so most run as a singleton
    #    (faster); a few run at 2 ranks to show the message is still printed once.
    serial = len(cases)
    base = open("run.ini").read()
    def ini(name, text):
        return write(C(name), text)
    add("config_duplicate_key", "run.end_year given twice",
        ["run", "--config", ini("dup.ini", base.replace("end_year = 1993", "end_year = 1993\nend_year = 1992")), "--quiet"],
        r"cases/dup.ini:\d+: key 'run.end_year' is given twice")
    add("config_empty_value", "scenario = (nothing)",
        ["run", "--config", ini("empty.ini", base.replace("scenario = Hd", "scenario =")), "--quiet"],
        r"cases/empty.ini: run.scenario has an empty value")
    add("config_trailing_junk", "end_year = 1993 1994",
        ["run", "--config", ini("junk.ini", base.replace("end_year = 1993", "end_year = 1993 1994")), "--quiet"],
        r"cases/junk.ini: run.end_year = '1993 1994' is not an integer")
    add("config_junk_line", "a line that is not key = value",
        ["run", "--config", ini("junk_line.ini", base + "this line is junk\n"), "--quiet"], r"cases/junk_line.ini:\d+: expected 'key = value' or '\[section\]', found 'this line is junk'")
    add("config_absurd_start_year", "start_year = 1066",
        ["run", "--config", ini("y1066.ini", base.replace("start_year = 1990", "start_year = 1066")), "--quiet"],
        r"run.start_year = 1066 is outside 1990..2100")
    add("config_absurd_end_year", "end_year = 99999", run + ["--set", "run.end_year=99999"],
        r"run.end_year = 99999 is after 2100")
    add("config_year_overflow", "end_year = 99999999999", run + ["--set", "run.end_year=99999999999"],
        r"run.end_year = '99999999999' is not an integer")
    add("config_tile_size_zero", "tile_size = 0", run + ["--set", "grid.tile_size=0"], r"grid.tile_size = 0 is outside 8..256")
    add("config_tile_size_huge", "tile_size = 100000", run + ["--set", "grid.tile_size=100000"],
        r"grid.tile_size = 100000 is outside 8..256")
    add("config_not_utf8", "run name in Latin-1 (byte 0xe9)",
        ["run", "--config", write(C("latin1.ini"), base.replace("name = ", "name = caf\xe9 ").encode("latin-1"), "wb"),
         "--quiet"], r"cases/latin1.ini:2: byte 0xe9 is not UTF-8")
    add("config_missing_key", "no run.input", ["run", "--config", ini("no_input.ini", re.sub(r"input = .*\n", "", base)), "--quiet"],
        r"missing required key run.input")
    add("config_unknown_key", "a misspelt key", run + ["--set", "run.strat_year=1991"], r"did you mean 'run.start_year'")
    add("config_is_folder", "a folder given as --config", ["run", "--config", "cases", "--quiet"],
        r"config file 'cases' is a folder")
    add("config_bad_boolean", "processes.fire = maybe", run + ["--set", "processes.fire=maybe"],
        r"processes.fire = 'maybe' is not a boolean")
    params = open("params.ini").read()
    first_section = re.search(r"^\[([^\]]+)\]\n(?:[^\[]*\n)", params, re.M)
    section_name = first_section.group(1)
    add("parameter_missing", "parameter file without [%s]" % section_name,
        run + ["--set", "run.parameters=" + write(C("params_missing.ini"), params.replace(first_section.group(0), ""))],
        r"missing parameter \[%s\]" % re.escape(section_name))
    m = re.search(r"^\[([^\]]+)\]\nvalue = (\S+)\nunit = [^\n]*\nrange = (\S+) (\S+)", params, re.M)
    ranged, high = m.group(1), float(m.group(4))
    out_of_range = params.replace(m.group(0), m.group(0).replace("value = " + m.group(2), "value = %g" % (high * 2 + 1)))
    add("parameter_out_of_range", "[%s] value above its range" % ranged,
        run + ["--set", "run.parameters=" + write(C("params_range.ini"), out_of_range)],
        r"params_range.ini: \[%s\]: value .* is outside its range" % re.escape(ranged))
    add("parameter_not_number", "[%s] value = lots" % ranged,
        run + ["--set", "run.parameters=" + write(C("params_nan.ini"), params.replace(m.group(0), m.group(0).replace(
            "value = " + m.group(2), "value = lots")))],
        r"params_nan.ini: \[%s\] value: 'lots' is not a number" % re.escape(ranged))
    add("parameter_duplicate_field", "[%s] value given twice" % ranged,
        run + ["--set", "run.parameters=" + write(C("params_dup.ini"), params.replace(m.group(0), m.group(0).replace(
            "value = " + m.group(2), "value = %s\nvalue = %s" % (m.group(2), m.group(2)))))],
        r"params_dup.ini:\d+: key '%s.value' is given twice" % re.escape(ranged))
    add("parameter_file_is_folder", "a folder given as the parameter file", run + ["--set", "run.parameters=cases"],
        r"run.parameters = 'cases' is a folder")
    os.makedirs(C("folder.nc"), exist_ok=True)
    add("input_is_folder", "a folder given as the input stack", run + ["--input", C("folder.nc")],
        r"run.input = 'cases/folder.nc' is a folder")
    add("input_missing", "an input stack that does not exist", run + ["--input", "missing.nc"],
        r"run.input = 'missing.nc': file not found")
    add("output_folder_missing", "output into a folder that does not exist", run + ["--output", "no_such_folder/run.h5"],
        r"folder 'no_such_folder' does not exist")
    add("output_folder_unwritable", "output into a read-only file system (/sys)", run + ["--output", "/sys/run.h5"],
        r"run.output = '/sys/run.h5': folder '/sys' is not writable")
    add("output_parent_is_file", "output below a regular file", run + ["--output", "run.ini/run.h5"],
        r"'run.ini' is not a folder")
    for what, target, pattern in (("input stack", "stack.nc", "run.input"), ("climate file", "climate.nc", "run.climate"),
                                  ("parameter file", "params.ini", "the parameter file"),
                                  ("config file", "run.ini", "the config file")):
        add("output_is_" + what.split()[0], "run.output = the %s" % what, run + ["--output", "./" + target],
            r"is the same file as %s" % pattern)

    # -- checkpoints ---------------------------------------------------------------------------
    good = "ckpt/polder_checkpoint_1991.h5"
    restart = run + ["--output", "out/restarted.h5", "--restart"]
    add("checkpoint_truncated", "checkpoint cut to 60 %", restart + [truncate(good, C("ck_cut.h5"), 0.6)],
        r"--restart 'cases/ck_cut.h5': .*(truncated|damaged)")
    add("checkpoint_corrupt", "64 bytes of /state/biomass_c overwritten",
        restart + [corrupt_contiguous(good, C("ck_bytes.h5"), "/state/biomass_c")],
        r"--restart 'cases/ck_bytes.h5': .*(damaged|digest)")
    add("checkpoint_other_input", "checkpoint of another input stack",
        restart + [good, "--input", set_cell("stack.nc", C("other_stack.nc"), "glg", gr, gc, glg[gr, gc] + np.float32(1))],
        r"made with a different input stack")
    add("checkpoint_other_scenario", "checkpoint of another scenario", restart + [good, "--set", "run.scenario=Ld"],
        r"made with a different scenario")
    add("checkpoint_other_seed", "checkpoint of another seed", restart + [good, "--set", "run.seed=7"],
        r"run.seed or \[processes\] differ")
    add("checkpoint_other_tiles", "checkpoint of another tile size", restart + [good, "--set", "grid.tile_size=16"],
        r"checkpoint has grid.tile_size = 32, this run 16")
    other_value = m.group(4) if float(m.group(4)) != float(m.group(2)) else m.group(3)  # in range, but another value
    other_params = params.replace(m.group(0), m.group(0).replace("value = " + m.group(2), "value = " + other_value))
    add("checkpoint_other_parameters", "checkpoint of another parameter value",
        restart + [good, "--set", "run.parameters=" + write(C("params_other.ini"), other_params)],
        r"made with a different set of parameter values")
    version = copy(good, C("ck_version.h5"))
    with h5py.File(version, "r+") as f:
        f.attrs["git_revision"] = "0123456789ab"
    add("checkpoint_other_version", "checkpoint written by another code revision", restart + [version],
        r"the checkpoint was made by polder .*0123456789ab")
    add("checkpoint_not_checkpoint", "an HDF5 file that is not a checkpoint", restart + ["stack.nc"],
        r"--restart 'stack.nc' is not a Polder checkpoint")
    add("checkpoint_missing", "a checkpoint that does not exist", restart + ["ckpt/none.h5"], r"--restart 'ckpt/none.h5': file not found")
    add("output_is_checkpoint", "run.output = the checkpoint restarted from", run + ["--restart", good, "--output", good],
        r"same file as the checkpoint restarted from")

    # -- command line ------------------------------------------------------------------------------
    add("cli_unknown_option", "--frobnicate", run + ["--frobnicate"], r"unknown option '--frobnicate'")
    add("cli_unknown_command", "polder rnu", ["rnu"], r"unknown command 'rnu' \(did you mean 'run'\?\)")
    add("cli_set_without_equals", "--set run.end_year", run + ["--set", "run.end_year"],
        r"--set 'run.end_year': expected section.key=value")
    add("cli_negative_checkpoint_every", "--checkpoint-every -1", run + ["--checkpoint-every", "-1"],
        r"run.checkpoint_every = -1 must be >= 0")
    add("cli_negative_repeat", "--repeat -3", run + ["--repeat", "-3"], r"--repeat -3: must be 0 or more")
    add("cli_not_a_number", "--checkpoint-every ten", run + ["--checkpoint-every", "ten"],
        r"the argument \('ten'\) for option '--checkpoint-every' is invalid")
    add("cli_missing_config", "polder run without --config", ["run", "--quiet"], r"'--config' is required")
    add("cli_more_ranks_than_tiles", "3 ranks for 2 tiles (tile_size 256)", run + ["--set", "grid.tile_size=256"],
        r"3 MPI ranks, but the input has only 2 tiles", ranks=3)
    two_ranks = ("config_duplicate_key", "config_not_utf8", "parameter_missing", "output_folder_missing", "output_is_input",
                 "cli_unknown_option", "cli_set_without_equals")
    for case in cases[serial:]:
        if case.ranks is None and not case.name.startswith("checkpoint") and case.name != "output_is_checkpoint":
            case.ranks = 2 if case.name in two_ranks else 1
    return cases


# ---- running and checking -----------------------------------------------------------------------

def snapshot():
    """Every file and folder under the work folder (logs/ excepted) with a digest of each file."""
    state = {}
    for root, dirs, files in os.walk("."):
        dirs[:] = [d for d in dirs if not (root == "." and d == "logs")]
        for d in dirs:
            state[os.path.join(root, d)] = "folder"
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                state[p] = hashlib.sha256(fh.read()).hexdigest()
    return state


def polder_lines(stderr):
    """stderr without Open MPI's own notice that a rank exited with a non-zero code (mpirun prints it for
    any exit code but 0, between two lines of dashes; `mpirun -q` silences it). Everything else counts."""
    out, block = [], None
    for line in stderr.splitlines():
        if line.startswith("-----"):
            if block is None:
                block = []
                continue
            text = " ".join(block)
            if not ("Primary job  terminated normally" in text or "exited with non-zero status" in text):
                out += ["-" * 10] + block + ["-" * 10]
            block = None
            continue
        (out if block is None else block).append(line)
    return out + (block or [])


def run_case(case, args, before):
    ranks = case.ranks or args.ranks
    if ranks == 1:  # a singleton: no mpirun, as a user on a laptop runs it
        cmd = [args.polder] + case.args
    else:
        cmd = [args.mpiexec, "-n", str(ranks), "--oversubscribe", args.polder] + case.args
    t0 = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=300)
    elapsed = time.time() - t0
    with open(os.path.join("logs", case.name + ".err"), "w") as f:
        f.write(p.stderr)
    lines = [l for l in polder_lines(p.stderr) if l.strip()]
    problems = []
    if p.returncode != 2:
        problems.append("exit code %d, expected 2" % p.returncode)
    if len(lines) != 1 or not lines[0].startswith("polder: error: "):
        problems.append("expected one line 'polder: error: ...' on stderr, got %d lines" % len(lines))
    if not re.search(case.pattern, p.stderr):
        problems.append("message does not match /%s/" % case.pattern)
    for noise in NOISE:
        if noise in p.stderr or noise in p.stdout:
            problems.append("'%s' in the output" % noise)
    after = snapshot()
    for path in sorted(set(before) | set(after)):
        if path not in after:
            problems.append("%s was removed" % path)
        elif path not in before:
            problems.append("%s was written" % path)
        elif before[path] != after[path]:
            problems.append("%s changed" % path)
    message = lines[0][len("polder: error: "):] if lines and lines[0].startswith("polder: error: ") else " | ".join(lines)
    return p.returncode, message, problems, elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polder", required=True)
    ap.add_argument("--src", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--mpiexec", default=os.environ.get("MPIEXEC", "mpirun"))
    ap.add_argument("--ranks", type=int, default=2, help="ranks of the cases that read inputs (default 2)")
    ap.add_argument("--table")
    ap.add_argument("--only", help="run the cases whose name matches this regular expression")
    args = ap.parse_args()
    args.polder = os.path.abspath(args.polder)
    args.src = os.path.abspath(args.src)
    table = os.path.abspath(args.table) if args.table else os.path.join(os.path.abspath(args.work), "bad_inputs.md")
    os.environ.update(OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1", OMP_NUM_THREADS="1")
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    os.chdir(args.work)
    os.makedirs("logs")
    os.makedirs("out")

    # The valid inputs: 96 x 192 cells (2 tiles of 256, 21 tiles of 32), 1990-1993, and a checkpoint.
    make = os.path.join(os.path.dirname(args.polder), "polder_make_test_inputs")
    subprocess.run([make, "stack.nc", "climate.nc", "96", "192"], check=True, stdout=subprocess.DEVNULL)
    shutil.copyfile(os.path.join(args.src, "configs/parameters/lulucf_nl.ini"), "params.ini")
    write("run.ini", "[run]\nname = bad input matrix\nstart_year = 1990\nend_year = 1993\ninput = stack.nc\n"
          "climate = climate.nc\nscenario = Hd\noutput = out/run.h5\ncheckpoint_dir = ckpt\nparameters = params.ini\n"
          "[grid]\ntile_size = 32\n")
    subprocess.run([args.mpiexec, "-n", "2", "--oversubscribe", args.polder, "run", "--config", "run.ini", "--quiet",
                    "--checkpoint-every", "2"], check=True)
    os.remove("out/run.h5")
    cases = build_cases(args.src)
    if args.only:
        cases = [c for c in cases if re.search(args.only, c.name)]
    before = snapshot()
    rows, failures = [], 0
    t0 = time.time()
    for case in cases:
        code, message, problems, elapsed = run_case(case, args, before)
        rows.append((case, code, message))
        status = "ok" if not problems else "FAIL"
        print("%-32s %d rank(s) %4.1f s  exit %d  %s" % (case.name, case.ranks or args.ranks, elapsed, code, status),
              flush=True)
        if problems:
            failures += 1
            print("    message: %s" % message)
            for pr in problems:
                print("    - %s" % pr)
            before = snapshot()  # do not blame the next case
    with open(table, "w") as f:
        f.write("| Case | What is wrong | Ranks | Exit | Message (after `polder: error: `) |\n|---|---|---|---|---|\n")
        for case, code, message in rows:
            f.write("| `%s` | %s | %d | %d | %s |\n" % (case.name, case.what, case.ranks or args.ranks, code,
                                                      message.replace("|", "\\|")))
    print("bad-input matrix: %d cases in %.0f s; table in %s" % (len(cases), time.time() - t0, table))
    print("%d passed, %d failed" % (len(cases) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
