#pragma once
// Pass A of a year, per tile: the cells whose reporting row changes (the end of a 20-year converted
// period), the land-use events of the year (map sequence, seagrass), coastal marshes that drown or
// erode, and the conversions they cause: biomass lost and gained, dead organic matter cleared, the
// 20-year mineral-soil transition started, every pool change booked; the process lists of the tile
// are updated where cells enter or leave a process; the tile's areas, wetland CH4, transition matrix
// and mineral-soil climate response are booked from its counts (area_book.hpp).

#include <array>
#include <cstdint>
#include <vector>

#include "solver/engine/area_book.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/engine/tile_ledger.hpp"
#include "solver/engine/year_context.hpp"

namespace polder::engine {

/// Number of process lists of a tile (TileProcesses::visit_lists).
inline constexpr std::size_t k_lists = 6;

/// Work buffers of one thread, kept between tiles and years.
struct LandUseScratch {
  /// Per process list: the record the previous conversion of the tile was searched to.
  std::array<std::size_t, k_lists> list_cursor{};
  std::uint16_t cursor_cell = 0;  ///< the cell of that conversion
  std::vector<std::uint32_t> rekeyed;
  std::vector<ReportKey> rekeyed_keys;  ///< their new reporting keys
  std::vector<std::pair<std::uint16_t, std::uint8_t>> targets, coastal_targets, merged, extra, combined;
  std::vector<std::uint16_t> activated;  ///< cells entering a measure this year
  /// Records to drop, ascending.
  std::vector<std::uint32_t> drop_woody, drop_burnt, drop_flammable;
  WoodyList added_woody;
  FlammableList added_flammable;
  BurntList added_burnt;
  TransitionList added_transition;
};

/// `event_cursor`, `measure_cursor`: index of the tile's first land-use event and measure activation not
/// yet applied (advanced past this year's).
void land_use_pass(const YearContext& ctx, CellState& s, std::size_t t, std::size_t& event_cursor,
                   std::size_t& measure_cursor, AreaBook& areas, TileLedger& ledger, LandUseScratch& scratch);

/// Sets the reporting key of cell `cell` (tile offset) in every process list that holds it.
void set_key(TileProcesses& p, std::uint16_t cell, ReportKey key);

}  // namespace polder::engine
