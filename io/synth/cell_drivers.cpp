// The per-cell drivers. The weights and noise scales below shape the patterns (how blobby a forest
// edge is, how far a town sprawls into the country); they are not reference figures: the areas come
// from the calibration, the reference figures and their sources from land_targets.cpp and the feature
// tables (docs/synthetic-netherlands.md).
#include "io/synth/cell_drivers.hpp"

#include <algorithm>
#include <cmath>

#include "solver/grid/national_grid.hpp"

namespace polder::io::synth {
namespace {

using grid::NationalGrid;
using model::SoilClass;

/// Random streams: one per use, so changing one pattern leaves the others alone.
enum Stream : std::uint64_t {
  s_warp_row = 10,
  s_warp_col = 20,
  s_dither = 30,
  s_organic = 40,
  s_organic_fine = 50,
  s_settle = 60,
  s_settle_fine = 70,
  s_village = 80,
  s_roads = 90,
  s_wet_blob = 100,
  s_wet_fine = 110,
  s_forest = 120,
  s_forest_fine = 130,
  s_woodlot = 140,
  s_open = 150,
  s_stand = 160,
  s_other = 170,
  s_beach = 180,
  s_nature = 190,
  s_heath = 200,
  s_parcel = 210,
  s_orchard = 220,
  s_green = 230,
  s_tidal = 240,
  s_channel = 250,
  s_marsh = 260,
  s_dune = 270,
  s_fine = 280,
  s_lake_edge = 290,
  s_river_edge = 300,
  s_arable_year = 310,
  s_stand_v = 320,
  s_zone_warp_row = 330,
  s_zone_warp_col = 340,
  s_defor = 350,
  s_defor_farm = 360,
  s_peat_farm = 370,
};

/// Share of the stands cleared outside heath, drift-sand and dune areas that go to farmland rather
/// than to open nature (assumption A36): WENR (Arets, Schelhaas & Kramer, Natuur Bos Landschap 2017;
/// resource.wur.nl "Forest is replaced by other natural landscapes"): of the forest lost 2013-2017, 38 %
/// went to other nature (heath, drift sand), 11 % to agriculture (temporary forests on farmland,
/// mainly Groningen and Drenthe), 9 % to housing and roads, the rest (~40 %) map artefacts; so of the
/// real loss ~18 % went to agriculture. The restriction to non-heath sites leaves about that share.
constexpr float k_defor_to_farm_share = 0.38F;

/// Wadden islands and Texel: province land north of the mainland coast.
bool on_wadden_island(double x_m, double y_m) {
  // Texel spans y 556-578 km west of x 123.5 km; the other islands lie north of y 578 km (outlines).
  return y_m > 578000.0 || (x_m > 108000.0 && x_m < 123500.0 && y_m > 555800.0);
}

/// Arable farms on peat soils (assumption A35): a share of the peat parcels, drawn per parcel, is farmed
/// as arable land (maize, arable crops, horticulture and tree nurseries) in every map; the key is added
/// where the soil turns out to be peat (the soil class is known only after the calibration, so
/// land_use_model.cpp adds it where the organic key reaches the peat threshold). Peaty soils get no extra
/// tendency. Calibrated to the level and trend of CRT 4.B (docs/method.md section 11): about 55 kha of
/// arable on peat in 1990 and 37 kha in 2021, plus 19 and 15 kha on peaty soils. Thin peaty layers
/// under arable are used up within one or two decades at the Tier 1 factor (as observed in Drenthe:
/// Alterra-rapport 1029, moerige gronden 1,291 ha in 1980 -> 353 ha in 2003), so the reported slow
/// decline of 4.B needs the arable emissions to sit on peat that lasts.
constexpr float k_arable_peat_farm_share = 0.35F;  ///< share of peat parcels farmed as arable
constexpr float k_arable_peat_farm = 0.60F;        ///< their tendency: arable in every map

float province_arable_bias(std::uint8_t province) {
  // Arable share per province, relative (CBS landbouwtelling orders of magnitude: Flevoland, Groningen
  // and Zeeland mostly arable, Friesland and Utrecht mostly grassland). Index = province code.
  constexpr float bias[13] = {0.0F,   0.08F, -0.18F, 0.05F, -0.05F, 0.12F, -0.03F,
                              -0.12F, 0.0F,  -0.05F, 0.12F, 0.02F,  0.05F};
  return bias[province];
}

}  // namespace

DriverModel::DriverModel(std::uint64_t seed, const Territory& territory, const Geography& geography)
    : m_seed(seed), m_territory(territory), m_geo(geography), m_villages(CoarseGrid::k_factor) {
  const auto& soils = soil_landscape_table();
  for (std::size_t s = 0; s < soils.size(); ++s)
    if (soils[s].name == "Veenkolonien") m_colonies_label = static_cast<std::uint8_t>(s + 1);
  // Villages and hamlets: one candidate per 2.5 km lattice cell, present with probability 0.55, at a
  // random point, radius 150-500 m (Dutch villages of a few hundred to a few thousand inhabitants).
  constexpr double k_lattice_m = 2500.0;
  const auto n_i = static_cast<std::int64_t>((NationalGrid::y_max_m - NationalGrid::y_min_m) / k_lattice_m) + 1;
  const auto n_j = static_cast<std::int64_t>(NationalGrid::x_max_m / k_lattice_m) + 1;
  for (std::int64_t i = 0; i < n_i; ++i)
    for (std::int64_t j = 0; j < n_j; ++j) {
      if (uniform(seed, s_village, i, j) >= 0.55F) continue;
      const double vx =
          (static_cast<double>(j) + static_cast<double>(uniform(seed, s_village + 1, i, j))) * k_lattice_m;
      const double vy =
          NationalGrid::y_max_m -
          (static_cast<double>(i) + static_cast<double>(uniform(seed, s_village + 2, i, j))) * k_lattice_m;
      const double u = static_cast<double>(uniform(seed, s_village + 3, i, j));
      const double radius = 150.0 + 350.0 * u * u;
      const double weight = 0.5 + 0.3 * static_cast<double>(uniform(seed, s_village + 4, i, j));
      const double reach = 5.0 * radius;
      const double cs = m_villages.cell_size_m();
      const auto c0 = std::max(0, static_cast<std::int32_t>((vx - reach) / cs));
      const auto c1 = std::min(m_villages.n_cols() - 1, static_cast<std::int32_t>((vx + reach) / cs));
      const auto r0 = std::max(0, static_cast<std::int32_t>((NationalGrid::y_max_m - vy - reach) / cs));
      const auto r1 =
          std::min(m_villages.n_rows() - 1, static_cast<std::int32_t>((NationalGrid::y_max_m - vy + reach) / cs));
      for (std::int32_t r = r0; r <= r1; ++r)
        for (std::int32_t c = c0; c <= c1; ++c) {
          const double dx = m_villages.x_center(c) - vx, dy = m_villages.y_center(r) - vy;
          const double q = (dx * dx + dy * dy) / (radius * radius);
          m_villages.at(r, c) = std::max(m_villages.at(r, c), static_cast<float>(weight / (1.0 + q)));
        }
    }
}

/// Every noise field the drivers read, for one row span (index = column - col0).
struct DriverModel::RowNoise {
  std::int32_t n = 0;
  std::vector<float> warp_row, warp_col, organic, organic_fine, river_edge, dune, settle, settle_fine, roads, green,
      wet_blob, wet_blob_fine, wet_fine, open, forest, forest_fine, woodlot, dune_woodlot, other, beach, nature,
      nature_peat, heath, lake_edge, marsh_land, marsh_reach, marsh_fine, tidal_channel, tidal_shoal, zone_warp_row,
      zone_warp_col, defor, scratch;

