#include "io/synth/land_targets.hpp"

#include <algorithm>
#include <cmath>

#include "solver/core/error.hpp"

namespace polder::io::synth {
namespace {

/// Linear interpolation in a (year, value) table; clamped at the ends.
double interpolate(const std::vector<std::pair<int, double>>& table, int year) {
  if (year <= table.front().first) return table.front().second;
  if (year >= table.back().first) return table.back().second;
  for (std::size_t i = 1; i < table.size(); ++i)
    if (year <= table[i].first) {
      const auto& [y0, v0] = table[i - 1];
      const auto& [y1, v1] = table[i];
      return v0 + (v1 - v0) * (year - y0) / static_cast<double>(y1 - y0);
    }
  return table.back().second;
}

}  // namespace

const std::vector<CrtAreaRow>& crt_reported_areas() {
  // CRT table 4.1 final areas, 2025 submission, via lambwf/Tidy-GHG-Inventories data_land_area_v1.2
  // (shared/reference/crt_nl_land_areas.csv; domain.md section 2).
  static const std::vector<CrtAreaRow> rows = {
      {1990, {362.82, 1013.98, 1521.75, 795.39, 420.81, 39.45}},
      {2005, {371.58, 933.98, 1423.87, 810.93, 575.64, 38.19}},
      {2020, {363.80, 836.71, 1458.73, 823.40, 633.04, 38.51}},
      {2023, {362.35, 811.13, 1481.62, 824.17, 637.28, 37.64}},
  };
  return rows;
}

std::array<double, model::k_land_categories> crt_areas_kha(int year) {
  const auto& rows = crt_reported_areas();
  std::array<double, model::k_land_categories> out{};
  if (year < rows[0].year) {
    // Reconstruction before 1990 (assumption A1 in docs/synthetic-netherlands.md): the 1990→2004 annual
    // change held over 1970→1990, so 20-year transitions are already running when the inventory starts.
    const auto y2004 = crt_areas_kha(2004);
    for (int c = 0; c < model::k_land_categories; ++c) {
      const double rate = (y2004[static_cast<std::size_t>(c)] - rows[0].kha[static_cast<std::size_t>(c)]) / 14.0;
      out[static_cast<std::size_t>(c)] = rows[0].kha[static_cast<std::size_t>(c)] + rate * (year - rows[0].year);
    }
    return out;
  }
  if (year > rows.back().year) {
    // Extrapolation after the last reported year (assumption A34, docs/synthetic-netherlands.md): the
    // annual change of the last reported interval (2020 -> 2023) continues, so the extrapolated 2025 map
    // keeps converting land at the reported recent pace and the 2023 areas stay the reported ones.
    const auto& a = rows[rows.size() - 2];
    const auto& b = rows.back();
    for (int c = 0; c < model::k_land_categories; ++c) {
      const auto ci = static_cast<std::size_t>(c);
      const double rate = (b.kha[ci] - a.kha[ci]) / static_cast<double>(b.year - a.year);
      out[ci] = b.kha[ci] + rate * (year - b.year);
    }
    return out;
  }
  for (int c = 0; c < model::k_land_categories; ++c) {
    std::vector<std::pair<int, double>> table;
    for (const auto& r : rows) table.emplace_back(r.year, r.kha[static_cast<std::size_t>(c)]);
    out[static_cast<std::size_t>(c)] = interpolate(table, year);
  }
  return out;
}

LandTargets land_targets(int year) {
  LandTargets t;
  t.year = year;
  t.crt = crt_areas_kha(year);
  // Assumption A2: heath ~40 kha now ("ongeveer 40.000 hectare" left of ~600,000 ha two centuries ago,
  // Staatsbosbeheer 2023), slightly more after heath restoration from forest since 2010.
  // 2025 (extrapolated map, A34): the 2017-2021 trend continued in every sub-class below.
  t.heath_kha = interpolate({{1970, 42.0}, {1990, 40.0}, {2009, 40.0}, {2021, 42.0}, {2025, 42.67}}, year);
  // Assumption A3: heath + nature grassland. BKN2013 nature area 644.3 kha minus forest (~370), heath
  // (~40), reed/wet (~25) and other land (~38) leaves ~170 kha nature grassland in 2013; BKN2017 656 kha.
  // Growth since 1990 follows the national nature network (EHS/NNN) development; 1970 extrapolated.
  t.open_nature_kha =
      interpolate({{1970, 150.0}, {1990, 170.0}, {2004, 198.0}, {2013, 212.0}, {2021, 222.0}, {2025, 227.0}}, year);
  // Assumption A4: orchards and perennial crops (fruit ~40 kha around 1970 falling to ~17 kha, tree
  // nurseries rising to ~20 kha; CBS agricultural census orders of magnitude, not verified).
  t.orchard_kha = interpolate({{1970, 47.0}, {1990, 43.0}, {2004, 40.0}, {2013, 38.0}, {2021, 38.0}}, year);
  // Assumption A5: trees outside forest (woody patches < 0.5 ha), reported under grassland; no figure found.
  t.trees_outside_forest_kha = 30.0;
  // Assumption A6: urban green ~15 % of settlement area (CBS "recreatieterrein" ~ 90 of ~630 kha).
  t.urban_green_share = 0.15;
  // Assumption A7: gross deforestation (docs/synthetic-netherlands.md). 1990-2004 1.15 kha/yr: CBS
  // (Bodemstatistiek via degroenestad.nl): 115 km2 of forest lost and 210 km2 gained in 1996-2006; the
  // same rate over 1970-1990 (A1: the 1990-2004 rates held then). 2004-2009 1.9 and 2009-2013 2.5 kha/yr:
  // linear in time between the CBS rate (centred on 2001) and the WENR rate (centred on 2015), no
  // figure found for these years (forest area still growing to 2013, NatureToday 2017). 2013-2017 3.04 kha/yr: WENR
  // (NatureToday, 21 Sep 2017: 3,036 ha/yr lost, 1,686 planted). 2017-2021 1.5 kha/yr: net -1,925 ha in
  // four years with the lowest planting in fifty years (below 1.69 kha/yr, so gross below 2.17 kha/yr;
  // WENR 2021), and the Natura-2000 restoration clearing since 2017 to be compensated is 3,400 ha in all
  // (Bossenstrategie, CLO nl1620). 2021-2025 continues the 2017-2021 rate (A34).
  t.gross_deforestation_since_1970_kha = interpolate({{1970, 0.0},
                                                      {1990, 23.0},
                                                      {2004, 39.1},
                                                      {2009, 48.6},
                                                      {2013, 58.6},
                                                      {2017, 70.76},
                                                      {2021, 76.76},
                                                      {2025, 82.76}},
                                                     year);
  // Assumption A8: salt marsh 15–20 kha incl. islands and the Delta (domain.md section 5, [U]); we use 16.
  t.salt_marsh_kha = 16.0;
  return t;
}

}  // namespace polder::io::synth
