#include "solver/parallel/decomposition.hpp"

#include <algorithm>
#include <bit>

#include "solver/core/error.hpp"
#include "solver/grid/hilbert.hpp"

namespace polder::parallel {

Decomposition::Decomposition(const grid::TileLayout& layout, int n_ranks, const std::vector<std::int64_t>& weights)
    : m_n_ranks(n_ranks),
      m_order_index(static_cast<std::size_t>(layout.n_tiles()), -1),
      m_owner(static_cast<std::size_t>(layout.n_tiles()), -1) {
  POLDER_VERIFY(n_ranks >= 1, "decomposition over ", n_ranks, " ranks");
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

  // Cut into runs of equal weight: a tile goes to the rank whose share holds its weight midpoint.
  // Integer arithmetic only, so every rank computes the same cut.
  POLDER_VERIFY(weights.empty() || weights.size() == static_cast<std::size_t>(layout.n_tiles()),
                "decomposition weights for ", weights.size(), " tiles, layout has ", layout.n_tiles());
  const auto weight_of = [&](std::int32_t t) {
    return weights.empty() ? layout.active_count(t) : weights[static_cast<std::size_t>(t)];
  };
  std::int64_t total_weight = 0;
  for (const std::int32_t t : m_order) total_weight += weight_of(t);
  POLDER_VERIFY(total_weight < (std::int64_t{1} << 61) / n_ranks, "decomposition weights too large");
  const std::int64_t total = layout.total_active();
  m_rank_begin.assign(static_cast<std::size_t>(n_ranks) + 1, static_cast<std::int32_t>(m_order.size()));
  m_rank_first_cell.assign(static_cast<std::size_t>(n_ranks) + 1, total);
  std::int64_t prefix = 0, cells = 0;
  int current = -1;
  for (std::size_t i = 0; i < m_order.size(); ++i) {
    const std::int32_t t = m_order[i];
    const std::int64_t w = weight_of(t);
    const std::int64_t mid2 = 2 * prefix + w;  // twice the midpoint, to stay in integers
    int r = total_weight > 0 ? static_cast<int>((mid2 * n_ranks) / (2 * total_weight)) : 0;
    r = std::clamp(r, std::max(current, 0), n_ranks - 1);
    while (current < r) {
      ++current;
      m_rank_begin[static_cast<std::size_t>(current)] = static_cast<std::int32_t>(i);
      m_rank_first_cell[static_cast<std::size_t>(current)] = cells;
    }
    m_owner[static_cast<std::size_t>(t)] = r;
    m_order_index[static_cast<std::size_t>(t)] = static_cast<std::int32_t>(i);
    prefix += w;
    cells += layout.active_count(t);
  }
  // Ranks after the last one that received a tile own empty runs at the end.
  for (int r = current + 1; r <= n_ranks; ++r) {
    m_rank_begin[static_cast<std::size_t>(r)] = static_cast<std::int32_t>(m_order.size());
    m_rank_first_cell[static_cast<std::size_t>(r)] = total;
  }
}

std::vector<std::int32_t> Decomposition::tiles_of(int rank) const {
  const auto b = m_rank_begin[static_cast<std::size_t>(rank)];
  const auto e = m_rank_begin[static_cast<std::size_t>(rank) + 1];
  return {m_order.begin() + b, m_order.begin() + e};
}

std::int64_t Decomposition::cells_of(int rank) const {
  return m_rank_first_cell[static_cast<std::size_t>(rank) + 1] - m_rank_first_cell[static_cast<std::size_t>(rank)];
}

std::int64_t Decomposition::first_cell_of(int rank) const { return m_rank_first_cell[static_cast<std::size_t>(rank)]; }

}  // namespace polder::parallel
