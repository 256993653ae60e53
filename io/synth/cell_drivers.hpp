#pragma once
// The per-cell "drivers" of the synthetic country: everything about a cell that does not depend on the
// calibrated thresholds, as 16-bit ranking keys (higher = earlier / more likely). A cell's drivers are a
// pure function of (seed, national row, col): the calibration ranks them on a national sample, the
// generator classifies every cell with the same function, so any window, rank or thread count gives
// the same values.

#include <array>
#include <cstdint>

#include "io/synth/coarse_grid.hpp"
#include "io/synth/geography.hpp"
#include "io/synth/parcels.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::io::synth {

/// Map years: 1970 (reconstructed baseline, assumption A1), the BKN/LULUCF map years 1990-2021, and 2025,
/// an extrapolation that continues the 2017-2021 trends (assumption A34), so land-use change does not
/// stop after the last real map (docs/synthetic-netherlands.md).
inline constexpr int k_map_years = 8;  ///< 1970, 1990, 2004, 2009, 2013, 2017, 2021, 2025
inline constexpr std::array<int, k_map_years> k_synth_map_years = {1970, 1990, 2004, 2009, 2013, 2017, 2021, 2025};
/// Index of the 2021 map (the forest reference year of the stand attributes).
inline constexpr int k_reference_map_index = 6;
static_assert(k_synth_map_years[k_reference_map_index] == 2021);
inline constexpr std::uint8_t k_never = k_map_years;  ///< "from map-year index": never

struct CellDrivers {
  std::uint8_t province = 0;                          ///< 1..12, 0 outside the territory
  std::uint8_t water_body = 0;                        ///< 1-based water body, 0 on province land
  std::uint8_t lake_from = k_never;                   ///< static inland water (river, lake) from this map-year index on
  std::uint8_t road = 0;                              ///< 0 none, 1 rural road, 2 motorway
  model::SoilClass mineral = model::SoilClass::sand;  ///< mineral soil where no peat
  std::uint8_t landscape = 0;                         ///< soil landscape label (Geography::soil_landscape)
  bool dune = false;                                  ///< inside the coastal dune belt
  bool reed_split = false;                            ///< a wetland cell here is reed marsh (else open water)
  bool defor_to_farm = false;                         ///< a cleared 1970-forest stand here becomes farmland (A36)
  std::uint16_t marsh = 0;                            ///< salt-marsh candidacy (0: not a candidate)
  std::uint16_t tidal = 0;                            ///< tidal elevation rank (tidal water cells)
  std::uint16_t organic = 0;                          ///< organic-soil potential
  std::uint16_t settle = 0;                           ///< settlement order
  std::uint16_t forest = 0;                           ///< 1970 forest suitability
  std::uint16_t defor = 0;                            ///< order of deforestation within the 1970 forest
  std::uint16_t other = 0;                            ///< bare sand / dune / beach
  std::uint16_t nature = 0;                           ///< open nature (heath, nature grassland)
  std::uint16_t heath = 0;                            ///< heath rather than nature grassland
  std::uint16_t orchard = 0;
  std::uint16_t tof = 0;                              ///< trees outside forest
  std::uint16_t green = 0;                            ///< urban green within settlements
  std::array<std::uint16_t, k_map_years> wet{};       ///< wetland development (per year: zones appear)
  std::array<std::uint16_t, k_map_years> afforest{};  ///< afforestation (per year: planting zones start)
  std::array<std::uint16_t, k_map_years> arable{};    ///< arable rather than grassland (per year: rotation)
  std::uint16_t arable_peat = 0;                      ///< added to `arable` where the soil is peat (A35)
  float stand_u = 0;                                  ///< uniform draw of the forest stand (species, age)
  float stand_v = 0;                                  ///< second uniform draw of the stand
  float fine_u = 0;                                   ///< uniform draw of the cell
  float dist_sea_m = 0;
  float ridge = 0;    ///< relative height of an ice-pushed ridge or plateau (0-1)
  float wetness = 0;  ///< wet-zone intensity (0-1)
};

/// Computes drivers; holds the seed-dependent national field of villages. Thread-safe.
class DriverModel {
 public:
  DriverModel(std::uint64_t seed, const Territory& territory, const Geography& geography);

  /// Drivers of national cell (row, col) with the given territory labels.
  CellDrivers evaluate(std::int32_t row, std::int32_t col, std::uint8_t province, std::uint8_t water_body) const;

  /// Drivers of cells of national `row`: columns col0 + k for k < n, or col0 + offsets[k] (increasing)
  /// when `offsets` is given; province/water and out are indexed by k. The row's noise is computed in
  /// one sweep, so this is the fast path; the values equal evaluate() cell by cell.
  void evaluate_row(std::int32_t row, std::int32_t col0, std::int32_t n, const std::uint8_t* province,
                    const std::uint8_t* water, CellDrivers* out, const std::int32_t* offsets = nullptr) const;

  std::uint64_t seed() const { return m_seed; }
  const Territory& territory() const { return m_territory; }
  const Geography& geography() const { return m_geo; }

 private:
  struct RowNoise;
  void evaluate_water(Cell cell, const RowNoise& noise, std::size_t k, CellDrivers& d) const;
  void evaluate_land(Cell cell, const RowNoise& noise, std::size_t k, CellDrivers& d) const;

  std::uint64_t m_seed;
  const Territory& m_territory;
  const Geography& m_geo;
  CoarseField m_villages;             ///< 100 m: influence of villages (hashed point pattern)
  std::uint8_t m_colonies_label = 0;  ///< soil landscape label of the peat colonies (dalgronden: arable)
};

}  // namespace polder::io::synth
