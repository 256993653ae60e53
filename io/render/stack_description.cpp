#include "io/render/stack_description.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "io/netcdf/row_blocks.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/province.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::io::render {
namespace {

using grid::NationalGrid;

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string kha(std::int64_t cells) {
  return fmt("%10.2f", static_cast<double>(cells) * NationalGrid::cell_area_ha / 1000.0);
}

std::string pad(std::string s, std::size_t n) {
  if (s.size() < n) s.append(n - s.size(), ' ');
  return s;
}

/// Cell counts per code of the class layers info reports, summed on rank 0.
struct ClassAreas {
  std::vector<std::vector<std::int64_t>> land_use;  ///< [map year][code]
  std::vector<std::int64_t> soil, province;
  std::int64_t territory = 0;
};

ClassAreas count_classes(const NcFile& file, const StackInfo& info, const parallel::Comm& comm) {
  ClassAreas a;
  a.land_use.assign(info.map_years.size(), std::vector<std::int64_t>(256, 0));
  a.soil.assign(256, 0);
  a.province.assign(256, 0);
  const RowBlocks blocks(info.window, comm);
  std::vector<std::uint8_t> territory, values;
  const auto count = [&](std::vector<std::int64_t>& into) {
    for (std::size_t i = 0; i < values.size(); ++i)
      if (territory[i] != 0) ++into[values[i]];
  };
  for (std::size_t round = 0; round < blocks.rounds(); ++round) {
    const auto block = blocks.block(round);
    read_block<std::uint8_t>(file, "territory", info.window, block, std::nullopt, territory);
    for (const auto t : territory) a.territory += t != 0 ? 1 : 0;
    for (std::size_t y = 0; y < info.map_years.size(); ++y) {
      read_block<std::uint8_t>(file, "land_use", info.window, block, y, values);
      count(a.land_use[y]);
    }
    read_block<std::uint8_t>(file, "soil", info.window, block, std::nullopt, values);
    count(a.soil);
    read_block<std::uint8_t>(file, "province", info.window, block, std::nullopt, values);
    count(a.province);
  }
  for (auto& v : a.land_use) comm.reduce_sum_to_root(v);
  comm.reduce_sum_to_root(a.soil);
  comm.reduce_sum_to_root(a.province);
  std::vector<std::int64_t> t = {a.territory};
  comm.reduce_sum_to_root(t);
  a.territory = t[0];
  return a;
}

void print_header(const NcFile& file, const StackInfo& info, std::ostream& out) {
  const auto& w = info.window;
  out << file.path() << ": Polder input stack (" << k_stack_format << " v" << k_stack_format_version << ")\n";
  for (const char* att : {"title", "source", "history", "polder_seed"}) {
    const auto v = file.get_att_text("", att);
    if (v && !v->empty()) out << "  " << pad(att, 22) << *v << '\n';
  }
  out << "  " << pad("region", 22) << info.region << '\n'
      << "  " << pad("window", 22) << "rows " << w.row0 << "–" << w.row1() - 1 << ", cols " << w.col0 << "–"
      << w.col1() - 1 << " (" << w.n_rows << " x " << w.n_cols << " cells of 25 m)\n"
      << "  " << pad("", 22) << "RD x " << fmt("%.0f", w.x_west_m()) << "–"
      << fmt("%.0f", w.x_west_m() + w.n_cols * NationalGrid::cell_size_m) << " m, y "
      << fmt("%.0f", w.y_north_m() - w.n_rows * NationalGrid::cell_size_m) << "–" << fmt("%.0f", w.y_north_m())
      << " m (EPSG:28992)\n"
      << "  " << pad("map years", 22);
  for (const auto y : info.map_years) out << y << ' ';
  out << "\n  " << pad("forest reference year", 22) << info.forest_reference_year << "\n\nVariables:\n";
  for (const auto& s : stack_variables()) {
    const char* type = s.type == NcType::u8 ? "uint8" : s.type == NcType::i16 ? "int16" : "float32";
    out << "  " << pad(s.name, 17) << pad(type, 9) << pad(s.per_map_year ? "(map_year, y, x)" : "(y, x)", 18)
        << pad(s.units, 9) << s.long_name << '\n';
  }
}

void print_areas(const StackInfo& info, const ClassAreas& a, std::ostream& out) {
  out << "\nTerritory: " << a.territory
      << " cells = " << fmt("%.2f", static_cast<double>(a.territory) * NationalGrid::cell_area_ha / 1000.0) << " kha\n";
  out << "\nLand use (kha)" << std::string(20, ' ');
  for (const auto y : info.map_years) out << "      " << y;
  out << '\n';
  for (int c = 1; c < model::k_land_use_classes; ++c) {
    out << "  " << pad(cat(c < 10 ? " " : "", c, " ", model::k_land_use_info[static_cast<std::size_t>(c)].key), 32);
    for (const auto& year : a.land_use) out << kha(year[static_cast<std::size_t>(c)]);
    out << '\n';
  }
  std::vector<std::int64_t> invalid(info.map_years.size(), 0);
  for (std::size_t y = 0; y < a.land_use.size(); ++y)
    for (std::size_t c = 0; c < 256; ++c)
      if (!model::is_valid_land_use(static_cast<unsigned>(c))) invalid[y] += a.land_use[y][c];
  if (std::any_of(invalid.begin(), invalid.end(), [](auto n) { return n > 0; })) {
    out << "  " << pad("(no valid class)", 32);
    for (const auto n : invalid) out << kha(n);
    out << '\n';
  }
  out << "  CRT category\n";
  for (int k = 0; k < model::k_land_categories; ++k) {
    out << "  "
        << pad(cat(model::k_crt_codes[static_cast<std::size_t>(k)], " ",
                   model::k_crt_names[static_cast<std::size_t>(k)]),
               32);
    for (const auto& year : a.land_use) {
      std::int64_t n = 0;
      for (int c = 1; c < model::k_land_use_classes; ++c)
        if (model::k_category_of_code[static_cast<std::size_t>(c)] == k) n += year[static_cast<std::size_t>(c)];
      out << kha(n);
    }
    out << '\n';
  }
  out << "\nSoil (kha)\n";
  for (int s = 0; s < model::k_soil_classes; ++s)
    out << "  " << pad(cat(s, " ", model::k_soil_keys[static_cast<std::size_t>(s)]), 32)
        << kha(a.soil[static_cast<std::size_t>(s)]) << '\n';
  out << "  organic (peat + peaty)        " << kha(a.soil[5] + a.soil[6]) << '\n';
  out << "\nProvinces (kha)\n";
  for (int p = 1; p <= model::k_provinces; ++p)
    if (a.province[static_cast<std::size_t>(p)] > 0)
      out << "  " << pad(cat(p < 10 ? " " : "", p, " ", model::k_province_keys[static_cast<std::size_t>(p)]), 32)
          << kha(a.province[static_cast<std::size_t>(p)]) << '\n';
}

}  // namespace

