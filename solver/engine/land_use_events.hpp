#pragma once
// Which cells can change land use in which year. A cell's land use in year Y comes from the map
// sequence (changes spread evenly over each map interval, kernels/land_use_schedule.hpp) and the
// seagrass establishment year; it can only differ from year Y-1 in the change year of an interval
// whose two maps differ, or in its seagrass year. Those (year, cell) events are listed once per tile
// when a run starts, so the yearly land-use pass visits only them instead of every cell. Salt-marsh
// cells are visited every year, because drowning depends on their state.

#include <cstdint>
#include <span>
#include <vector>

#include "solver/engine/cell_state.hpp"
#include "solver/grid/tile_layout.hpp"

namespace polder::engine {

class LandUseEvents {
 public:
  /// Lists the events of every local tile for years >= first_year.
  LandUseEvents(const CellState& s, const grid::TileLayout& layout, std::int32_t first_year);

  /// Cells of local tile `t` whose land use must be re-evaluated in `year`, ascending, no duplicates.
  /// Years must be asked in increasing order (a cursor per tile moves forward).
  std::span<const std::uint32_t> candidates(std::size_t t, std::int32_t year);

  std::size_t event_count() const;

 private:
  struct Event {
    std::int16_t year;
    std::uint32_t cell;
    friend bool operator<(const Event& a, const Event& b) {
      return a.year != b.year ? a.year < b.year : a.cell < b.cell;
    }
  };
  std::vector<std::vector<Event>> m_events;         ///< per tile, sorted by (year, cell)
  std::vector<std::vector<std::uint32_t>> m_marsh;  ///< per tile: cells mapped as salt marsh in any map
  std::vector<std::size_t> m_cursor;                ///< per tile: first event not yet consumed
  std::vector<std::vector<std::uint32_t>> m_scratch;
};

}  // namespace polder::engine
