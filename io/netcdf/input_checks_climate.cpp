// Checks of the climate forcing file: metadata (same on every rank) and values (years shared out over
// the ranks, first bad value agreed collectively).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include "io/netcdf/input_checks.hpp"
#include "io/netcdf/input_checks_detail.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"

namespace polder::io {
namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ',')) {
    const auto b = item.find_first_not_of(" \t");
    const auto e = item.find_last_not_of(" \t");
    out.push_back(b == std::string::npos ? std::string() : item.substr(b, e - b + 1));
  }
  return out;
}

/// Uniform spacing of a coordinate (positive for increasing); throws naming the first bad step.
double uniform_step(const NcFile& file, const std::string& name, const std::vector<double>& v, bool increasing) {
  if (v.empty()) throw InputError(cat("climate file '", file.path(), "': dimension '", name, "' is empty"));
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!std::isfinite(v[i]))
      throw InputError(cat("climate file '", file.path(), "': ", name, "[", i, "] = ", detail::number(v[i]),
                           " is not a coordinate (RD New metres)"));
  if (v.size() == 1) return 0;
  const double step = v[1] - v[0];
  for (std::size_t i = 1; i < v.size(); ++i) {
    const double s = v[i] - v[i - 1];
    if ((increasing ? s <= 0 : s >= 0) || std::abs(s - step) > 1e-6 * std::abs(step))
      throw InputError(cat("climate file '", file.path(), "': ", name, " must ",
                           increasing ? "increase" : "decrease (north-up)", " in equal steps, but ", name, "[", i - 1,
                           "] = ", v[i - 1], " and ", name, "[", i, "] = ", v[i], " (first step ", step, ")"));
  }
  return std::abs(step);
}

}  // namespace

const std::vector<ClimateVariableSpec>& climate_variables() {
  static const std::vector<ClimateVariableSpec> specs = {
      {"tas", true, "degC", -10, 30},        {"pr", true, "mm yr-1", 0, 3000},
      {"pet", true, "mm yr-1", 0, 1500},     {"precip_deficit", true, "mm", 0, 1000},
      {"gw_anomaly", true, "cm", -300, 300}, {"sea_level", false, "cm", -100, 500},
  };
  return specs;
}

ClimateInfo check_climate_metadata(const NcFile& file) {
  const std::string& path = file.path();
  detail::check_format(file, k_climate_format, k_climate_format_version);
  check_rd_new_crs(file);
  for (const char* dim : {"scenario", "year", "y", "x"})
    if (!file.has_dim(dim))
      throw InputError(cat("climate file '", path, "': dimension '", dim, "' is missing (see docs/input-format.md)"));

  ClimateInfo info;
  info.x = detail::read_coordinate(file, "x");
  info.y = detail::read_coordinate(file, "y");
  info.cell_width_m = uniform_step(file, "x", info.x, true);
  info.cell_height_m = uniform_step(file, "y", info.y, false);
  if (info.x.size() > 1 && info.y.size() > 1 &&
      std::abs(info.cell_width_m - info.cell_height_m) > 1e-6 * info.cell_width_m)
    throw InputError(cat("climate file '", path, "': climate cells must be square, but x steps ", info.cell_width_m,
                         " m and y steps ", info.cell_height_m, " m"));
  if (info.x.size() == 1) info.cell_width_m = info.cell_height_m;
  if (info.y.size() == 1) info.cell_height_m = info.cell_width_m;
  if (info.cell_width_m <= 0)
    throw InputError(cat("climate file '", path, "': a 1 x 1 climate grid has no cell size; use at least 2 cells"));

  detail::require_var(file, "year", NcType::i32, {"year"});
  info.years.resize(file.dim_length("year"));
  if (info.years.empty()) throw InputError(cat("climate file '", path, "': dimension 'year' is empty"));
  file.read<std::int32_t>("year", {0}, {info.years.size()}, std::span<std::int32_t>(info.years));
  for (std::size_t i = 1; i < info.years.size(); ++i)
    if (info.years[i] != info.years[i - 1] + 1)
      throw InputError(cat("climate file '", path, "': years must be contiguous, but year[", i - 1,
                           "] = ", info.years[i - 1], " is followed by ", info.years[i]));

  const auto list = file.get_att_text("", "scenarios");
  if (!list)
    throw InputError(
        cat("climate file '", path, "': global attribute 'scenarios' (e.g. 'Ld,Ln,Md,Mn,Hd,Hn') is missing"));
  info.scenarios = split_list(*list);
  const std::size_t n_scen = file.dim_length("scenario");
  if (info.scenarios.size() != n_scen)
    throw InputError(cat("climate file '", path, "': global attribute scenarios = '", *list, "' names ",
                         info.scenarios.size(), " scenarios, but dimension 'scenario' has ", n_scen));
  std::set<std::string> seen;
  for (const auto& s : info.scenarios)
    if (s.empty() || !seen.insert(s).second)
      throw InputError(
          cat("climate file '", path, "': scenario name '", s, "' in scenarios = '", *list, "' is empty or repeated"));

  info.last_observed_year = detail::require_int_attribute(file, "last_observed_year");
  if (info.last_observed_year < info.years.front() || info.last_observed_year > info.years.back())
    throw InputError(cat("climate file '", path, "': last_observed_year ", info.last_observed_year,
                         " lies outside the years ", info.years.front(), "–", info.years.back()));

  for (const auto& spec : climate_variables()) {
    const std::vector<std::string> dims = spec.gridded ? std::vector<std::string>{"scenario", "year", "y", "x"}
                                                       : std::vector<std::string>{"scenario", "year"};
    detail::require_var(file, spec.name, NcType::f32, dims);
  }
  return info;
}

