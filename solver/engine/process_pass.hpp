#pragma once
// Pass B of a year, per tile: the fires of the year burn their cells; then each process runs as a span
// kernel over its cell list in chunks (gather the fields it reads into contiguous scratch, one loop,
// scatter back) and books its outputs through its booking table per run of reporting keys:
//   woody stands (kernels/forest_span.hpp), regrowth of burnt vegetation, running mineral-soil
//   transitions, organic soils (kernels/organic_span.hpp; peat used up becomes mineral soil), coastal
//   marshes and seagrass. The mineral-soil climate response is booked from counts in pass A.
// The carbon closure of every chunk is added to the tile's balance (checked every year).

#include <cstdint>
#include <span>
#include <vector>

#include "solver/engine/area_book.hpp"
#include "solver/engine/booking.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/engine/tile_ledger.hpp"
#include "solver/engine/year_context.hpp"

namespace polder::engine {

/// Records per chunk: large enough to amortise the per-chunk work, small enough for the scratch of all
/// columns to stay in the L2 cache.
inline constexpr std::size_t k_chunk = 2048;

/// Thread time spent in each process (seconds, summed over tiles and years).
struct ProcessTimes {
  double burns = 0.0, woody = 0.0, regrowth = 0.0, transitions = 0.0, organic = 0.0, coastal = 0.0;
  std::int64_t woody_cells = 0, organic_cells = 0, transition_cells = 0;  ///< cell-years processed
};

/// Work buffers of one thread, kept between tiles and years.
struct ProcessScratch {
  ProcessTimes times;
  std::vector<double> d[23];
  std::vector<std::uint8_t> u[4];
  std::vector<float> f[2];
  std::vector<std::uint8_t> drop;
  std::vector<std::uint8_t> measure;   ///< the measure fields of a chunk's cells
  std::vector<std::uint8_t> land_use;  ///< the land uses of a chunk's cells, when it books to 4.D
  std::vector<double> work;            ///< the span kernels' own scratch (10 columns)
  BurntList added_burnt;
  KeyBooker booker;
  ProcessScratch();
};

/// `burnt`: rank indices of this tile's cells burnt this year, ascending.
void process_pass(const YearContext& ctx, CellState& s, std::size_t t, std::span<const std::uint32_t> burnt,
                  AreaBook& areas, TileLedger& ledger, ProcessScratch& scratch);

}  // namespace polder::engine
