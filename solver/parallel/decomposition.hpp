#pragma once
// Who owns which tile. Active tiles are ordered along a Hilbert curve over the tile grid and cut into
// contiguous runs (segments) of (nearly) equal weight: the modelled cost of a tile's work (the engine's
// work model), or its active-cell count when no weights are given. There are `segments_per_rank`
// segments per rank, dealt out in turn (segment j to rank j mod ranks), so that every rank holds
// pieces of every kind of landscape: the phases of a year (land-use change, fire, processes) are
// separated by collectives, and each must be balanced on its own, not only their sum. Every rank
// computes the same answer from the same TileLayout and weights (integers), so no communication is
// needed.

#include <cstdint>
#include <vector>

#include "solver/grid/tile_layout.hpp"

namespace polder::parallel {

/// A contiguous run of the global tile order owned by one rank.
struct Segment {
  std::int32_t first_tile_index = 0;  ///< position of its first tile in tile_order()
  std::int32_t n_tiles = 0;
  std::int64_t first_cell = 0;  ///< global offset of its first cell in the global cell order
  std::int64_t n_cells = 0;
};

class Decomposition {
 public:
  /// Segments per rank when none is given: enough for every phase to balance on the national grid.
  static constexpr int k_default_segments_per_rank = 8;

  /// `weights[t]` (per national tile id, >= 0) is the cost of tile t; empty = active cells.
  Decomposition(const grid::TileLayout& layout, int n_ranks, const std::vector<std::int64_t>& weights = {},
                int segments_per_rank = k_default_segments_per_rank);

  int n_ranks() const { return m_n_ranks; }
  /// Owner rank of a national tile id; -1 for tiles without active cells.
  int owner(std::int32_t tile) const { return m_owner[static_cast<std::size_t>(tile)]; }
  /// Active tiles in global (Hilbert) order.
  const std::vector<std::int32_t>& tile_order() const { return m_order; }
  /// Tiles owned by `rank`, in global order.
  std::vector<std::int32_t> tiles_of(int rank) const;
  /// Position of a tile in the global order, -1 for inactive tiles.
  std::int32_t order_index(std::int32_t tile) const { return m_order_index[static_cast<std::size_t>(tile)]; }
  /// The segments of `rank` in global order: always `segments_per_rank` of them (some may be empty), so
  /// collective I/O over segments makes the same number of calls on every rank. Checkpoints store the
  /// state in the global cell order (tiles in global order, cells within a tile row-major); a rank's
  /// dense arrays are its segments one after another.
  const std::vector<Segment>& segments_of(int rank) const { return m_segments[static_cast<std::size_t>(rank)]; }
  /// Active cells owned by `rank`.
  std::int64_t cells_of(int rank) const;

 private:
  int m_n_ranks;
  std::vector<std::int32_t> m_order;
  std::vector<std::int32_t> m_order_index;
  std::vector<int> m_owner;
  std::vector<std::vector<Segment>> m_segments;  ///< per rank
};

}  // namespace polder::parallel