void describe_stack(const NcFile& file, const StackInfo& info, const parallel::Comm& comm, std::ostream& out) {
  const ClassAreas areas = count_classes(file, info, comm);
  if (!comm.is_root()) return;
  print_header(file, info, out);
  print_areas(info, areas, out);
}

void describe_climate(const NcFile& file, const ClimateInfo& info, const parallel::Comm& comm, std::ostream& out) {
  const std::size_t nx = info.x.size(), ny = info.y.size(), ns = info.scenarios.size();
  std::vector<std::int32_t> years = {info.years.front(), info.last_observed_year};
  for (const std::int32_t y : {2050, 2100})
    if (y > info.last_observed_year && y <= info.years.back()) years.push_back(y);
  if (years.back() != info.years.back()) years.push_back(info.years.back());
  years.erase(std::unique(years.begin(), years.end()), years.end());

  if (comm.is_root()) {
    out << file.path() << ": Polder climate forcing (" << k_climate_format << " v" << k_climate_format_version << ")\n";
    for (const char* att : {"title", "source"}) {
      const auto v = file.get_att_text("", att);
      if (v && !v->empty()) out << "  " << pad(att, 20) << *v << '\n';
    }
    out << "  " << pad("scenarios", 20);
    for (const auto& s : info.scenarios) out << s << ' ';
    out << "\n  " << pad("years", 20) << info.years.front() << "–" << info.years.back() << " (observed up to "
        << info.last_observed_year << ", identical in every scenario)\n"
        << "  " << pad("grid", 20) << nx << " x " << ny << " cells of " << fmt("%.0f", info.cell_width_m) << " m, RD x "
        << fmt("%.0f", info.x.front() - info.cell_width_m / 2) << "–"
        << fmt("%.0f", info.x.back() + info.cell_width_m / 2) << " m, y "
        << fmt("%.0f", info.y.back() - info.cell_height_m / 2) << "–"
        << fmt("%.0f", info.y.front() + info.cell_height_m / 2) << " m\n\n"
        << "Per variable and year: mean [min, max] over the climate cells, per scenario\n";
  }
  std::vector<float> slab;
  for (const auto& spec : climate_variables()) {
    const std::size_t per = spec.gridded ? nx * ny : 1;
    if (comm.is_root()) out << "  " << spec.name << " (" << spec.units << ")\n";
    for (const auto year : years) {
      const auto yi = static_cast<std::size_t>(year - info.years.front());
      slab.resize(ns * per);
      std::vector<std::size_t> start = {0, yi}, count = {ns, 1};
      if (spec.gridded) start.insert(start.end(), {0, 0}), count.insert(count.end(), {ny, nx});
      file.read<float>(spec.name, start, count, std::span<float>(slab));
      if (!comm.is_root()) continue;
      out << "    " << year;
      const std::size_t shown = year <= info.last_observed_year ? 1 : ns;
      for (std::size_t s = 0; s < shown; ++s) {
        double sum = 0, lo = 1e300, hi = -1e300;
        for (std::size_t c = 0; c < per; ++c) {
          const auto v = static_cast<double>(slab[s * per + c]);
          sum += v, lo = std::min(lo, v), hi = std::max(hi, v);
        }
        out << "  " << (shown == 1 ? "all" : info.scenarios[s]) << ' ' << fmt("%.1f", sum / static_cast<double>(per));
        if (spec.gridded) out << " [" << fmt("%.1f", lo) << ", " << fmt("%.1f", hi) << "]";
      }
      out << '\n';
    }
  }
}

}  // namespace polder::io::render
