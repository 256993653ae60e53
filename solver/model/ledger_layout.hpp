#pragma once
// The layout of the accounting ledger: what is summed per year, per province, per CRT row.
// Every cell adds its fluxes to the row of its (current category, category converted from) and its
// province; rows follow the CRT: "4.A.1 Forest land remaining forest land", "4.A.2.1 Cropland
// converted to forest land", ... Units: t (of C or of the gas named) and ha.
//
// Sign convention inside the ledger: carbon stock changes are + for a gain (as in CRT tables 4.A-4.F);
// gas emissions are + for an emission. Net CO2 = -44/12 x (stock changes) + off-site CO2.

#include <array>
#include <cstddef>
#include <string_view>

#include "solver/model/crt_category.hpp"
#include "solver/model/province.hpp"

namespace polder::model {

enum class Quantity : int {
  area_ha = 0,           ///< area of the row at the end of the year
  organic_area_ha,       ///< of which on organic soils (peat and peaty)
  lb_gain_tc,            ///< living biomass: gains (growth, regrowth, new vegetation at conversion)
  lb_loss_tc,            ///< living biomass: losses (harvest, mortality, fire, clearing), as a positive number
  dead_wood_tc,          ///< dead wood: net change
  litter_tc,             ///< litter: net change
  mineral_soil_tc,       ///< mineral soils (0-30 cm): net change
  organic_soil_tc,       ///< organic soils: net change (on-site oxidation and burial)
  doc_tc,                ///< off-site dissolved organic carbon from organic soils (CO2, 4(II)); it leaves the
                         ///< peat but is not part of organic_soil_tc
  ch4_organic_t,         ///< CH4 from drained and rewetted organic soils incl. ditches (4(II))
  ch4_wetland_t,         ///< CH4 from open water, marshes and other wetlands
  ch4_fire_t,            ///< CH4 from wildfire (4(V))
  n2o_organic_t,         ///< N2O from drained organic soils (4(II))
  n2o_mineralisation_t,  ///< N2O from N mineralised with soil organic matter loss (4(III))
  n2o_fire_t,            ///< N2O from wildfire (4(V))
  fire_co2_t,            ///< memo: CO2 from wildfire (already inside the stock losses)
  burnt_area_ha,         ///< area burnt this year
  harvest_tc,            ///< carbon in harvested wood leaving the forest (to HWP, 4.G)
  subsidence_cm_ha,      ///< sum over cells of subsidence (cm) x area (ha): divide by organic area for the mean
  peat_depleted_ha,      ///< area whose organic soil ran out this year (became mineral)
  rewetted_area_ha,      ///< organic-soil area under rewetting
  n2o_organic_agri_t,    ///< memo: N2O from drained organic soils of cropland and grassland (reported in
                         ///< Agriculture, CRT 3.D.a.6; not in the LULUCF totals)
  peat_area_ha,          ///< of the organic area: peat soils (veengrond, >= 40 cm peat)
  peat_oxidation_tc,     ///< on-site carbon lost by oxidation on peat soils (+ = loss; part of organic_soil_tc)
  wtd_cm_ha,             ///< sum over drained organic cells of water-table depth (cm) x area (ha)
  mineral_climate_tc,    ///< memo: part of mineral_soil_tc caused by the climate response of decomposition
  increment_m3,          ///< forest gross stem-volume increment
  fellings_m3,           ///< forest fellings (thinning and final felling), stem volume
  standing_volume_m3,    ///< forest standing stem volume at the end of the year
  count_                 ///< number of quantities
};
inline constexpr int k_quantities = static_cast<int>(Quantity::count_);

inline constexpr std::array<std::string_view, k_quantities> k_quantity_keys = {"area_ha",
                                                                               "organic_area_ha",
                                                                               "living_biomass_gains_t_c",
                                                                               "living_biomass_losses_t_c",
                                                                               "dead_wood_t_c",
                                                                               "litter_t_c",
                                                                               "mineral_soils_t_c",
                                                                               "organic_soils_t_c",
                                                                               "doc_t_c",
                                                                               "ch4_organic_soils_t",
                                                                               "ch4_wetlands_t",
                                                                               "ch4_fire_t",
                                                                               "n2o_organic_soils_t",
                                                                               "n2o_mineralisation_t",
                                                                               "n2o_fire_t",
                                                                               "fire_co2_memo_t",
                                                                               "burnt_area_ha",
                                                                               "harvest_t_c",
                                                                               "subsidence_cm_ha",
                                                                               "peat_depleted_ha",
                                                                               "rewetted_area_ha",
                                                                               "n2o_organic_soils_agriculture_memo_t",
                                                                               "peat_area_ha",
                                                                               "peat_oxidation_t_c",
                                                                               "water_table_depth_cm_ha",
                                                                               "mineral_soils_climate_memo_t_c",
                                                                               "increment_m3",
                                                                               "fellings_m3",
                                                                               "standing_volume_m3"};

constexpr int qi(Quantity q) { return static_cast<int>(q); }

/// Ledger index: [province 0..11][conversion row 0..35][quantity].
inline constexpr int k_ledger_rows = k_conversion_rows;
inline constexpr std::size_t k_ledger_size = static_cast<std::size_t>(k_provinces) * k_ledger_rows * k_quantities;
constexpr std::size_t ledger_index(int province0, int row, int q) {
  return (static_cast<std::size_t>(province0) * k_ledger_rows + static_cast<std::size_t>(row)) * k_quantities +
         static_cast<std::size_t>(q);
}

/// Annual land transition matrix (CRT table 4.1): [province][category last year][category this year], ha.
inline constexpr std::size_t k_transition_size =
    static_cast<std::size_t>(k_provinces) * k_land_categories * k_land_categories;
constexpr std::size_t transition_index(int province0, int from, int to) {
  return (static_cast<std::size_t>(province0) * k_land_categories + static_cast<std::size_t>(from)) *
             k_land_categories +
         static_cast<std::size_t>(to);
}

/// Quantum of the exact integer reduction: ledger values are summed per tile in double, then rounded
/// to multiples of 1e-9 (1 mg or 0.1 cm^2; int64 then holds up to 9e9 t or ha) and added as 64-bit integers, which is
/// associative: the result is the same bits for any number of ranks, threads or tile order.
inline constexpr double k_ledger_quantum = 1e-9;

/// Molar-mass ratios and AR5 GWP100 (UNFCCC/EU reporting from 2024: CH4 28, N2O 265).
inline constexpr double k_co2_per_c = 44.0 / 12.0;
inline constexpr double k_gwp_ch4 = 28.0;
inline constexpr double k_gwp_n2o = 265.0;

}  // namespace polder::model
