#include "solver/grid/tile_layout.hpp"

#include "solver/core/error.hpp"

namespace polder::grid {

TileLayout::TileLayout(std::int32_t tile_size) : TileLayout(tile_size, {}) {}

TileLayout::TileLayout(std::int32_t tile_size, std::vector<std::int64_t> active_count)
    : m_tile_size(tile_size),
      m_n_tile_rows((NationalGrid::n_rows + tile_size - 1) / std::max(tile_size, 1)),
      m_n_tile_cols((NationalGrid::n_cols + tile_size - 1) / std::max(tile_size, 1)),
      m_active_count(std::move(active_count)) {
  if (tile_size < 8 || tile_size > k_max_tile_size)
    throw ConfigError(
        cat("grid.tile_size = ", tile_size, " is outside the supported range 8..", k_max_tile_size, " cells"));
  if (m_active_count.empty()) m_active_count.assign(static_cast<std::size_t>(n_tiles()), 0);
  POLDER_VERIFY(static_cast<std::int32_t>(m_active_count.size()) == n_tiles(), "active-count vector has ",
                m_active_count.size(), " entries for ", n_tiles(), " tiles");
  for (std::int32_t t = 0; t < n_tiles(); ++t) {
    const std::int64_t n = m_active_count[static_cast<std::size_t>(t)];
    POLDER_VERIFY(n >= 0 && n <= std::int64_t{tile_size} * tile_size, "tile ", t, " has ", n, " cells");
    if (n > 0) {
      m_active_tiles.push_back(t);
      m_total_active += n;
    }
  }
}

TileGeometry TileLayout::geometry(std::int32_t tile) const {
  POLDER_ASSERT(tile >= 0 && tile < n_tiles(), "tile ", tile);
  TileGeometry g;
  g.tile_row = tile / m_n_tile_cols;
  g.tile_col = tile % m_n_tile_cols;
  g.window.row0 = g.tile_row * m_tile_size;
  g.window.col0 = g.tile_col * m_tile_size;
  g.window.n_rows = std::min(m_tile_size, NationalGrid::n_rows - g.window.row0);
  g.window.n_cols = std::min(m_tile_size, NationalGrid::n_cols - g.window.col0);
  return g;
}

std::array<std::int32_t, 8> TileLayout::neighbours(std::int32_t tile) const {
  std::array<std::int32_t, 8> out{};
  const std::int32_t tr = tile / m_n_tile_cols, tc = tile % m_n_tile_cols;
  for (int d = 0; d < 8; ++d) {
    const std::int32_t r = tr + k_dir_drow[d], c = tc + k_dir_dcol[d];
    out[d] = (r < 0 || c < 0 || r >= m_n_tile_rows || c >= m_n_tile_cols) ? -1 : tile_id(r, c);
  }
  return out;
}

}  // namespace polder::grid
