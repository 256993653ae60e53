#pragma once
// The reported areas of a tile, kept up to date instead of recounted every year. A cell's reporting
// key is (province, CRT row, land-use class); it changes only when the cell changes land use (an
// event) or when its 20-year "converted" period ends. The tile keeps the count of cells per key and a
// list of conversions in year order to find the ends of those periods. Each year the counts give the
// reported areas, the area-proportional wetland CH4 and the "remaining" part of the transition matrix.

#include <cstdint>
#include <vector>

#include "solver/engine/cell_state.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/engine/tile_ledger.hpp"

namespace polder::engine {

class AreaBook {
 public:
  /// Counts every cell of local tile `t`, with reporting rows as they were in `year - 1`.
  AreaBook(const CellState& s, std::size_t t, std::int32_t year);

  /// Moves cells whose converted period ends in `year` to their "remaining" row. Call first each year.
  void expire(const CellState& s, std::int32_t year);
  /// Records a land-use change of cell `i` in `year`: call `leave` before and `enter` after it changes.
  void leave(const CellState& s, std::size_t i, std::int32_t year);
  void enter(const CellState& s, std::size_t i, std::int32_t year, std::uint8_t old_category);
  /// Books the year's areas, area-proportional CH4 and transition matrix into the tile ledger.
  void post(const ModelParameters& p, TileLedger& ledger) const;

  std::int64_t cells() const;

 private:
  static std::uint32_t key(const CellState& s, std::size_t i, std::int32_t year);
  void add(std::uint32_t key, std::int32_t delta);

  struct Count {
    std::uint32_t key;
    std::int32_t cells;
  };
  struct Conversion {
    std::int16_t year;
    std::uint32_t cell;
  };
  std::vector<Count> m_counts;            ///< sorted by key
  std::vector<Conversion> m_conversions;  ///< in year order
  std::size_t m_next_expiry = 0;
  /// This year's changes: [province][from category][to category] cells, and cells that entered a category.
  std::vector<std::int32_t> m_changes;
};

}  // namespace polder::engine
