#include "solver/parallel/decomposition.hpp"

#include <algorithm>
#include <bit>

#include "solver/core/error.hpp"
#include "solver/grid/hilbert.hpp"

namespace polder::parallel {

Decomposition::Decomposition(const grid::TileLayout& layout, int n_ranks, const std::vector<std::int64_t>& weights,
                             int segments_per_rank)
    : m_n_ranks(n_ranks),
      m_order_index(static_cast<std::size_t>(layout.n_tiles()), -1),
      m_owner(static_cast<std::size_t>(layout.n_tiles()), -1),
      m_segments(static_cast<std::size_t>(std::max(n_ranks, 1))) {
  POLDER_VERIFY(n_ranks >= 1, "decomposition over ", n_ranks, " ranks");
  POLDER_VERIFY(segments_per_rank >= 1, "decomposition with ", segments_per_rank, " segments per rank");
  const auto side = static_cast<std::uint32_t>(std::max(layout.n_tile_rows(), layout.n_tile_cols()));
  const std::uint32_t order = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::bit_width(side - 1)));

  // Order active tiles along the Hilbert curve (ties impossible: one tile per curve position).
  m_order = layout.active_tiles();
  std::vector<std::uint64_t> key(static_cast<std::size_t>(layout.n_tiles()), 0);
  for (const std::int32_t t : m_order) {
    const auto g = layout.geometry(t);
    key[static_cast<std::size_t>(t)] =
        grid::hilbert_index(order, static_cast<std::uint32_t>(g.tile_col), static_cast<std::uint32_t>(g.tile_row));
  }
  std::sort(m_order.begin(), m_order.end(), [&](std::int32_t a, std::int32_t b) {
    return key[static_cast<std::size_t>(a)] < key[static_cast<std::size_t>(b)];
  });

  // Cut into n_ranks x segments_per_rank runs of equal weight: a tile goes to the run whose share holds
  // its weight midpoint; run j belongs to rank j mod n_ranks. Integer arithmetic only, so every rank
  // computes the same cut.
  POLDER_VERIFY(weights.empty() || weights.size() == static_cast<std::size_t>(layout.n_tiles()),
                "decomposition weights for ", weights.size(), " tiles, layout has ", layout.n_tiles());
  const auto weight_of = [&](std::int32_t t) {
    return weights.empty() ? layout.active_count(t) : weights[static_cast<std::size_t>(t)];
  };
  const std::int64_t runs = static_cast<std::int64_t>(n_ranks) * segments_per_rank;
  std::int64_t total_weight = 0;
  for (const std::int32_t t : m_order) total_weight += weight_of(t);
  POLDER_VERIFY(total_weight < (std::int64_t{1} << 61) / runs, "decomposition weights too large");
  std::vector<Segment> run(static_cast<std::size_t>(runs));
  std::int64_t prefix = 0, cells = 0;
  std::int64_t current = 0;
  for (std::size_t i = 0; i < m_order.size(); ++i) {
    const std::int32_t t = m_order[i];
    const std::int64_t w = weight_of(t);
    const std::int64_t mid2 = 2 * prefix + w;  // twice the midpoint, to stay in integers
    std::int64_t j = total_weight > 0 ? (mid2 * runs) / (2 * total_weight) : 0;
    j = std::clamp(j, current, runs - 1);
    // Runs skipped (no tile of their own) start, empty, where the next one starts.
    for (; current < j; ++current) {
      auto& next = run[static_cast<std::size_t>(current + 1)];
      next.first_tile_index = static_cast<std::int32_t>(i);
      next.first_cell = cells;
    }
    auto& r = run[static_cast<std::size_t>(j)];
    if (r.n_tiles == 0) {
      r.first_tile_index = static_cast<std::int32_t>(i);
      r.first_cell = cells;
    }
    ++r.n_tiles;
    r.n_cells += layout.active_count(t);
    m_owner[static_cast<std::size_t>(t)] = static_cast<int>(j % n_ranks);
    m_order_index[static_cast<std::size_t>(t)] = static_cast<std::int32_t>(i);
    prefix += w;
    cells += layout.active_count(t);
  }
  for (std::int64_t j = current + 1; j < runs; ++j) {  // runs after the last tile: empty, at the end
    run[static_cast<std::size_t>(j)].first_tile_index = static_cast<std::int32_t>(m_order.size());
    run[static_cast<std::size_t>(j)].first_cell = cells;
  }
  for (std::int64_t j = 0; j < runs; ++j)
    m_segments[static_cast<std::size_t>(j % n_ranks)].push_back(run[static_cast<std::size_t>(j)]);
}

std::vector<std::int32_t> Decomposition::tiles_of(int rank) const {
  std::vector<std::int32_t> out;
  for (const Segment& g : segments_of(rank))
    out.insert(out.end(), m_order.begin() + g.first_tile_index, m_order.begin() + g.first_tile_index + g.n_tiles);
  return out;
}

std::int64_t Decomposition::cells_of(int rank) const {
  std::int64_t n = 0;
  for (const Segment& g : segments_of(rank)) n += g.n_cells;
  return n;
}

}  // namespace polder::parallel
