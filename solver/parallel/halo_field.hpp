#pragma once
// A dense per-tile field over a rank's owned tiles with a one-cell halo ring around each tile. Used
// only by neighbourhood processes (fire spread); all other state is stored for active cells only.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace polder::parallel {

template <typename T>
class HaloField {
 public:
  HaloField(std::size_t n_local_tiles, std::int32_t tile_size, T fill = T{})
      : m_tile_size(tile_size),
        m_stride(tile_size + 2),
        m_tile_values(static_cast<std::size_t>(m_stride) * m_stride),
        m_data(n_local_tiles * m_tile_values, fill) {}

  std::int32_t tile_size() const { return m_tile_size; }
  std::size_t n_tiles() const { return m_tile_values == 0 ? 0 : m_data.size() / m_tile_values; }

  /// Value at tile-local (row, col); row and col may be -1 or tile_size (the halo ring).
  T& at(std::size_t local_tile, std::int32_t row, std::int32_t col) { return m_data[offset(local_tile, row, col)]; }
  const T& at(std::size_t local_tile, std::int32_t row, std::int32_t col) const {
    return m_data[offset(local_tile, row, col)];
  }
  std::span<T> tile(std::size_t local_tile) { return {m_data.data() + local_tile * m_tile_values, m_tile_values}; }
  void fill(T value) { std::fill(m_data.begin(), m_data.end(), value); }

 private:
  std::size_t offset(std::size_t local_tile, std::int32_t row, std::int32_t col) const {
    return local_tile * m_tile_values + static_cast<std::size_t>((row + 1) * m_stride + (col + 1));
  }
  std::int32_t m_tile_size;
  std::int32_t m_stride;
  std::size_t m_tile_values;
  std::vector<T> m_data;
};

}  // namespace polder::parallel