void check_climate_values(const NcFile& file, const ClimateInfo& info, const parallel::Comm& comm) {
  const std::size_t n_scen = info.scenarios.size(), n_years = info.years.size();
  const std::size_t n_cells = info.x.size() * info.y.size();
  const auto& specs = climate_variables();
  std::optional<std::pair<std::int64_t, std::string>> first;
  const auto consider = [&](std::int64_t key, std::string message) {
    if (!first || key < first->first) first.emplace(key, std::move(message));
  };
  // Every rank reads each variable whole in one collective call (a few MB; the file is chunked by
  // scenario with all years in a chunk, so reading a year at a time would decompress every chunk once
  // per year), then checks its share of the years: r, r + size, ...
  std::vector<float> values;
  for (std::size_t v = 0; v < specs.size(); ++v) {
    const auto& spec = specs[v];
    const std::size_t per_scen = spec.gridded ? n_cells : 1;
    values.assign(n_scen * n_years * per_scen, 0.0F);
    std::vector<std::size_t> start = {0, 0}, count = {n_scen, n_years};
    if (spec.gridded) {
      start.insert(start.end(), {0, 0});
      count.insert(count.end(), {info.y.size(), info.x.size()});
    }
    file.read<float>(spec.name, start, count, std::span<float>(values));
    for (std::size_t yi = static_cast<std::size_t>(comm.rank()); yi < n_years;
         yi += static_cast<std::size_t>(comm.size())) {
      const std::int32_t year = info.years[yi];
      const auto at = [&](std::size_t s, std::size_t c) { return values[(s * n_years + yi) * per_scen + c]; };
      for (std::size_t s = 0; s < n_scen; ++s) {
        for (std::size_t c = 0; c < per_scen; ++c) {
          const double value = static_cast<double>(at(s, c));
          const auto key = static_cast<std::int64_t>(((v * n_years + yi) * n_scen + s) * per_scen + c);
          const auto where = [&] {
            return spec.gridded ? cat(" at the climate cell centred on x = ", detail::metres(info.x[c % info.x.size()]),
                                      " m, y = ", detail::metres(info.y[c / info.x.size()]), " m")
                                : std::string();
          };
          if (!(value >= spec.plausible_min && value <= spec.plausible_max)) {
            consider(key, cat("climate file '", file.path(), "': variable '", spec.name, "' (scenario ",
                              info.scenarios[s], ", year ", year, ")", where(), ": value ", detail::number(value),
                              ", expected a finite value in [", spec.plausible_min, ", ", spec.plausible_max, "] ",
                              spec.units));
            break;
          }
          if (year <= info.last_observed_year && s > 0 && value != static_cast<double>(at(0, c))) {
            consider(key, cat("climate file '", file.path(), "': variable '", spec.name, "' differs between scenarios ",
                              info.scenarios[0], " (", static_cast<double>(at(0, c)), ") and ", info.scenarios[s], " (",
                              value, ") in ", year, where(), "; years up to last_observed_year ",
                              info.last_observed_year, " must be identical in every scenario"));
            break;
          }
        }
      }
    }
  }
  raise_first_error(comm, first);
}

void check_climate_covers(const ClimateInfo& info, const grid::GridWindow& window, const std::string& path) {
  const double half_w = info.cell_width_m / 2, half_h = info.cell_height_m / 2;
  const double west = info.x.front() - half_w, east = info.x.back() + half_w;
  const double north = info.y.front() + half_h, south = info.y.back() - half_h;
  const double cx0 = grid::NationalGrid::x_center(window.col0), cx1 = grid::NationalGrid::x_center(window.col1() - 1);
  const double cy0 = grid::NationalGrid::y_center(window.row0), cy1 = grid::NationalGrid::y_center(window.row1() - 1);
  if (cx0 < west || cx1 > east || cy0 > north || cy1 < south)
    throw InputError(cat("climate file '", path, "': its grid (x ", detail::metres(west), "–", detail::metres(east),
                         " m, y ", detail::metres(south), "–", detail::metres(north),
                         " m) does not cover the input window (cell centres x ", detail::metres(cx0), "–",
                         detail::metres(cx1), " m, y ", detail::metres(cy1), "–", detail::metres(cy0), " m)"));
}

}  // namespace polder::io
