#include "io/synth/geography.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "io/synth/distance_transform.hpp"
#include "solver/core/error.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::io::synth {
namespace {

constexpr std::int32_t k_fine = 4;    // 100 m fields
constexpr std::int32_t k_smooth = 8;  // 200 m fields

std::vector<std::vector<PointM>> river_lines() {
  std::vector<std::vector<PointM>> out;
  for (const auto& r : river_table()) out.push_back(r.points);
  return out;
}
std::vector<double> river_widths() {
  std::vector<double> out;
  for (const auto& r : river_table()) out.push_back(r.width_m);
  return out;
}
std::vector<double> reach(const std::vector<double>& widths, double margin_m) {
  std::vector<double> out;
  for (const double w : widths) out.push_back(0.5 * w + margin_m);
  return out;
}

/// Territory labels at the sample cell (4i+2, 4j+2) of every 100 m cell.
void sample_territory(const Territory& t, std::vector<std::uint8_t>& province, std::vector<std::uint8_t>& water) {
  province.assign(CoarseGrid::size(), 0);
  water.assign(CoarseGrid::size(), 0);
  constexpr std::int32_t k_rows_per_chunk = 64;
  parallel::for_each_tile((CoarseGrid::n_rows + k_rows_per_chunk - 1) / k_rows_per_chunk, [&](std::size_t chunk) {
    std::vector<std::uint8_t> p(grid::NationalGrid::n_cols), w(grid::NationalGrid::n_cols);
    const auto i0 = static_cast<std::int32_t>(chunk) * k_rows_per_chunk;
    for (std::int32_t i = i0; i < std::min(CoarseGrid::n_rows, i0 + k_rows_per_chunk); ++i) {
      t.classify_row(i * k_fine + k_fine / 2, 0, grid::NationalGrid::n_cols, p.data(), w.data());
      for (std::int32_t j = 0; j < CoarseGrid::n_cols; ++j) {
        const auto c = static_cast<std::size_t>(j * k_fine + k_fine / 2);
        province[CoarseGrid::index(i, j)] = p[c];
        water[CoarseGrid::index(i, j)] = w[c];
      }
    }
  });
}

CoarseField distance_m(const std::vector<std::uint8_t>& seed, std::int32_t factor, std::int32_t rows,
                       std::int32_t cols) {
  const DistanceField d = distance_transform(rows, cols, seed);
  CoarseField out(factor);
  const double cell = grid::NationalGrid::cell_size_m * factor;
  for (std::size_t k = 0; k < seed.size(); ++k)
    out.values()[k] = static_cast<float>(std::min(1.0e7, static_cast<double>(d.distance[k]) * cell));
  return out;
}

/// Applies `fn(field, row, col, weight)` for every coarse cell within a zone's falloff.
template <typename Fn>
void for_zone_cells(const ZoneRecord& z, const CoarseField& f, double falloff, Fn&& fn) {
  const double reach = std::max(z.a_m, z.b_m) * (1.0 + falloff);
  const double cs = f.cell_size_m();
  const auto c0 = std::max(0, static_cast<std::int32_t>((z.x_m - reach) / cs));
  const auto c1 = std::min(f.n_cols() - 1, static_cast<std::int32_t>((z.x_m + reach) / cs));
  const auto r0 = std::max(0, static_cast<std::int32_t>((grid::NationalGrid::y_max_m - z.y_m - reach) / cs));
  const auto r1 =
      std::min(f.n_rows() - 1, static_cast<std::int32_t>((grid::NationalGrid::y_max_m - z.y_m + reach) / cs));
  for (std::int32_t r = r0; r <= r1; ++r)
    for (std::int32_t c = c0; c <= c1; ++c) {
      const float w = zone_weight(zone_radius(z, f.x_center(c), f.y_center(r)), falloff);
      if (w > 0.0F) fn(r, c, w);
    }
}

/// Separable box blur of radius `radius` cells (twice: close to a Gaussian).
void blur(CoarseField& f, std::int32_t radius) {
  std::vector<float> tmp(f.values().size());
  const std::int32_t nr = f.n_rows(), nc = f.n_cols();
  const auto nrs = static_cast<std::size_t>(nr);
  for (int pass = 0; pass < 2; ++pass) {
    parallel::for_each_tile(nrs, [&](std::size_t rs) {
      const auto r = static_cast<std::int32_t>(rs);
      for (std::int32_t c = 0; c < nc; ++c) {
        float s = 0;
        for (std::int32_t k = -radius; k <= radius; ++k) s += f.at(r, std::clamp(c + k, 0, nc - 1));
        tmp[rs * static_cast<std::size_t>(nc) + static_cast<std::size_t>(c)] = s / static_cast<float>(2 * radius + 1);
      }
    });
    parallel::for_each_tile(nrs, [&](std::size_t rs) {
      const auto r = static_cast<std::int32_t>(rs);
      for (std::int32_t c = 0; c < nc; ++c) {
        float s = 0;
        for (std::int32_t k = -radius; k <= radius; ++k)
          s += tmp[static_cast<std::size_t>(std::clamp(r + k, 0, nr - 1)) * static_cast<std::size_t>(nc) +
                   static_cast<std::size_t>(c)];
        f.at(r, c) = s / static_cast<float>(2 * radius + 1);
      }
    });
  }
}

}  // namespace

