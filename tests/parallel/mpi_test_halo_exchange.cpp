// The halo exchange fills every ring cell with the value its neighbour tile holds, whether that tile
// is on this rank or another: checked against a closed-form field, at 1–4 ranks.
#include <gtest/gtest.h>
#include <mpi.h>

#include "solver/parallel/comm.hpp"
#include "solver/parallel/decomposition.hpp"
#include "solver/parallel/halo_exchange.hpp"

using namespace polder;

namespace {
std::uint8_t pattern(std::int32_t row, std::int32_t col) {
  return static_cast<std::uint8_t>(1 + (row * 31 + col * 17) % 251);
}
}  // namespace

TEST(HaloExchange, RingMatchesNeighbourCellsAcrossRanks) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_WORLD);
  // A block of 6 x 5 tiles of 16 cells, plus the clipped tiles at the east edge of the grid.
  grid::TileLayout probe(16);
  std::vector<std::int64_t> counts(static_cast<std::size_t>(probe.n_tiles()), 0);
  for (std::int32_t tr = 10; tr < 16; ++tr)
    for (std::int32_t tc = 100; tc < 105; ++tc) counts[static_cast<std::size_t>(probe.tile_id(tr, tc))] = 1;
  for (std::int32_t tr = 0; tr < 3; ++tr)
    for (std::int32_t tc = probe.n_tile_cols() - 2; tc < probe.n_tile_cols(); ++tc)
      counts[static_cast<std::size_t>(probe.tile_id(tr, tc))] = 1;
  const grid::TileLayout layout(16, counts);
  const parallel::Decomposition decomposition(layout, comm.size());
  const auto mine = decomposition.tiles_of(comm.rank());

  parallel::HaloField<std::uint8_t> field(mine.size(), 16, 255);
  for (std::size_t i = 0; i < mine.size(); ++i) {
    const auto g = layout.geometry(mine[i]);
    for (std::int32_t r = 0; r < g.window.n_rows; ++r)
      for (std::int32_t c = 0; c < g.window.n_cols; ++c)
        field.at(i, r, c) = pattern(g.window.row0 + r, g.window.col0 + c);
  }
  parallel::HaloExchange halo(comm, layout, decomposition, mine);
  halo.exchange(field);

  std::int64_t checked = 0;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    const auto g = layout.geometry(mine[i]);
    const auto& w = g.window;
    for (std::int32_t r = -1; r <= w.n_rows; ++r)
      for (std::int32_t c = -1; c <= w.n_cols; ++c) {
        const bool ring = r < 0 || c < 0 || r == w.n_rows || c == w.n_cols;
        if (!ring) continue;
        const std::int32_t nr = w.row0 + r, nc = w.col0 + c;
        const bool in_grid = nr >= 0 && nc >= 0 && nr < grid::NationalGrid::n_rows && nc < grid::NationalGrid::n_cols;
        const bool active_neighbour = in_grid && layout.active_count(layout.tile_of_cell(nr, nc)) > 0;
        const std::uint8_t expected = active_neighbour ? pattern(nr, nc) : 0;
        ASSERT_EQ(field.at(i, r, c), expected)
            << "tile " << mine[i] << " ring (" << r << "," << c << ") rank " << comm.rank();
        ++checked;
      }
  }
  EXPECT_EQ(comm.allreduce_sum(checked), 30 * 68 + 3 * (68 + 52));  // 2w + 2h + 4 ring cells per tile
}
