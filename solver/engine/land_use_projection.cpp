#include "solver/engine/land_use_projection.hpp"

#include <algorithm>
#include <string>

#include "solver/core/error.hpp"
#include "solver/engine/measure_plan.hpp"
#include "solver/grid/national_grid.hpp"
#include "solver/kernels/counter_hash.hpp"
#include "solver/kernels/philox_batch.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::engine {
namespace {

/// Mapped land use of every cell of a tile at the end of `year`.
void land_use_at(const TileInput& in, std::int32_t year, std::vector<std::uint8_t>& out) {
  out.assign(in.land_use_base.begin(), in.land_use_base.end());
  for (const auto& e : in.events) {
    if (e.year > year) break;
    out[e.cell] = e.land_use;
  }
}

constexpr std::int32_t k_block = 4;  ///< a parcel: 4 x 4 cells = 1 ha
constexpr std::int64_t k_block_cols = (grid::NationalGrid::n_cols + k_block - 1) / k_block;

}  // namespace

ProjectionRates::BlockSpan ProjectionRates::block_span(const CellState& s, std::size_t t) {
  // The blocks that overlap the tile (a block may straddle tiles when the tile size is not a multiple
  // of 4: both tiles then see the same draw).
  const std::int32_t T = s.tile_size;
  const std::int32_t r0 = s.tile_row0[t], c0 = s.tile_col0[t];
  BlockSpan b;
  b.br0 = r0 / k_block;
  b.bc0 = c0 / k_block;
  b.n_rows = static_cast<std::size_t>((r0 + T - 1) / k_block - b.br0 + 1);
  b.n_cols = static_cast<std::size_t>((c0 + T - 1) / k_block - b.bc0 + 1);
  return b;
}

ProjectionRates::ProjectionRates(const parallel::Comm& comm, const CellState& s,
                                 const std::vector<std::int32_t>& map_years, const io::RunConfig& config)
    : m_counts(static_cast<std::size_t>(model::k_provinces) * k_lu * k_lu, 0),
      m_cumulative(m_counts.size(), 0.0),
      m_fixed(k_lu, 0) {
  m_fixed[0] = 1;
  for (const auto& name : config.projection_fixed)
    for (std::size_t c = 1; c < model::k_land_use_info.size(); ++c)
      if (model::k_land_use_info[c].key == name) m_fixed[c] = 1;
  m_first = map_years.empty() ? 0 : map_years.back() + 1;
  if (!config.projection || map_years.size() < 2) return;
  m_to = config.projection_to != 0 ? config.projection_to : map_years.back();
  m_from = config.projection_from != 0 ? config.projection_from : map_years[map_years.size() - 2];
  const auto is_map = [&](std::int32_t y) {
    return std::find(map_years.begin(), map_years.end(), y) != map_years.end();
  };
  if (!is_map(m_from) || !is_map(m_to) || m_from >= m_to) {
    std::string years;
    for (const auto y : map_years) {
      if (!years.empty()) years += ' ';
      years += std::to_string(y);
    }
    throw ConfigError(cat("projection.from_year = ", m_from, ", projection.to_year = ", m_to,
                          ": both must be map years of the input stack (", years, "), from before to"));
  }
  // Count per rank, then sum exactly: the rates are the same on every rank.
  std::vector<std::vector<std::int64_t>> per_thread;
  std::vector<std::uint8_t> at_from, at_to;
  for (std::size_t t = 0; t < s.n_tiles(); ++t) {
    const TileInput& in = s.tile_input(t);
    land_use_at(in, m_from, at_from);
    land_use_at(in, m_to, at_to);
    for (std::size_t c = 0; c < in.n_cells(); ++c) {
      const int p = in.province[c];
      if (p < 1 || p > model::k_provinces) continue;
      ++m_counts[index(p, at_from[c], at_to[c])];
    }
  }
  comm.allreduce_sum(m_counts);
  const double years = static_cast<double>(m_to - m_from);
  for (int p = 1; p <= model::k_provinces; ++p) {
    for (int a = 1; a < k_lu; ++a) {
      std::int64_t n = 0;
      for (int b = 0; b < k_lu; ++b) n += m_counts[index(p, a, b)];
      double sum = 0.0;
      for (int b = 0; b < k_lu; ++b) {
        const bool moves =
            n > 0 && b != a && b != 0 && !m_fixed[static_cast<std::size_t>(a)] && !m_fixed[static_cast<std::size_t>(b)];
        if (moves) sum += static_cast<double>(m_counts[index(p, a, b)]) / static_cast<double>(n) / years;
        m_cumulative[index(p, a, b)] = sum;
      }
      m_max_total = std::max(m_max_total, sum);
    }
  }
  m_enabled = m_max_total > 0.0;
  if (!m_enabled) return;
  // Per tile: where each row's cells start (local_index ascends), so a block row is searched within
  // its row; the tile's blocks are listed at its first projected year (blocks()).
  m_blocks.resize(s.n_tiles());
  m_blocks_stale.assign(s.n_tiles(), 1);
  m_row_start.resize(s.n_tiles());
  for (std::size_t t = 0; t < s.n_tiles(); ++t) {
    const TileInput& in = s.tile_input(t);
    const auto T = static_cast<std::uint32_t>(s.tile_size);
    std::vector<std::uint32_t>& rs = m_row_start[t];
    rs.assign(T + 1, 0);
    for (std::size_t c = 0; c < in.n_cells(); ++c) ++rs[in.local_index[c] / T + 1];
    for (std::size_t r = 0; r < T; ++r) rs[r + 1] += rs[r];
  }
}