float zone_weight(double r, double falloff) {
  if (r <= 1.0) return 1.0F;
  const double t = (r - 1.0) / falloff;
  if (t >= 1.0) return 0.0F;
  const double s = 1.0 - t;
  return static_cast<float>(s * s * (3.0 - 2.0 * s));
}

std::vector<std::vector<PointM>> motorway_lines() {
  std::map<std::string, PointM> towns;
  for (const auto& c : city_table()) towns.emplace(std::string(c.name), PointM{c.x_m, c.y_m});
  std::vector<std::vector<PointM>> out;
  for (const auto& road : motorway_table()) {
    std::vector<PointM> line;
    std::size_t pos = 0;
    const std::string list(road.towns);
    while (pos <= list.size()) {
      std::size_t end = list.find(',', pos);
      if (end == std::string::npos) end = list.size();
      const std::string name = list.substr(pos, end - pos);
      const auto it = towns.find(name);
      POLDER_VERIFY(it != towns.end(), "motorway ", road.name, " passes unknown town '", name, "'");
      line.push_back(it->second);
      pos = end + 1;
    }
    out.push_back(std::move(line));
  }
  return out;
}

const Geography& Geography::national() {
  static const Geography geography(Territory::national());
  return geography;
}

Geography::Geography(const Territory& territory)
    : m_dist_sea(k_fine),
      m_dist_land(k_fine),
      m_urban(k_smooth),
      m_nature_forest(k_smooth),
      m_nature_heath(k_smooth),
      m_nature_sand(k_smooth),
      m_organic(k_smooth),
      m_wet_existing(k_smooth),
      m_wet_dev(k_smooth),
      m_wet_dev_year(k_smooth, 9999.0F),
      m_afforest(k_smooth),
      m_afforest_year(k_smooth, 9999.0F),
      m_orchard(k_smooth),
      m_ridge(k_smooth),
      m_dist_river(k_smooth),
      m_river_width(river_widths()),
      m_rivers(river_lines(), reach(m_river_width, 30.0)),
      m_motorways(motorway_lines(), std::vector<double>(motorway_table().size(), 80.0)) {
  // ---- distances on the 100 m grid
  std::vector<std::uint8_t> province, water;
  sample_territory(territory, province, water);
  std::vector<std::uint8_t> sea(CoarseGrid::size(), 0), land(CoarseGrid::size(), 0);
  const auto& bodies = territory.water_bodies();
  for (std::size_t k = 0; k < province.size(); ++k) {
    if (water[k] != 0 && bodies[water[k] - 1U].kind == WaterKind::sea) sea[k] = 1;
    if (province[k] != 0 && water[k] == 0) land[k] = 1;
  }
  m_dist_sea = distance_m(sea, k_fine, CoarseGrid::n_rows, CoarseGrid::n_cols);
  m_dist_land = distance_m(land, k_fine, CoarseGrid::n_rows, CoarseGrid::n_cols);

  // ---- soil landscapes (first match) with clay polders overriding, on the 100 m grid
  m_soil_landscape.assign(CoarseGrid::size(), 0);
  const auto& soils = soil_landscape_table();
  std::vector<ColumnSpan> spans;
  for (std::size_t s = soils.size(); s-- > 0;) {  // reverse, so the first record is written last and wins
    const ScanlineRasteriser raster(Polygon{{soils[s].ring}});
    const std::int32_t i0 = std::max(0, raster.first_row() / k_fine),
                       i1 = std::min(CoarseGrid::n_rows, raster.last_row() / k_fine + 1);
    for (std::int32_t i = i0; i < i1; ++i) {
      spans.clear();
      raster.row_spans(i * k_fine + k_fine / 2, spans);
      for (const auto& sp : spans)
        for (std::int32_t j = (sp.col_begin + 1) / k_fine; j * k_fine + k_fine / 2 < sp.col_end; ++j)
          m_soil_landscape[CoarseGrid::index(i, j)] = static_cast<std::uint8_t>(s + 1);
    }
  }
  CoarseField fine_probe(k_fine);
  for (const auto& z : polder_zones())
    for_zone_cells(z, fine_probe, 0.0, [&](std::int32_t r, std::int32_t c, float) {
      m_soil_landscape[CoarseGrid::index(r, c)] = k_polder;
    });

  // ---- lake and marsh candidates (100 m): the zone whose falloff reaches the coarse cell
  m_lake_candidate.assign(CoarseGrid::size(), 0);
  m_marsh_candidate.assign(CoarseGrid::size(), 0);
  const auto& lakes = lake_zones();
  for (std::size_t k = lakes.size(); k-- > 0;)
    for_zone_cells(lakes[k], fine_probe, 0.3, [&](std::int32_t r, std::int32_t c, float) {
      m_lake_candidate[CoarseGrid::index(r, c)] = static_cast<std::uint8_t>(k + 1);
    });
  const auto& marshes = marsh_zones();
  for (std::size_t k = marshes.size(); k-- > 0;)
    for_zone_cells(marshes[k], fine_probe, 0.1, [&](std::int32_t r, std::int32_t c, float) {
      m_marsh_candidate[CoarseGrid::index(r, c)] = static_cast<std::uint8_t>(k + 1);
    });

  // ---- towns: influence = max over towns of w / (1 + (d / R)^2), R from population
  for (const auto& town : city_table()) {
    // Built-up area ~0.18 km2 per 1000 inhabitants (Dutch urban densities of 2,500-6,000 per km2 incl.
    // roads and green); R is the radius of that area. New towns get a larger kernel but a lower weight
    // so that they appear after 1970 and reach their size by 2021.
    const double area_km2 = 0.18 * town.population_thousands;
    double radius_m = std::sqrt(area_km2 / 3.14159265358979) * 1000.0;
    float weight = 1.0F;
    if (town.growth_class == 1) {
      radius_m *= 1.15;
      weight = 0.9F;
    } else if (town.growth_class == 2) {
      radius_m *= 2.0;
      weight = 0.5F;
    }
    const ZoneRecord z{town.name, town.x_m, town.y_m, radius_m * 6, radius_m * 6, 0, {0, 0, 0}, 0};
    for_zone_cells(z, m_urban, 0.0, [&](std::int32_t r, std::int32_t c, float) {
      const double dx = m_urban.x_center(c) - town.x_m, dy = m_urban.y_center(r) - town.y_m;
      const double q = (dx * dx + dy * dy) / (radius_m * radius_m);
      m_urban.at(r, c) = std::max(m_urban.at(r, c), static_cast<float>(static_cast<double>(weight) / (1.0 + q)));
    });
  }

  // ---- nature, wet, afforestation, orchard and ridge zones (200 m, soft edges)
  for (const auto& z : nature_zones())
    for_zone_cells(z, m_nature_forest, 0.35, [&](std::int32_t r, std::int32_t c, float w) {
      m_nature_forest.at(r, c) = std::max(m_nature_forest.at(r, c), w * z.value[0]);
      m_nature_heath.at(r, c) = std::max(m_nature_heath.at(r, c), w * z.value[1]);
      m_nature_sand.at(r, c) = std::max(m_nature_sand.at(r, c), w * z.value[2]);
    });
  for (const auto& z : wet_zones()) {
    const bool existing = z.since_year <= 1970;
    for_zone_cells(z, m_wet_existing, 0.25, [&](std::int32_t r, std::int32_t c, float w) {
      const float v = w * z.value[0];
      if (existing) {
        m_wet_existing.at(r, c) = std::max(m_wet_existing.at(r, c), v);
      } else if (v > m_wet_dev.at(r, c)) {
        m_wet_dev.at(r, c) = v;
        m_wet_dev_year.at(r, c) = static_cast<float>(z.since_year);
      }
    });
  }
  for (const auto& z : afforestation_zones())
    for_zone_cells(z, m_afforest, 0.2, [&](std::int32_t r, std::int32_t c, float w) {
      const float v = w * z.value[0];
      if (v > m_afforest.at(r, c)) {
        m_afforest.at(r, c) = v;
        m_afforest_year.at(r, c) = static_cast<float>(z.since_year);
      }
    });
  for (const auto& z : orchard_zones())
    for_zone_cells(z, m_orchard, 0.3, [&](std::int32_t r, std::int32_t c, float w) {
      m_orchard.at(r, c) = std::max(m_orchard.at(r, c), w * z.value[0]);
    });
  for (const auto& z : ridge_zones())
    for_zone_cells(z, m_ridge, 0.4, [&](std::int32_t r, std::int32_t c, float w) {
      m_ridge.at(r, c) = std::max(m_ridge.at(r, c), w * z.value[0]);
    });

  // ---- organic-soil potential (200 m): landscape membership, blurred to soft edges
  for (std::int32_t r = 0; r < m_organic.n_rows(); ++r)
    for (std::int32_t c = 0; c < m_organic.n_cols(); ++c) {
      const std::uint8_t s = m_soil_landscape[CoarseGrid::index(r * 2, c * 2)];
      if (s != 0 && s != k_polder) m_organic.at(r, c) = soils[s - 1U].organic_potential;
    }
  blur(m_organic, 6);

  // ---- distance to the rivers (200 m), for river clay and floodplains
  std::vector<std::uint8_t> river_seed(m_dist_river.values().size(), 0);
  for (const auto& river : river_table()) {
    if (!river.natural) continue;
    for (std::size_t i = 0; i + 1 < river.points.size(); ++i) {
      const auto& a = river.points[i];
      const auto& b = river.points[i + 1];
      const double len = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
      const auto steps = static_cast<std::int32_t>(len / 50.0) + 1;
      for (std::int32_t k = 0; k <= steps; ++k) {
        const double t = static_cast<double>(k) / steps;
        const double x = a.x_m + t * (b.x_m - a.x_m), y = a.y_m + t * (b.y_m - a.y_m);
        const auto c = static_cast<std::int32_t>(x / m_dist_river.cell_size_m());
        const auto r = static_cast<std::int32_t>((grid::NationalGrid::y_max_m - y) / m_dist_river.cell_size_m());
        if (r >= 0 && r < m_dist_river.n_rows() && c >= 0 && c < m_dist_river.n_cols())
          river_seed[static_cast<std::size_t>(r) * static_cast<std::size_t>(m_dist_river.n_cols()) +
                     static_cast<std::size_t>(c)] = 1;
      }
    }
  }
  m_dist_river = distance_m(river_seed, k_smooth, m_dist_river.n_rows(), m_dist_river.n_cols());
}

std::uint8_t Geography::soil_landscape(std::int32_t row, std::int32_t col) const {
  return m_soil_landscape[CoarseGrid::index(row / k_fine, col / k_fine)];
}
std::uint8_t Geography::lake_candidate(std::int32_t row, std::int32_t col) const {
  return m_lake_candidate[CoarseGrid::index(row / k_fine, col / k_fine)];
}
std::uint8_t Geography::marsh_candidate(std::int32_t row, std::int32_t col) const {
  return m_marsh_candidate[CoarseGrid::index(row / k_fine, col / k_fine)];
}

}  // namespace polder::io::synth
