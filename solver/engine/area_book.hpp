#pragma once
// The counted state of a tile, kept up to date instead of recounted every year. A cell's count key is
// (reporting key = province and CRT row, land-use class, soil class, climate cell); it changes only
// when the cell changes land use or soil, or when its 20-year "converted" period ends. From the counts
// come, each year: the reported areas, the area-proportional wetland CH4, the "remaining" part of the
// land transition matrix, and the climate response of every mineral-soil cell (n x SOC_eq(soil, land
// use) x dx(climate cell), cell_state.hpp), which therefore needs no sweep over the cells.

#include <cstdint>
#include <vector>

#include "solver/engine/cell_state.hpp"
#include "solver/engine/climate_tables.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/engine/tile_ledger.hpp"

namespace polder::engine {

class AreaBook {
 public:
  AreaBook() = default;
  /// Counts every cell of local tile `t`, with reporting rows as they were in `year - 1`.
  AreaBook(const CellState& s, std::size_t t, std::int32_t year);

  /// Moves cells whose converted period ends in `year` to their "remaining" row and appends them to
  /// `rekeyed` (rank cell indices). Call first each year.
  void expire(const CellState& s, std::int32_t year, std::vector<std::uint32_t>& rekeyed);
  /// Records a change of cell `i` in `year`: call `leave` before and `enter` after it changes.
  /// `old_category` is its land category before a land-use change (pass `-1` for a soil change,
  /// which is not a land transition).
  void leave(const CellState& s, std::size_t i, std::int32_t year);
  void enter(const CellState& s, std::size_t i, std::int32_t year, int old_category);
  /// Books the year's areas, area-proportional CH4, transition matrix and mineral-soil climate
  /// response into the tile ledger.
  void post(const ModelParameters& p, const ClimateTables& climate, TileLedger& ledger) const;

  std::int64_t cells() const;

 private:
  std::uint64_t key(const CellState& s, std::size_t i, std::int32_t year) const;
  void add(std::uint64_t key, std::int32_t delta);

  struct Count {
    std::uint64_t key;
    std::int32_t cells;
  };
  struct Conversion {
    std::int16_t year;
    std::uint32_t cell;
  };
  std::size_t m_tile = 0;
  std::vector<Count> m_counts;            ///< sorted by key; may hold emptied keys (0 cells)
  std::vector<Conversion> m_conversions;  ///< in year order
  std::size_t m_next_expiry = 0;
  /// This year's land-use changes: [province][from category][to category] cells.
  std::vector<std::int32_t> m_changes;
};

}  // namespace polder::engine
