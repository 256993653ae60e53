#include "io/synth/forest_model.hpp"

#include <algorithm>
#include <cmath>

#include "solver/model/forest_species.hpp"
#include "solver/model/land_use.hpp"

namespace polder::io::synth {
namespace {

using model::LandUse;

enum Site : int { poor_sand = 0, cover_sand, dune, clay, wet, young, n_sites };

/// Species probabilities per site, columns in model::ForestSpecies order 1..9 (Scots pine, Douglas fir,
/// spruce, larch, oak, beech, birch, poplar, other broadleaves). Tuned so the national area shares come
/// close to NBI6 (bosenhoutcijfers.nl, 6e NBI 2013: pine 119 + other conifers 18, larch 19, Douglas 20,
/// spruce 14, oak 68, birch 26, poplar/willow 20, beech 16, other broadleaves 53 kha of 373) shifted
/// toward broadleaves, which NBI7 (Schelhaas et al. 2022) reports above half of the area.
constexpr double k_species_probability[n_sites][9] = {
    {0.35, 0.08, 0.05, 0.07, 0.19, 0.04, 0.09, 0.00, 0.13},  // poor sand: ridges, heath and drift-sand areas
    {0.15, 0.06, 0.04, 0.05, 0.27, 0.07, 0.10, 0.04, 0.22},  // cover sand
    {0.38, 0.01, 0.02, 0.03, 0.13, 0.01, 0.16, 0.02, 0.24},  // coastal dunes (pines incl. black pine)
    {0.02, 0.01, 0.02, 0.02, 0.17, 0.06, 0.06, 0.28, 0.36},  // clay and loess
    {0.05, 0.00, 0.03, 0.01, 0.10, 0.01, 0.32, 0.08, 0.40},  // wet and organic soils (alder, willow, birch)
    {0.04, 0.04, 0.02, 0.03, 0.27, 0.05, 0.12, 0.14, 0.29},  // planted after 1970 (75–80 % broadleaves, NBI6)
};

/// Chapman-Richards parameters per species (index = code): maximum stem volume at yield class 3
/// (m3/ha) and rate (1/yr); shape exponent 3. Assumption A10: orders of magnitude of the Dutch yield
/// tables (Jansen et al. 1996), not read from them.
constexpr float k_vmax_m3_ha[10] = {0, 380, 750, 600, 450, 420, 550, 250, 450, 350};
constexpr float k_rate_per_yr[10] = {0, 0.030F, 0.035F, 0.035F, 0.040F, 0.022F, 0.020F, 0.050F, 0.080F, 0.035F};
constexpr float k_yield_factor[6] = {0, 1.4F, 1.2F, 1.0F, 0.8F, 0.6F};
/// Longest plausible age per species group (poplar and birch are short-lived).
constexpr int k_max_age[10] = {0, 220, 150, 130, 150, 250, 220, 90, 70, 160};

std::uint8_t draw_species(Site site, float u) {
  double cum = 0;
  for (int s = 0; s < 9; ++s) {
    cum += k_species_probability[site][s];
    if (static_cast<double>(u) < cum) return static_cast<std::uint8_t>(s + 1);
  }
  return 9;
}

/// Age in 2021 of a stand of the 1970 forest: NBI-like structure (assumption A11): 12 % regenerated
/// since 1990, 18 % 30–55 years, 40 % 55–90 (post-war and interbellum plantings on heath), 22 % 90–130,
/// 8 % 130–200 (old estates).
int age_1970_forest(float u, float v) {
  if (u < 0.12F) return 5 + static_cast<int>(25.0F * v);
  if (u < 0.30F) return 30 + static_cast<int>(25.0F * v);
  if (u < 0.70F) return 55 + static_cast<int>(35.0F * v);
  if (u < 0.92F) return 90 + static_cast<int>(40.0F * v);
  return 130 + static_cast<int>(70.0F * v);
}

}  // namespace

float raw_stem_volume(std::uint8_t species, std::uint8_t yield_class, int age) {
  if (species == 0 || age <= 0) return 0.0F;
  const float g = 1.0F - std::exp(-k_rate_per_yr[species] * static_cast<float>(age));
  return k_vmax_m3_ha[species] * k_yield_factor[yield_class] * g * g * g;
}

ForestStand forest_stand(const CellDrivers& d, const Thresholds& t,
                         const std::array<std::uint8_t, k_map_years>& land_use) {
  ForestStand out;
  constexpr auto forest = static_cast<std::uint8_t>(LandUse::forest);
  constexpr auto tof = static_cast<std::uint8_t>(LandUse::trees_outside_forest);
  int first_forest = -1, first_stand = -1;
  for (int k = 0; k < k_map_years; ++k) {
    const auto lu = land_use[static_cast<std::size_t>(k)];
    if (lu == forest && first_forest < 0) first_forest = k;
    if ((lu == forest || lu == tof) && first_stand < 0) first_stand = k;
  }
  if (first_stand < 0) return out;

  // Establishment: the 1970 forest draws an NBI-like age; later stands appear in their map interval.
  int age = 0;
  const float u = d.stand_u, v = d.stand_v;
  if (first_stand == 0) {
    age = first_forest == 0 ? age_1970_forest(v, u) : 10 + static_cast<int>(60.0F * v);  // hedgerows, small woods
  } else {
    const int y0 = k_synth_map_years[static_cast<std::size_t>(first_stand - 1)];
    const int y1 = k_synth_map_years[static_cast<std::size_t>(first_stand)];
    const int established = y0 + 1 + std::min(y1 - y0 - 1, static_cast<int>(v * static_cast<float>(y1 - y0)));
    // Stands of the extrapolated 2025 map are established after the reference year: age 0 (the input
    // range is 0-300; the engine plants a new stand at age 0 when the cell turns to forest).
    age = std::max(0, k_forest_reference_year - established);
  }

  Site site = cover_sand;
  const bool organic = d.organic >= t.peaty;
  if (first_stand > 0)
    site = young;
  else if (d.dune)
    site = dune;
  else if (organic || d.wetness > 0.3F)
    site = wet;
  else if (d.mineral != model::SoilClass::sand)
    site = clay;
  else if (d.ridge > 0.4F || d.heath > to_key(0.15F) || d.other > to_key(0.4F))
    site = poor_sand;
  out.species = draw_species(site, u);
  out.age = static_cast<std::int16_t>(std::clamp(age, 0, k_max_age[out.species]));

  // Yield class (1 best .. 5 poorest): fertile clay and loess, average cover sand, poor ridges and dunes.
  float fertility = d.mineral == model::SoilClass::sand ? 3.0F : 1.6F;
  if (site == poor_sand || site == dune) fertility = 3.9F;
  if (organic) fertility = 2.8F;
  fertility += 1.4F * (d.fine_u - 0.5F);
  out.yield_class = static_cast<std::uint8_t>(std::clamp(static_cast<int>(std::lround(fertility)), 1, 5));

  static_assert(k_synth_map_years[k_reference_map_index] == k_forest_reference_year);
  const auto lu2021 = land_use[k_reference_map_index];
  if (lu2021 == forest || lu2021 == tof) {
    // Trees outside forest: rows and small groups, about 60 % of a closed stand's volume per ha (A12).
    out.raw_volume = raw_stem_volume(out.species, out.yield_class, out.age) * (lu2021 == tof ? 0.6F : 1.0F);
  }
  return out;
}

}  // namespace polder::io::synth
