#pragma once
// What tiles exist: the national grid cut into square tiles of `tile_size` cells, and which of them
// hold active cells. Geometry only; who owns a tile is `parallel::Decomposition`'s business.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "solver/grid/grid_window.hpp"

namespace polder::grid {

/// A tile's position in the tile grid plus the national window it covers (clipped at the edges).
struct TileGeometry {
  std::int32_t tile_row = 0;
  std::int32_t tile_col = 0;
  GridWindow window;
};

class TileLayout {
 public:
  static constexpr std::int32_t k_max_tile_size = 256;  // local cell index fits in 16 bits

  /// Tiles of `tile_size` cells covering the national grid. `active_count[t]` holds the number of
  /// active cells of every national tile t (row-major tile id), zero for tiles outside the run.
  TileLayout(std::int32_t tile_size, std::vector<std::int64_t> active_count);

  /// Layout with counts still unknown (all tiles reported as having zero active cells).
  explicit TileLayout(std::int32_t tile_size);

  std::int32_t tile_size() const { return m_tile_size; }
  std::int32_t n_tile_rows() const { return m_n_tile_rows; }
  std::int32_t n_tile_cols() const { return m_n_tile_cols; }
  std::int32_t n_tiles() const { return m_n_tile_rows * m_n_tile_cols; }

  /// National tile id of the tile at (tile_row, tile_col), row-major.
  std::int32_t tile_id(std::int32_t tile_row, std::int32_t tile_col) const {
    return tile_row * m_n_tile_cols + tile_col;
  }
  /// Tile holding the national cell (row, col).
  std::int32_t tile_of_cell(std::int32_t row, std::int32_t col) const {
    return tile_id(row / m_tile_size, col / m_tile_size);
  }
  TileGeometry geometry(std::int32_t tile) const;

  std::int64_t active_count(std::int32_t tile) const { return m_active_count[static_cast<std::size_t>(tile)]; }
  std::span<const std::int64_t> active_counts() const { return m_active_count; }
  std::int64_t total_active() const { return m_total_active; }
  /// Tiles with at least one active cell, ascending tile id.
  const std::vector<std::int32_t>& active_tiles() const { return m_active_tiles; }

  /// The 8 neighbours of a tile (N, NE, E, SE, S, SW, W, NW); -1 where outside the tile grid.
  std::array<std::int32_t, 8> neighbours(std::int32_t tile) const;

 private:
  std::int32_t m_tile_size;
  std::int32_t m_n_tile_rows;
  std::int32_t m_n_tile_cols;
  std::vector<std::int64_t> m_active_count;
  std::vector<std::int32_t> m_active_tiles;
  std::int64_t m_total_active = 0;
};

/// Direction offsets in the order TileLayout::neighbours uses: N, NE, E, SE, S, SW, W, NW.
inline constexpr std::array<std::int32_t, 8> k_dir_drow = {-1, -1, 0, 1, 1, 1, 0, -1};
inline constexpr std::array<std::int32_t, 8> k_dir_dcol = {0, 1, 1, 1, 0, -1, -1, -1};
constexpr int opposite_direction(int dir) { return (dir + 4) % 8; }

}  // namespace polder::grid
