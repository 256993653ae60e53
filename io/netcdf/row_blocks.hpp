#pragma once
// Row blocks for scanning a whole file in parallel: the file window's rows are cut into bands of
// `rows_per_block` rows (aligned with the 256-row chunks of an input stack), contiguous runs of bands
// go to the ranks in order, and every rank makes the same number of collective calls (`rounds`),
// passing an empty block once it has no band left.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "io/netcdf/nc_file.hpp"
#include "solver/grid/grid_window.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::io {

class RowBlocks {
 public:
  RowBlocks(const grid::GridWindow& window, const parallel::Comm& comm, std::int32_t rows_per_block = 256)
      : m_window(window) {
    const std::int32_t n_bands = window.empty() ? 0 : (window.n_rows + rows_per_block - 1) / rows_per_block;
    const auto band = [&](std::int32_t i) {
      const std::int32_t r0 = window.row0 + i * rows_per_block;
      return grid::GridWindow{r0, window.col0, std::min(rows_per_block, window.row1() - r0), window.n_cols};
    };
    const auto first = static_cast<std::int32_t>(std::int64_t{n_bands} * comm.rank() / comm.size());
    const auto last = static_cast<std::int32_t>(std::int64_t{n_bands} * (comm.rank() + 1) / comm.size());
    for (std::int32_t i = first; i < last; ++i) m_mine.push_back(band(i));
    m_rounds = static_cast<std::size_t>((n_bands + comm.size() - 1) / comm.size());
  }

  /// Collective calls every rank makes: the largest number of bands any rank has.
  std::size_t rounds() const { return m_rounds; }
  /// This rank's block in round `i` (empty once it has none left).
  grid::GridWindow block(std::size_t i) const {
    return i < m_mine.size() ? m_mine[i] : grid::GridWindow{m_window.row0, m_window.col0, 0, 0};
  }
  const std::vector<grid::GridWindow>& mine() const { return m_mine; }

 private:
  grid::GridWindow m_window;
  std::vector<grid::GridWindow> m_mine;
  std::size_t m_rounds = 0;
};

/// Collective read of `block` (national window inside `file_window`) of a (y, x) variable, or of map
/// year `year_index` of a (map_year, y, x) variable. An empty block reads nothing.
template <typename T>
void read_block(const NcFile& file, const std::string& var, const grid::GridWindow& file_window,
                const grid::GridWindow& block, std::optional<std::size_t> year_index, std::vector<T>& out) {
  out.resize(block.empty() ? 0 : static_cast<std::size_t>(block.size()));
  // Sized up front (no insert): GCC 12 mis-diagnoses vector::insert of an initializer list here.
  const std::size_t lead = year_index ? 1 : 0;
  std::vector<std::size_t> start(lead + 2, 0), count(lead + 2, 0);
  if (!block.empty()) {
    if (year_index) {
      start[0] = *year_index;
      count[0] = 1;
    }
    start[lead] = static_cast<std::size_t>(block.row0 - file_window.row0);
    start[lead + 1] = static_cast<std::size_t>(block.col0 - file_window.col0);
    count[lead] = static_cast<std::size_t>(block.n_rows);
    count[lead + 1] = static_cast<std::size_t>(block.n_cols);
  }
  file.read<T>(var, start, count, std::span<T>(out));
}

}  // namespace polder::io
