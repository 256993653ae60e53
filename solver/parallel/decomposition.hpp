#pragma once
// Who owns which tile. Active tiles are ordered along a Hilbert curve over the tile grid and cut into
// contiguous runs of (nearly) equal weight, one run per rank: the modelled cost of a tile's work (the
// engine's work model), or its active-cell count when no weights are given. Every rank computes the
// same answer from the same TileLayout and weights (integers), so no communication is needed.

#include <cstdint>
#include <vector>

#include "solver/grid/tile_layout.hpp"

namespace polder::parallel {

class Decomposition {
 public:
  /// `weights[t]` (per national tile id, >= 0) is the cost of tile t; empty = active cells.
  Decomposition(const grid::TileLayout& layout, int n_ranks, const std::vector<std::int64_t>& weights = {});

  int n_ranks() const { return m_n_ranks; }
  /// Owner rank of a national tile id; -1 for tiles without active cells.
  int owner(std::int32_t tile) const { return m_owner[static_cast<std::size_t>(tile)]; }
  /// Active tiles in global (Hilbert) order. Rank r owns the contiguous run
  /// [first_tile_index(r), first_tile_index(r + 1)) of this list.
  const std::vector<std::int32_t>& tile_order() const { return m_order; }
  std::int32_t first_tile_index(int rank) const { return m_rank_begin[static_cast<std::size_t>(rank)]; }
  /// Tiles owned by `rank`, in global order.
  std::vector<std::int32_t> tiles_of(int rank) const;
  /// Position of a tile in the global order, -1 for inactive tiles.
  std::int32_t order_index(std::int32_t tile) const { return m_order_index[static_cast<std::size_t>(tile)]; }
  /// Active cells owned by `rank`, and the global offset of its first cell in the global cell order
  /// (tiles in global order, cells within a tile row-major). Checkpoints use this ordering.
  std::int64_t cells_of(int rank) const;
  std::int64_t first_cell_of(int rank) const;

 private:
  int m_n_ranks;
  std::vector<std::int32_t> m_order;
  std::vector<std::int32_t> m_order_index;
  std::vector<int> m_owner;
  std::vector<std::int32_t> m_rank_begin;       // n_ranks + 1 entries
  std::vector<std::int64_t> m_rank_first_cell;  // n_ranks + 1 entries
};

}  // namespace polder::parallel
