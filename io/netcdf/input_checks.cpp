// Metadata checks of the input stack: format, CRS, the national 25 m lattice, dimensions, variables.

#include "io/netcdf/input_checks.hpp"

#include <netcdf.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "io/netcdf/input_checks_detail.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::io {

using grid::NationalGrid;

namespace detail {

std::string nc_type_name(const NcFile& file, const std::string& var) {
  int varid = -1;
  nc_type t = NC_NAT;
  if (nc_inq_varid(file.id(), var.c_str(), &varid) != NC_NOERR || nc_inq_vartype(file.id(), varid, &t) != NC_NOERR)
    return "unknown";
  switch (t) {
    case NC_BYTE:
      return "int8";
    case NC_UBYTE:
      return "uint8";
    case NC_CHAR:
      return "char";
    case NC_SHORT:
      return "int16";
    case NC_USHORT:
      return "uint16";
    case NC_INT:
      return "int32";
    case NC_UINT:
      return "uint32";
    case NC_INT64:
      return "int64";
    case NC_UINT64:
      return "uint64";
    case NC_FLOAT:
      return "float32";
    case NC_DOUBLE:
      return "float64";
    case NC_STRING:
      return "string";
    default:
      return cat("type ", t);
  }
}

const char* type_name(NcType t) {
  switch (t) {
    case NcType::u8:
      return "uint8";
    case NcType::i16:
      return "int16";
    case NcType::i32:
      return "int32";
    case NcType::f32:
      return "float32";
    case NcType::f64:
      return "float64";
  }
  return "?";
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

void require_var(const NcFile& file, const std::string& var, NcType type, const std::vector<std::string>& dims) {
  const std::string& path = file.path();
  if (!file.has_var(var))
    throw InputError(cat("input file '", path, "': required variable '", var, "' is missing (", type_name(type),
                         " over (", join(dims, ", "), "); see docs/input-format.md)"));
  const std::string actual = nc_type_name(file, var);
  if (actual != type_name(type))
    throw InputError(cat("input file '", path, "': variable '", var, "' has type ", actual, ", expected ",
                         type_name(type), " (see docs/input-format.md)"));
  const auto actual_dims = file.var_dims(var);
  if (actual_dims != dims)
    throw InputError(cat("input file '", path, "': variable '", var, "' has dimensions (", join(actual_dims, ", "),
                         "), expected (", join(dims, ", "), ")"));
}

std::string metres(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
  return cat(v);
}

std::int32_t require_int_attribute(const NcFile& file, const std::string& name) {
  const auto v = file.get_att_double("", name);
  if (!v) throw InputError(cat("input file '", file.path(), "': global attribute '", name, "' is missing"));
  if (*v != std::round(*v))
    throw InputError(cat("input file '", file.path(), "': global attribute '", name, "' = ", *v, " is not an integer"));
  return static_cast<std::int32_t>(*v);
}

void check_format(const NcFile& file, const char* format, int version) {
  const auto f = file.get_att_text("", "polder_format");
  if (!f)
    throw InputError(cat("input file '", file.path(),
                         "' is not a Polder file: global attribute 'polder_format' is "
                         "missing (expected '",
                         format, "')"));
  if (*f != format)
    throw InputError(cat("input file '", file.path(), "' has polder_format '", *f, "', expected '", format, "'"));
  const std::int32_t v = require_int_attribute(file, "polder_format_version");
  if (v != version)
    throw InputError(
        cat("input file '", file.path(), "' has polder_format_version ", v, "; this Polder reads version ", version));
}

std::vector<double> read_coordinate(const NcFile& file, const std::string& name) {
  require_var(file, name, NcType::f64, {name});
  std::vector<double> v(file.dim_length(name));
  file.read<double>(name, {0}, {v.size()}, std::span<double>(v));
  return v;
}

}  // namespace detail

namespace {

using detail::require_var;

std::optional<int> epsg_in_wkt(const std::string& wkt) {
  // The CRS's own identifier is the last EPSG authority in WKT 1 (AUTHORITY["EPSG","28992"]) and WKT 2
  // (ID["EPSG",28992]).
  std::size_t best = std::string::npos;
  std::size_t value_at = 0;
  for (const char* tag : {"AUTHORITY[\"EPSG\",", "ID[\"EPSG\","}) {
    const std::size_t at = wkt.rfind(tag);
    if (at != std::string::npos && (best == std::string::npos || at > best)) {
      best = at;
      value_at = at + std::string(tag).size();
    }
  }
  if (best == std::string::npos) return std::nullopt;
  while (value_at < wkt.size() && (wkt[value_at] == '"' || wkt[value_at] == ' ')) ++value_at;
  return std::atoi(wkt.c_str() + value_at);
}

struct CrsParameter {
  const char* name;
  double value;
  double tolerance;
};

constexpr CrsParameter k_rd_new_parameters[] = {
    {"latitude_of_projection_origin", 52.15616055555555, 1e-6},
    {"longitude_of_projection_origin", 5.38763888888889, 1e-6},
    {"scale_factor_at_projection_origin", 0.9999079, 1e-9},
    {"false_easting", 155000.0, 1e-3},
    {"false_northing", 463000.0, 1e-3},
    {"semi_major_axis", 6377397.155, 1e-3},
    {"inverse_flattening", 299.1528128, 1e-6},
};

void check_grid_mapping(const NcFile& file, const std::string& var) {
  const auto gm = file.get_att_text(var, "grid_mapping");
  if (gm != std::optional<std::string>("crs"))
    throw InputError(cat("input file '", file.path(), "': variable '", var, "' has grid_mapping '", gm.value_or(""),
                         "', expected 'crs' (CF grid mapping of EPSG:28992)"));
}

}  // namespace

void check_rd_new_crs(const NcFile& file) {
  const std::string& path = file.path();
  if (!file.has_var("crs"))
    throw InputError(cat("input file '", path,
                         "' has no 'crs' grid-mapping variable; Polder inputs must be on RD New "
                         "(EPSG:28992)"));
  bool identified = false;
  if (const auto code = file.get_att_text("crs", "epsg_code")) {
    const std::string digits = code->rfind("EPSG:", 0) == 0 ? code->substr(5) : *code;
    if (std::atoi(digits.c_str()) != 28992)
      throw InputError(cat("input file '", path, "': crs:epsg_code is '", *code, "', expected 'EPSG:28992' (RD New)"));
    identified = true;
  } else if (const auto num = file.get_att_double("crs", "epsg_code")) {
    if (*num != 28992)
      throw InputError(cat("input file '", path, "': crs:epsg_code is ", *num, ", expected 28992 (RD New)"));
    identified = true;
  }
  for (const char* att : {"crs_wkt", "spatial_ref"}) {
    const auto wkt = file.get_att_text("crs", att);
    if (!wkt) continue;
    const auto code = epsg_in_wkt(*wkt);
    if (code && *code != 28992)
      throw InputError(
          cat("input file '", path, "': crs:", att, " describes EPSG:", *code, ", expected EPSG:28992 (RD New)"));
    if (code) identified = true;
  }
  if (const auto name = file.get_att_text("crs", "grid_mapping_name")) {
    if (*name != "oblique_stereographic")
      throw InputError(cat("input file '", path, "': crs:grid_mapping_name is '", *name,
                           "', expected 'oblique_stereographic' (RD New, EPSG:28992)"));
    for (const auto& p : k_rd_new_parameters) {
      const auto v = file.get_att_double("crs", p.name);
      if (!v) continue;
      if (std::abs(*v - p.value) > p.tolerance)
        throw InputError(cat("input file '", path, "': crs:", p.name, " = ", *v, " differs from RD New (", p.value,
                             "); the file is not on EPSG:28992"));
    }
    identified = identified || file.get_att_double("crs", "false_easting").has_value();
  }
  if (!identified)
    throw InputError(cat("input file '", path,
                         "': the 'crs' variable does not identify RD New: give epsg_code "
                         "'EPSG:28992', a crs_wkt naming EPSG:28992, or CF oblique_stereographic parameters"));
}

grid::GridWindow detail::lattice_window(const std::string& path, const std::vector<double>& xs,
                                        const std::vector<double>& ys) {
  constexpr double tol = 1e-6;
  constexpr double h = NationalGrid::cell_size_m;
  if (xs.empty() || ys.empty())
    throw InputError(cat("input file '", path, "': dimension '", xs.empty() ? "x" : "y", "' is empty"));
  for (const auto* axis : {&xs, &ys}) {
    const char* name = axis == &xs ? "x" : "y";
    for (std::size_t i = 0; i < axis->size(); ++i)
      if (!std::isfinite((*axis)[i]))
        throw InputError(cat("input file '", path, "': ", name, "[", i, "] = ", detail::number((*axis)[i]),
                             " is not a coordinate (RD New metres)"));
  }
  const double c0 = (xs[0] - NationalGrid::x_min_m) / h - 0.5;
  const double r0 = (NationalGrid::y_max_m - ys[0]) / h - 0.5;
  // Far outside the grid the lattice test below means nothing (and the cell index would not fit an int).
  const auto outside = [&] {
    return InputError(cat("input file '", path, "': the window (x ", detail::metres(xs.front() - h / 2), "–",
                          detail::metres(xs.back() + h / 2), " m, y ", detail::metres(ys.back() - h / 2), "–",
                          detail::metres(ys.front() + h / 2),
                          " m) reaches outside the national grid (x 0–285000 m, y 300000–640000 m)"));
  };
  if (!(c0 > -1.0 && c0 < NationalGrid::n_cols && r0 > -1.0 && r0 < NationalGrid::n_rows)) throw outside();
  if (std::abs(c0 - std::round(c0)) * h > tol)
    throw InputError(cat("input file '", path, "': x[0] = ", detail::metres(xs[0]),
                         " m is not a cell centre of the national 25 m grid "
                         "(centres lie at 12.5 + 25 k m); the grid is misaligned by ",
                         (c0 - std::round(c0)) * h, " m"));
  if (std::abs(r0 - std::round(r0)) * h > tol)
    throw InputError(cat("input file '", path, "': y[0] = ", detail::metres(ys[0]),
                         " m is not a cell centre of the national 25 m grid "
                         "(centres lie at 12.5 + 25 k m); the grid is misaligned by ",
                         (std::round(r0) - r0) * h, " m"));
  for (std::size_t i = 1; i < xs.size(); ++i) {
    const double step = xs[i] - xs[i - 1];
    if (std::abs(step - h) > tol)
      throw InputError(cat("input file '", path, "': x spacing is ", step, " m between x[", i - 1,
                           "] = ", detail::metres(xs[i - 1]), " and x[", i, "] = ", detail::metres(xs[i]),
                           "; the national grid needs x increasing in steps of exactly 25 m"));
  }
  for (std::size_t i = 1; i < ys.size(); ++i) {
    const double step = ys[i - 1] - ys[i];
    if (std::abs(step - h) > tol)
      throw InputError(cat("input file '", path, "': y spacing is ", -step, " m between y[", i - 1,
                           "] = ", detail::metres(ys[i - 1]), " and y[", i, "] = ", detail::metres(ys[i]),
                           "; the national grid needs y decreasing (north-up) in steps of exactly 25 m"));
  }
  const grid::GridWindow w{static_cast<std::int32_t>(std::round(r0)), static_cast<std::int32_t>(std::round(c0)),
                           static_cast<std::int32_t>(ys.size()), static_cast<std::int32_t>(xs.size())};
  if (!w.inside_national()) throw outside();
  return w;
}

StackInfo check_stack_metadata(const NcFile& file) {
  const std::string& path = file.path();
  detail::check_format(file, k_stack_format, k_stack_format_version);
  check_rd_new_crs(file);
  for (const char* dim : {"y", "x", "map_year"})
    if (!file.has_dim(dim))
      throw InputError(cat("input file '", path, "': dimension '", dim, "' is missing (see docs/input-format.md)"));

  StackInfo info;
  info.window = detail::lattice_window(path, detail::read_coordinate(file, "x"), detail::read_coordinate(file, "y"));
  for (const auto& [att, expected] :
       {std::pair{"polder_window_row0", info.window.row0}, std::pair{"polder_window_col0", info.window.col0}}) {
    const auto v = file.get_att_double("", att);
    if (v && *v != expected)
      throw InputError(cat("input file '", path, "': global attribute ", att, " = ", *v,
                           " disagrees with the x/y coordinates (which put it at ", expected, ")"));
  }

  require_var(file, "map_year", NcType::i32, {"map_year"});
  info.map_years.resize(file.dim_length("map_year"));
  if (info.map_years.empty()) throw InputError(cat("input file '", path, "': dimension 'map_year' is empty"));
  file.read<std::int32_t>("map_year", {0}, {info.map_years.size()}, std::span<std::int32_t>(info.map_years));
  for (std::size_t i = 0; i < info.map_years.size(); ++i) {
    const auto y = info.map_years[i];
    if (y < 1900 || y > 2100)
      throw InputError(cat("input file '", path, "': map_year[", i, "] = ", y, " is not a year in 1900–2100"));
    if (i > 0 && y <= info.map_years[i - 1])
      throw InputError(cat("input file '", path, "': map years must increase strictly, but map_year[", i - 1,
                           "] = ", info.map_years[i - 1], " and map_year[", i, "] = ", y));
  }
  info.forest_reference_year = detail::require_int_attribute(file, "forest_reference_year");
  info.region = file.get_att_text("", "polder_region").value_or("");
  if (info.region.empty())
    throw InputError(cat("input file '", path, "': global attribute 'polder_region' is missing"));

  for (const auto& spec : stack_variables()) {
    const std::vector<std::string> dims =
        spec.per_map_year ? std::vector<std::string>{"map_year", "y", "x"} : std::vector<std::string>{"y", "x"};
    require_var(file, spec.name, spec.type, dims);
    check_grid_mapping(file, spec.name);
  }
  return info;
}

}  // namespace polder::io