  void compute(std::uint64_t seed, std::int32_t row, std::int32_t col0, std::int32_t count,
               const std::int32_t* offsets) {
    n = count;
    const auto fill = [&](std::vector<float>& v, std::uint64_t stream, double spacing) {
      v.resize(static_cast<std::size_t>(n));
      noise_row(seed, stream, row, col0, n, spacing, v.data(), offsets);
    };
    const auto fill2 = [&](std::vector<float>& v, std::uint64_t stream, double spacing) {
      v.resize(static_cast<std::size_t>(n));
      scratch.resize(static_cast<std::size_t>(n));
      fbm2_row(seed, stream, row, col0, n, spacing, v.data(), scratch.data(), offsets);
    };
    fill2(warp_row, s_warp_row, 100.0);
    fill2(warp_col, s_warp_col, 100.0);
    fill2(organic, s_organic, 120.0);
    fill(organic_fine, s_organic_fine, 10.0);
    fill(river_edge, s_river_edge, 30.0);
    fill2(dune, s_dune, 400.0);
    fill(settle, s_settle, 40.0);
    fill(settle_fine, s_settle_fine, 12.0);
    fill(roads, s_roads, 80.0);
    fill2(green, s_green, 24.0);
    fill2(wet_blob, s_wet_blob, 48.0);
    fill(wet_blob_fine, s_wet_blob + 5, 10.0);
    fill(wet_fine, s_wet_fine, 10.0);
    fill(open, s_open, 20.0);
    fill2(forest, s_forest, 32.0);
    fill(forest_fine, s_forest_fine, 10.0);
    fill2(woodlot, s_woodlot, 24.0);
    fill2(dune_woodlot, s_woodlot + 7, 30.0);
    fill2(other, s_other, 30.0);
    fill(beach, s_beach, 40.0);
    fill2(nature, s_nature, 24.0);
    fill(nature_peat, s_nature + 3, 40.0);
    fill(heath, s_heath, 16.0);
    fill2(lake_edge, s_lake_edge, 16.0);
    fill(marsh_land, s_marsh + 2, 20.0);
    fill(marsh_reach, s_marsh, 24.0);
    fill(marsh_fine, s_marsh + 1, 8.0);
    fill2(tidal_channel, s_channel, 120.0);
    fill2(tidal_shoal, s_tidal, 40.0);
    fill2(zone_warp_row, s_zone_warp_row, 160.0);
    fill2(zone_warp_col, s_zone_warp_col, 160.0);
    fill2(defor, s_defor, 60.0);
  }
};

CellDrivers DriverModel::evaluate(std::int32_t row, std::int32_t col, std::uint8_t province,
                                  std::uint8_t water_body) const {
  CellDrivers d;
  evaluate_row(row, col, 1, &province, &water_body, &d);
  return d;
}

void DriverModel::evaluate_row(std::int32_t row, std::int32_t col0, std::int32_t n, const std::uint8_t* province,
                               const std::uint8_t* water, CellDrivers* out, const std::int32_t* offsets) const {
  thread_local RowNoise noise;
  bool computed = false;
  for (std::int32_t k = 0; k < n; ++k) {
    CellDrivers& d = out[k];
    d = CellDrivers{};
    d.province = province[k];
    d.water_body = water[k];
    if (d.province == 0) continue;
    if (!computed) {
      noise.compute(m_seed, row, col0, n, offsets);
      computed = true;
    }
    const Cell cell{row, col0 + (offsets != nullptr ? offsets[k] : k)};
    d.fine_u = uniform(m_seed, s_fine, cell.row, cell.col);
    d.dist_sea_m = m_geo.dist_sea_m().sample(cell.row, cell.col);
    if (d.water_body != 0) {
      evaluate_water(cell, noise, static_cast<std::size_t>(k), d);
    } else {
      evaluate_land(cell, noise, static_cast<std::size_t>(k), d);
    }
  }
}

void DriverModel::evaluate_water(Cell cell, const RowNoise& noise, std::size_t k, CellDrivers& d) const {
  const auto& body = m_territory.water_bodies()[d.water_body - 1U];
  if (body.kind != WaterKind::tidal) return;
  // Tidal elevation rank: shallower near land, cut by channels (ridged noise, 3 km) and shoals (1 km).
  const float dist_land = m_geo.dist_land_m().sample(cell.row, cell.col);
  const float shallow = std::exp(-dist_land / 3000.0F);
  const float channel = 1.0F - std::abs(2.0F * noise.tidal_channel[k] - 1.0F);
  d.tidal = to_key(0.45F * shallow + 0.35F * noise.tidal_shoal[k] + 0.2F * (1.0F - channel));
  // Salt marsh: tidal cells close to land inside a marsh zone.
  const std::uint8_t zone = m_geo.marsh_candidate(cell.row, cell.col);
  if (zone != 0) {
    const auto& z = marsh_zones()[zone - 1U];
    const double x = NationalGrid::x_center(cell.col), y = NationalGrid::y_center(cell.row);
    const float reach = z.value[0] * (0.7F + 0.6F * noise.marsh_reach[k]);
    if (zone_radius(z, x, y) < 1.0 && dist_land < reach) {
      const float closeness = 1.0F - dist_land / reach;
      d.marsh = to_key(0.3F + 0.7F * closeness * (0.7F + 0.3F * noise.marsh_fine[k]));
    }
  }
}

void DriverModel::evaluate_land(Cell cell, const RowNoise& noise, std::size_t k, CellDrivers& d) const {
  const std::uint64_t seed = m_seed;
  const std::int32_t row = cell.row, col = cell.col;
  const double x = NationalGrid::x_center(col), y = NationalGrid::y_center(row);

  // ---- soil landscape, looked up at a warped position so boundaries meander (+-1 km in 2.5 km waves
  // plus +-2 km in 4-12 km waves)
  const double warp_r = 80.0 * static_cast<double>(noise.warp_row[k] - 0.5F) +
                        160.0 * static_cast<double>(noise.zone_warp_col[k] - 0.5F) +
                        4.0 * static_cast<double>(uniform(seed, s_dither, row, col) - 0.5F);
  const double warp_c = 80.0 * static_cast<double>(noise.warp_col[k] - 0.5F) +
                        160.0 * static_cast<double>(noise.zone_warp_row[k] - 0.5F) +
                        4.0 * static_cast<double>(uniform(seed, s_dither + 1, row, col) - 0.5F);
  const auto lr = std::clamp(static_cast<std::int32_t>(row + warp_r), 0, NationalGrid::n_rows - 1);
  const auto lc = std::clamp(static_cast<std::int32_t>(col + warp_c), 0, NationalGrid::n_cols - 1);
  d.landscape = m_geo.soil_landscape(lr, lc);
  const auto& soils = soil_landscape_table();
  const bool polder = d.landscape == Geography::k_polder;
  SoilLandscape kind = SoilLandscape::sand;
  if (polder) {
    d.mineral = SoilClass::marine_clay;
    kind = SoilLandscape::marine_clay;
  } else if (d.landscape != 0) {
    d.mineral = soils[d.landscape - 1U].mineral_class;
    kind = soils[d.landscape - 1U].kind;
  } else if (d.province == 5) {
    d.mineral = SoilClass::marine_clay;  // Flevoland: IJsselmeer clay polders
  }
  const float dist_river = m_geo.dist_river_m().sample(row, col);
  const float river_noise = noise.river_edge[k];
  if (d.mineral == SoilClass::sand && dist_river < 900.0F + 900.0F * river_noise) d.mineral = SoilClass::river_clay;
  // Coastal dune belt: 0.8-3.3 km wide (widest at Schoorl and the Amsterdam Water Supply Dunes).
  const float dune_width = 800.0F + 2500.0F * noise.dune[k];
  d.dune = d.dist_sea_m < dune_width;
  if (d.dune) d.mineral = SoilClass::sand;
  const bool sandy = d.mineral == SoilClass::sand;
  const bool island = on_wadden_island(x, y);

  // ---- organic-soil potential (peat and peaty soils are thresholds on it): the landscape potential at
  // the warped position, broken up by 3 km and 250 m patterns (clay-on-peat, river levees, dug-out and
  // oxidised parts)
  const float op =
      (polder || d.dune || d.mineral == SoilClass::loess) ? 0.0F : m_geo.organic_potential().sample(lr, lc);
  if (op > 0.03F) d.organic = to_key(op * (0.3F + 0.7F * noise.organic[k]) + 0.12F * (noise.organic_fine[k] - 0.5F));

  // ---- static inland water: rivers and lakes
  const NearestSegment river = m_geo.rivers().nearest(row, col);
  if (river.line >= 0) {
    const double half = 0.5 * m_geo.river_width_m()[static_cast<std::size_t>(river.line)];
    const double edge = 12.0 * static_cast<double>(uniform(seed, s_river_edge + 1, row / 8, col / 8) - 0.5F);
    if (river.distance_m < half + edge) d.lake_from = 0;
  }
  if (const std::uint8_t lake = m_geo.lake_candidate(row, col); lake != 0 && d.lake_from != 0) {
    const auto& z = lake_zones()[lake - 1U];
    const double r = zone_radius(z, x, y) + 0.3 * static_cast<double>(noise.lake_edge[k] - 0.5F);
    if (r < 1.0) {
      std::uint8_t from = 0;
      while (from < k_map_years && k_synth_map_years[from] < z.since_year) ++from;
      d.lake_from = from;
    }
  }
  // On-land salt-marsh zones (Saeftinghe, Zwin): candidates ranked above the tidal fringe.
  if (const std::uint8_t zone = m_geo.marsh_candidate(row, col); zone != 0) {
    const auto& z = marsh_zones()[zone - 1U];
    if (z.value[1] > 0.5F && zone_radius(z, x, y) + 0.2 * static_cast<double>(noise.marsh_land[k] - 0.5F) < 1.0)
      d.marsh = to_key(0.85F + 0.15F * noise.marsh_fine[k]);
  }

  // ---- nature context: zones and towns are looked up at a position warped by up to +-1.5 km (4 km
  // waves), so ellipses and town kernels lose their regular outlines
  const auto zr =
      std::clamp(static_cast<std::int32_t>(static_cast<float>(row) + 120.0F * (noise.zone_warp_row[k] - 0.5F)), 0,
                 NationalGrid::n_rows - 1);
  const auto zc =
      std::clamp(static_cast<std::int32_t>(static_cast<float>(col) + 120.0F * (noise.zone_warp_col[k] - 0.5F)), 0,
                 NationalGrid::n_cols - 1);
  const float nf = m_geo.nature_forest().sample(zr, zc);
  const float nh = m_geo.nature_heath().sample(zr, zc);
  const float ns = m_geo.nature_sand().sample(zr, zc);
  const float we = m_geo.wet_existing().sample(zr, zc);
  const float wd = m_geo.wet_development().sample(zr, zc);
  const float wy = m_geo.wet_development_year().nearest(zr, zc);
  d.ridge = m_geo.ridge().sample(zr, zc);
  d.wetness = std::max(we, wd);

  // ---- settlements: towns and villages, spread out in neighbourhoods, avoiding nature and wetland
  const float town = std::max(m_geo.urban_potential().sample(zr, zc), m_villages.sample(row, col));
  float settle = town * (0.8F + 0.4F * noise.settle[k]) + 0.1F * (noise.settle_fine[k] - 0.5F);
  settle *= (1.0F - 0.55F * nf) * (1.0F - 0.5F * we);
  const ParcelInfo parcel = parcel_of(seed, s_parcel, cell, 6, 32);
  const NearestSegment motorway = m_geo.motorways().nearest(row, col);
  if (motorway.line >= 0 && motorway.distance_m < 30.0) {
    d.road = 2;
    settle = 0.97F + 0.02F * d.fine_u;
  } else {
    // Rural roads along parcel edges: ~1 strip edge in 8 and ~1 parcel end in 14; they appear over the
    // years (road building and better mapping), ranked by a draw per road.
    const float strip_u = unit_float(parcel.strip);
    const float end_u = unit_float(mix64(parcel.id ^ 0x5bd1e995ULL));
    const bool road_here = ((parcel.edge_across && strip_u < 0.125F) || (parcel.edge_along && end_u < 0.07F)) &&
                           noise.roads[k] > nf * 0.8F;
    if (road_here) {
      d.road = 1;
      settle = std::max(settle, 0.25F + 0.6F * (parcel.edge_across ? strip_u * 8.0F : end_u * 14.0F));
    }
  }
  d.settle = to_key(settle);
  d.green = to_key(0.9F * noise.green[k] + 0.1F * d.fine_u);

  // ---- wetlands: ponds and small lakes in the lowlands, existing reed marshes, new wet nature
  const bool lowland = d.mineral == SoilClass::marine_clay || d.mineral == SoilClass::river_clay || op > 0.2F;
  const float blob = (lowland ? 1.0F
                      : sandy ? 0.45F
                              : 0.6F) *
                     (0.6F * noise.wet_blob[k] + 0.4F * noise.wet_blob_fine[k]);
  const float w_blob = 0.62F * blob;
  const float w_existing = we > 0.02F ? 0.42F + 0.55F * we * (0.65F + 0.35F * noise.wet_fine[k]) : 0.0F;
  const float w_dev = wd > 0.02F ? 0.42F + 0.55F * wd * (0.65F + 0.35F * noise.wet_fine[k]) : 0.0F;
  for (int y_i = 0; y_i < k_map_years; ++y_i) {
    const float dev = static_cast<float>(k_synth_map_years[static_cast<std::size_t>(y_i)]) >= wy ? w_dev : 0.0F;
    d.wet[static_cast<std::size_t>(y_i)] = to_key(std::max({w_blob, w_existing, dev}));
  }
  d.reed_split = std::max(w_existing, w_dev) > w_blob ? d.fine_u < 0.55F : d.fine_u < 0.15F;

  // ---- forest: nature areas, woodlots on the sands, dune forest; open heath and drift sand stay open
  float forest = 0.6F * nf * (0.5F + 0.5F * noise.forest[k]) + 0.25F * noise.forest_fine[k] +
                 (sandy ? 0.18F * noise.woodlot[k] : 0.0F) - 0.5F * nh * noise.open[k] - 0.6F * ns;
  if (d.dune && d.dist_sea_m > 300.0F) forest += 0.3F * noise.dune_woodlot[k];
  if (!sandy) forest -= 0.05F;
  d.forest = to_key(forest);
  // Stands: 75 m x 250 m compartments on a warped grid, one species/age draw each.
  const ParcelInfo stand =
      parcel_of(seed, s_stand,
                {static_cast<std::int32_t>(row + warp_r * 0.3), static_cast<std::int32_t>(col + warp_c * 0.3)}, 3, 10);
  d.stand_u = unit_float(stand.id);
  d.stand_v = unit_float(mix64(stand.id ^ s_stand_v));
  // Clearing comes in clusters (heath and drift-sand restoration projects, building sites), stand by stand.
  d.defor = to_key(0.25F * d.stand_u + 0.4F * noise.defor[k] + 0.25F * nh + 0.1F * ns);
  // Stands cleared for farmland (A36): woodlots and former temporary forests on agricultural sites, not
  // the heath, drift-sand and dune restoration areas.
  d.defor_to_farm =
      nh < 0.3F && ns < 0.05F && !d.dune && unit_float(mix64(stand.id ^ s_defor_farm)) < k_defor_to_farm_share;
  const float az = m_geo.afforestation().sample(zr, zc);
  const float ay = m_geo.afforestation_year().nearest(zr, zc);
  const float planted = ay + 15.0F * d.stand_v;  // zones are planted over about 15 years
  for (int y_i = 0; y_i < k_map_years; ++y_i) {
    const bool active = az > 0.02F && static_cast<float>(k_synth_map_years[static_cast<std::size_t>(y_i)]) >= planted;
    d.afforest[static_cast<std::size_t>(y_i)] = to_key(std::max(active ? 0.55F + 0.45F * az : 0.0F, 0.92F * forest));
  }

  // ---- bare sand: beaches, island sand plains, bare dunes, drift sand, open patches in heath
  const float other_n = noise.other[k];
  float other = 0.05F * nh * other_n;
  if (d.dist_sea_m < 80.0F + 220.0F * noise.beach[k]) other = 0.9F + 0.09F * d.fine_u;
  if (island && d.dist_sea_m < 1800.0F) other = std::max(other, 0.5F + 0.4F * other_n);
  if (d.dune) other = std::max(other, (d.dist_sea_m < 900.0F ? 0.35F : 0.1F) + 0.35F * other_n);
  if (ns > 0.05F) other = std::max(other, 0.3F + 0.65F * ns * (0.6F + 0.4F * other_n));
  d.other = to_key(other);

  // ---- open nature: heath, dune grassland, floodplains, wet meadows, peat-meadow reserves
  const float nn = noise.nature[k];
  float nature = std::max({nh * (0.55F + 0.45F * nn), d.dune ? 0.45F + 0.35F * nn : 0.0F, we * 0.6F, nf * 0.3F * nn});
  if (dist_river < 600.0F * (0.6F + 0.8F * river_noise)) nature = std::max(nature, 0.3F + 0.3F * nn);
  if (op > 0.5F) nature = std::max(nature, 0.25F * noise.nature_peat[k]);
  d.nature = to_key(nature);
  d.heath = to_key(0.75F * nh + 0.25F * noise.heath[k] + (d.dune && island ? 0.25F : 0.0F));

  // ---- agriculture: orchards, arable vs grassland per parcel (with rotation), trees outside forest
  const float parcel_u = unit_float(parcel.id);
  d.orchard = to_key(m_geo.orchard().sample(zr, zc) * (0.45F + 0.55F * unit_float(mix64(parcel.id ^ s_orchard))));
  float base = kind == SoilLandscape::loess          ? 0.7F
               : d.mineral == SoilClass::marine_clay ? 0.72F
               : d.mineral == SoilClass::river_clay  ? 0.38F
               : d.mineral == SoilClass::loess       ? 0.7F
                                                     : 0.5F;
  base -= 0.5F * op;
  if (d.landscape == m_colonies_label) base += 0.45F * op + 0.1F;  // dalgronden: potatoes and cereals
  base += province_arable_bias(d.province);
  for (int y_i = 0; y_i < k_map_years; ++y_i) {
    // Rotation: a fresh draw per parcel and map year (grassland <-> arable exchange between maps).
    const float rotation =
        unit_float(mix64(parcel.id ^ ((s_arable_year + static_cast<std::uint64_t>(y_i)) * 0x9E3779B97F4A7C15ULL)));
    d.arable[static_cast<std::size_t>(y_i)] = to_key(0.62F * base + 0.28F * parcel_u + 0.10F * rotation);
  }
  const bool peat_farm = unit_float(mix64(parcel.id ^ s_peat_farm)) < k_arable_peat_farm_share;
  d.arable_peat = to_key(peat_farm ? k_arable_peat_farm : 0.0F);
  const bool edge = parcel.edge_across || parcel.edge_along;
  d.tof = to_key((sandy ? 0.35F : 0.15F) + (edge ? 0.4F : 0.0F) + 0.25F * d.fine_u);
}

}  // namespace polder::io::synth
