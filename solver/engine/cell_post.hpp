#pragma once
// Small helpers shared by the two passes of a year: moving a cell's pools in and out of its books and
// posting the books (per hectare) to the tile ledger.

#include <cstdint>

#include "solver/engine/cell_books.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/engine/tile_ledger.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::engine {

inline constexpr double k_cell_ha = grid::NationalGrid::cell_area_ha;

constexpr bool is_mineral_soil(std::uint8_t soil) { return soil >= 1 && soil <= 4; }
constexpr bool is_organic_soil(std::uint8_t soil) {
  return soil == static_cast<std::uint8_t>(model::SoilClass::peat) ||
         soil == static_cast<std::uint8_t>(model::SoilClass::peaty);
}
inline std::uint8_t category_of_code(std::uint8_t land_use) { return model::k_category_of_code[land_use]; }

/// Adds a cell's books (per ha) to the tile ledger row and its balance to the closure check.
inline void post(TileLedger& ledger, int province0, int row, const CellBooks& b) {
  double* acc = ledger.row(province0, row);
  for (int q = 0; q < model::k_quantities; ++q) acc[q] += b.q[static_cast<std::size_t>(q)] * k_cell_ha;
  ledger.add_balance(b.residual() * k_cell_ha, b.turnover() * k_cell_ha);
}

inline void store_books(CellState& s, std::size_t i, const CellBooks& b) {
  s.biomass_c[i] = b[Pool::biomass];
  s.dead_wood_c[i] = b[Pool::dead_wood];
  s.litter_c[i] = b[Pool::litter];
  s.mineral_soc_c[i] = b[Pool::mineral_soil];
  s.peat_c[i] = b[Pool::organic_soil];
}

inline void open_books(CellBooks& b, const CellState& s, std::size_t i) {
  b.open(s.biomass_c[i], s.dead_wood_c[i], s.litter_c[i], s.mineral_soc_c[i], s.peat_c[i]);
}

}  // namespace polder::engine
