#include "io/synth/soil_model.hpp"

#include <algorithm>
#include <cmath>

#include "io/synth/noise.hpp"
#include "solver/model/land_use.hpp"

namespace polder::io::synth {
namespace {

using model::SoilClass;

enum Stream : std::uint64_t { s_peat_depth = 500, s_glg = 510, s_ghg = 520, s_ditch = 530 };

/// Extra depth of the lowest groundwater level of arable parcels on organic soils (assumption A35).
constexpr float k_arable_extra_drainage_cm = 35.0F;
/// Extra depth under settlements on organic soils (raised with sand, drained for building): calibrated
/// to 10 cm (A35; +35 cm put 4.E 0.5-0.8 Mt above the CRT, none left it 0.4 Mt below in 2005).
constexpr float k_settlement_extra_drainage_cm = 10.0F;
/// Peat over sand: below this value of the peat-depth noise the peat is thin, 40-78 cm (assumption A14).
constexpr float k_thin_peat_over_sand = 0.6F;

}  // namespace

SoilAttributes soil_attributes(const CellDrivers& d, const Thresholds& t, std::uint64_t seed, std::int32_t row,
                               std::int32_t col, const std::array<std::uint8_t, k_map_years>& land_use) {
  SoilAttributes a;
  if (d.province == 0) return a;
  const bool marsh = d.marsh >= t.marsh;
  if (marsh) {
    // Salt marsh: young marine clay, shallow and tidal groundwater.
    a.soil = static_cast<std::uint8_t>(SoilClass::marine_clay);
    a.glg_cm = 30.0F + 40.0F * d.fine_u;
    a.ghg_cm = -20.0F + 25.0F * d.fine_u;
    return a;
  }
  if (d.water_body != 0 || d.lake_from == 0) return a;  // open water: no soil, groundwater at the surface

  SoilClass soil = d.mineral;
  if (d.organic >= t.peat)
    soil = SoilClass::peat;
  else if (d.organic >= t.peaty)
    soil = SoilClass::peaty;
  a.soil = static_cast<std::uint8_t>(soil);

  const float n_glg = cell_noise(seed, s_glg, row, col, 24.0);
  const float n_ghg = cell_noise(seed, s_ghg, row, col, 16.0);
  const float n_ditch = cell_noise(seed, s_ditch, row, col, 40.0);
  // Groundwater depth classes after the Dutch grondwatertrappen (Gt, nl.wikipedia "Grondwatertrap",
  // 1988 scale): Gt II GHG < 40, GLG 50-80; Gt III GLG 80-120; Gt V GHG < 40, GLG > 120; Gt VI GHG 40-80;
  // Gt VII GHG > 80; Gt VIII GHG > 140. Typical Gt per soil: peat meadows II-III, clay polders V-VI,
  // cover sands V-VII, ice-pushed ridges and loess VIII (assumption A13).
  float glg = 0, fluctuation = 0, ditch = 0;
  switch (soil) {
    case SoilClass::peat:
      // Gt II-III: 50-100 cm. With GHG 45-70 cm higher the mean water table of the peat meadows is
      // 46 cm on average (calibrated, docs/method.md section 11): Dutch peat-meadow ditch levels are
      // mostly 40-60 cm below the surface and Fryslân aims at 40 cm (veenweidefryslan.frl).
      glg = 50.0F + 50.0F * n_glg;
      fluctuation = 45.0F + 25.0F * n_ghg;
      ditch = 0.06F + 0.09F * n_ditch;  // peat meadows: narrow parcels with wide ditches, 6-15 % water
      a.peat_cm = 40.0F;
      {
        // Thick peat in the western peat district (often 2-6 m) over marine clay; over sand (the peat of
        // the north-east, the Kop van Overijssel, the Peel and the brook valleys) most of the peat is a
        // thin remnant just above the 40 cm veengrond limit (40-78 cm), with a minority of deeper peat
        // (assumption A14). Peat turns into peaty soil where thin peat oxidises below 40 cm; the
        // reported loss is ~2 kha/yr (-20 % in 35 years, kst-35141-2; domain.md section 1.5).
        const float depth = cell_noise(seed, s_peat_depth, row, col, 80.0);
        const float potential = static_cast<float>(d.organic) / 65535.0F;
        if (d.mineral == SoilClass::sand) {
          const float deep = std::max(0.0F, depth - k_thin_peat_over_sand) / (1.0F - k_thin_peat_over_sand);
          a.peat_cm = 40.0F + 30.0F * std::min(depth, k_thin_peat_over_sand) / k_thin_peat_over_sand +
                      260.0F * deep * deep + 8.0F * d.fine_u;
        } else {
          a.peat_cm = 40.0F + std::pow(potential, 1.5F) * (60.0F + 640.0F * depth) + 20.0F * d.fine_u;
        }
      }
      break;
    case SoilClass::peaty:
      glg = 70.0F + 60.0F * n_glg;  // Gt III-V
      fluctuation = 50.0F + 30.0F * n_ghg;
      ditch = 0.03F + 0.06F * n_ditch;
      // Moerige gronden: a peaty layer of 15-40 cm, on average about 30 cm (Alterra-rapport 1029, Table 12:
      // "moerige laag" 0.15-0.40 m, estimated mean 0.30 m). Thinner remnants are mapped as mineral soil.
      a.peat_cm = 15.0F + 24.0F * cell_noise(seed, s_peat_depth + 1, row, col, 12.0);
      break;
    case SoilClass::marine_clay:
      glg = 95.0F + 85.0F * n_glg;  // Gt V-VI: 95-180 cm
      fluctuation = 60.0F + 40.0F * n_ghg;
      ditch = 0.03F + 0.04F * n_ditch;
      break;
    case SoilClass::river_clay:
      glg = 100.0F + 100.0F * n_glg;  // Gt VI, floodplains wetter (below)
      fluctuation = 60.0F + 50.0F * n_ghg;
      ditch = 0.02F + 0.03F * n_ditch;
      break;
    case SoilClass::loess:
      glg = 300.0F + 200.0F * n_glg;  // Gt VIII: deep on the plateaus
      fluctuation = 60.0F + 60.0F * n_ghg;
      ditch = 0.0F;
      break;
    default:  // sand: brook valleys shallow, cover sand intermediate, ridges and dunes deep
      glg = 90.0F + 110.0F * n_glg + 330.0F * d.ridge;
      if (d.dune) glg = std::max(glg, 150.0F + 200.0F * n_glg);
      fluctuation = 50.0F + 60.0F * n_ghg;
      ditch = d.ridge > 0.3F || d.dune ? 0.0F : 0.005F + 0.02F * n_ditch;
      break;
  }
  // Arable land on organic soils needs a deeper drainage base than grassland (ditch levels 70-100 cm
  // below the surface for arable against 40-60 cm for dairy grassland), and built-up land on peat is
  // raised with sand and drained deeper (assumption A35): cells that are cropland, or settlement, in
  // most map years from 1990 are drained deeper.
  if (soil == SoilClass::peat || soil == SoilClass::peaty) {
    int cropland_maps = 0, settlement_maps = 0;
    for (int k = 1; k < k_map_years; ++k) {
      const auto lu = static_cast<model::LandUse>(land_use[static_cast<std::size_t>(k)]);
      cropland_maps += lu == model::LandUse::arable || lu == model::LandUse::orchard ? 1 : 0;
      settlement_maps +=
          lu == model::LandUse::built_up || lu == model::LandUse::infrastructure || lu == model::LandUse::urban_green
              ? 1
              : 0;
    }
    if (2 * cropland_maps > k_map_years - 1)
      glg += k_arable_extra_drainage_cm;
    else if (2 * settlement_maps > k_map_years - 1)
      glg += k_settlement_extra_drainage_cm;
  }
  // Wet nature (reed marsh, bogs): water near or above the surface in winter.
  if (d.wetness > 0.2F) {
    const float w = std::min(1.0F, d.wetness);
    glg = glg * (1.0F - 0.7F * w) + 25.0F * w;
    fluctuation = fluctuation * (1.0F - 0.3F * w) + 20.0F * w;
  }
  a.glg_cm = std::clamp(glg, 5.0F, 500.0F);
  a.ghg_cm = std::clamp(a.glg_cm - fluctuation, -40.0F, a.glg_cm);
  a.ditch_fraction = std::clamp(ditch, 0.0F, 0.3F);
  a.peat_cm = std::min(a.peat_cm, 1200.0F);
  return a;
}

}  // namespace polder::io::synth