const std::vector<std::uint32_t>& ProjectionRates::blocks(const CellState& s, std::size_t t) const {
  std::vector<std::uint32_t>& list = m_blocks[t];
  if (m_blocks_stale[t] == 0) return list;
  // The blocks that hold a cell of a province whose class is not fixed. The others give no target
  // this year, and none later unless a cell of a fixed class changes to a free one (cell_changed):
  // they are not drawn (a block's draw is keyed by its id alone, so skipping one changes no other).
  const TileInput& in = s.tile_input(t);
  const BlockSpan b = block_span(s, t);
  thread_local std::vector<std::uint8_t> used;
  used.assign(b.n_rows * b.n_cols, 0);
  const auto T = static_cast<std::uint32_t>(s.tile_size);
  const std::size_t b0 = s.begin(t);
  for (std::size_t c = 0; c < in.n_cells(); ++c) {
    const int p = in.province[c];
    if (p < 1 || p > model::k_provinces || m_fixed[s.land_use[b0 + c]]) continue;
    const std::int32_t row = s.tile_row0[t] + static_cast<std::int32_t>(in.local_index[c] / T);
    const std::int32_t col = s.tile_col0[t] + static_cast<std::int32_t>(in.local_index[c] % T);
    used[static_cast<std::size_t>(row / k_block - b.br0) * b.n_cols + static_cast<std::size_t>(col / k_block - b.bc0)] =
        1;
  }
  list.clear();
  for (std::size_t k = 0; k < used.size(); ++k)
    if (used[k] != 0) list.push_back(static_cast<std::uint32_t>(k));
  list.shrink_to_fit();
  m_blocks_stale[t] = 0;
  return list;
}

void ProjectionRates::cell_changed(std::size_t t, std::uint8_t from, std::uint8_t to) const {
  if (m_enabled && m_fixed[from] && !m_fixed[to]) m_blocks_stale[t] = 1;
}

double ProjectionRates::rate(int province, int from, int to) const {
  if (province < 1 || province > model::k_provinces || from < 0 || from >= k_lu || to < 0 || to >= k_lu) return 0.0;
  const double below = to > 0 ? m_cumulative[index(province, from, to - 1)] : 0.0;
  return m_cumulative[index(province, from, to)] - below;
}

std::int64_t ProjectionRates::count(int province, int from, int to) const {
  if (province < 1 || province > model::k_provinces || from < 0 || from >= k_lu || to < 0 || to >= k_lu) return 0;
  return m_counts[index(province, from, to)];
}

