#pragma once
// Small per-cell classifications shared by the passes of a year: soil and land-use groups, and the
// CRT row and reporting key a cell books to.

#include <cstdint>

#include "solver/grid/national_grid.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/ledger_layout.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::engine {

inline constexpr double k_cell_ha = grid::NationalGrid::cell_area_ha;

constexpr bool is_mineral_soil(std::uint8_t soil) { return soil >= 1 && soil <= 4; }
constexpr bool is_organic_soil(std::uint8_t soil) {
  return soil == static_cast<std::uint8_t>(model::SoilClass::peat) ||
         soil == static_cast<std::uint8_t>(model::SoilClass::peaty);
}
inline std::uint8_t category_of_code(std::uint8_t land_use) { return model::k_category_of_code[land_use]; }

/// Woody land uses carry a forest stand (species, age) and are grown by the forest kernel.
constexpr bool is_woody(std::uint8_t land_use) {
  return land_use == static_cast<std::uint8_t>(model::LandUse::forest) ||
         land_use == static_cast<std::uint8_t>(model::LandUse::trees_outside_forest);
}

/// The CRT row a cell reports in this year: "converted" for 20 years after a category change.
inline int reporting_row(std::uint8_t category, std::uint8_t converted_from, std::int16_t converted_year,
                         std::int32_t year) {
  const bool converted =
      converted_year > 0 && year - converted_year < model::k_ipcc_transition_years && converted_from != category;
  return model::conversion_row(category, converted ? converted_from : category);
}

/// province0 * 36 + CRT row: the key a cell's fluxes are summed under.
inline int report_key(std::uint8_t province, std::uint8_t land_use, std::uint8_t converted_from,
                      std::int16_t converted_year, std::int32_t year) {
  return (province - 1) * model::k_ledger_rows +
         reporting_row(category_of_code(land_use), converted_from, converted_year, year);
}

}  // namespace polder::engine