void ProjectionRates::targets(const YearContext& ctx, const CellState& s, std::size_t t,
                              const std::vector<std::pair<std::uint16_t, std::uint8_t>>& taken,
                              std::vector<std::pair<std::uint16_t, std::uint8_t>>& out) const {
  if (!m_enabled || ctx.year < m_first) return;
  const TileInput& in = s.tile_input(t);
  const std::int32_t T = s.tile_size;
  const std::int32_t r0 = s.tile_row0[t], c0 = s.tile_col0[t];
  const BlockSpan span = block_span(s, t);
  const std::int32_t br0 = span.br0, bc0 = span.bc0;
  const auto n_bc = span.n_cols;
  const std::vector<std::uint32_t>& blocks = this->blocks(s, t);
  const std::size_t nb = blocks.size();
  thread_local std::vector<std::uint32_t> l0, l1, l2, l3;
  l0.resize(nb);
  l1.assign(nb, 0);
  l2.assign(nb, static_cast<std::uint32_t>(ctx.year) ^
                    (static_cast<std::uint32_t>(kernels::RandomStream::land_use_projection) << 24));
  l3.assign(nb, 0x0b10c0deU);
  for (std::size_t j = 0; j < nb; ++j) {
    const std::size_t k = blocks[j];
    const std::int64_t block =
        (br0 + static_cast<std::int64_t>(k / n_bc)) * k_block_cols + bc0 + static_cast<std::int64_t>(k % n_bc);
    l0[j] = static_cast<std::uint32_t>(block);
  }
  kernels::philox4x32_10(nb, {l0.data(), l1.data(), l2.data(), l3.data()}, static_cast<std::uint32_t>(ctx.seed),
                         static_cast<std::uint32_t>(ctx.seed >> 32));
  const auto& local = in.local_index;
  const std::size_t b0 = s.begin(t);
  const CoastalList& coastal = s.processes[t].coastal;
  const std::size_t first_out = out.size();
  for (std::size_t j = 0; j < nb; ++j) {
    const double u = static_cast<double>(l0[j]) * 0x1.0p-32;
    if (!(u < m_max_total)) continue;
    const std::size_t k = blocks[j];
    const std::int32_t br = br0 + static_cast<std::int32_t>(k / n_bc), bc = bc0 + static_cast<std::int32_t>(k % n_bc);
    for (std::int32_t dr = 0; dr < k_block; ++dr) {
      const std::int32_t row = br * k_block + dr - r0;
      if (row < 0 || row >= T) continue;
      const std::int32_t col_a = std::max(0, bc * k_block - c0), col_b = std::min(T, bc * k_block + k_block - c0);
      if (col_a >= col_b) continue;
      const auto first = static_cast<std::uint16_t>(row * T + col_a);
      const std::uint32_t* rs = m_row_start[t].data() + row;  // the cells of this row
      auto it = std::lower_bound(local.begin() + rs[0], local.begin() + rs[1], first);
      for (; it != local.end() && *it < row * T + col_b; ++it) {
        const auto cell = static_cast<std::uint16_t>(it - local.begin());
        const std::uint8_t a = s.land_use[b0 + cell];
        const int p = in.province[cell];
        if (m_fixed[a] || p < 1 || p > model::k_provinces) continue;
        if (u >= m_cumulative[index(p, a, k_lu - 1)]) continue;
        // A cell of a measure that sets the land use (reserved or active); management cells stay open.
        if (const std::uint8_t f = s.measure[b0 + cell]; f != 0 && ctx.measures->holds_land_use(f)) continue;
        const auto at = std::lower_bound(taken.begin(), taken.end(), std::pair<std::uint16_t, std::uint8_t>(cell, 0));
        if (at != taken.end() && at->first == cell) continue;  // changing this year already
        if (coastal.find(cell) >= 0) continue;                 // land use set by the coastal model
        int b = 1;
        while (u >= m_cumulative[index(p, a, b)]) ++b;
        out.emplace_back(cell, static_cast<std::uint8_t>(b));
      }
    }
  }
  // Blocks were visited row of blocks by row of blocks: put this tile's targets in cell order.
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first_out), out.end());
}

}  // namespace polder::engine
