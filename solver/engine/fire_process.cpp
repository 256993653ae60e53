#include "solver/engine/fire_process.hpp"

#include <algorithm>
#include <cmath>

#include "solver/grid/national_grid.hpp"
#include "solver/kernels/counter_hash.hpp"
#include "solver/kernels/fire.hpp"
#include "solver/kernels/philox_batch.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::engine {

FireProcess::FireProcess(const parallel::Comm& comm, const grid::TileLayout& layout,
                         const parallel::Decomposition& decomposition, const CellState& state)
    : m_comm(comm),
      m_field(state.n_tiles(), state.tile_size, 0),
      m_halo(comm, layout, decomposition, state.tiles),
      m_front(state.n_tiles()),
      m_touched(state.n_tiles()) {}

std::int64_t FireProcess::find_cell(const CellState& s, std::size_t t, std::int32_t row, std::int32_t col) const {
  const auto key = static_cast<std::uint16_t>(row * s.tile_size + col);
  const auto& local = s.tile_input(t).local_index;
  const auto it = std::lower_bound(local.begin(), local.end(), key);
  return (it != local.end() && *it == key) ? static_cast<std::int64_t>(s.begin(t) + (it - local.begin())) : -1;
}

FireYear FireProcess::run(const YearContext& ctx, const CellState& s, std::vector<std::vector<std::uint32_t>>& burnt) {
  const auto& fp = ctx.parameters->fire;
  const std::uint64_t seed = ctx.seed;
  const std::int32_t T = s.tile_size;
  const auto on_edge = [T](std::int32_t li) {
    const std::int32_t r = li / T, c = li % T;
    return r == 0 || c == 0 || r == T - 1 || c == T - 1;
  };
  FireYear out;
  burnt.resize(s.n_tiles());
  for (auto& b : burnt) b.clear();
  m_changed.resize(s.n_tiles(), 0);
  m_ring_set.resize(s.n_tiles(), 0);
  for (std::size_t t = 0; t < s.n_tiles(); ++t) {
    for (const auto pos : m_touched[t]) {
      m_field.at(t, pos / T, pos % T) = 0;
      if (on_edge(pos)) m_changed[t] = 1;  // neighbours' rings must see the reset
    }
    m_touched[t].clear();
    m_front[t].clear();
  }

  // Ignition: one draw per flammable cell, tiles in parallel. The drought factor depends only on the
  // climate cell and is computed once per year (climate_tables.hpp). A tile's draws are made in one
  // batch (kernels/philox_batch.hpp): the same numbers as one SharedUniformStream draw per cell.
  const std::vector<double>& drought = ctx.climate->fire_drought;
  std::vector<std::int64_t> ignitions(s.n_tiles(), 0);
  const auto key0 = static_cast<std::uint32_t>(seed), key1 = static_cast<std::uint32_t>(seed >> 32);
  const std::uint32_t word =
      static_cast<std::uint32_t>(ctx.year) ^ (static_cast<std::uint32_t>(kernels::RandomStream::fire_ignition) << 24);
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    thread_local std::vector<std::uint32_t> cells, block_of, c0, c1, c2, c3;
    thread_local std::vector<std::int64_t> ids;
    thread_local std::vector<double> probability;
    cells.clear();
    ids.clear();
    probability.clear();
    block_of.clear();
    c0.clear();
    c1.clear();
    const auto& local = s.tile_input(t).local_index;
    const FlammableList& flammable = s.processes[t].flammable;
    std::uint64_t last_block = ~std::uint64_t{0};
    for (std::size_t r = 0; r < flammable.size(); ++r) {
      const std::size_t i = s.begin(t) + flammable.cell[r];
      const std::uint8_t lu = s.land_use[i];
      const std::uint16_t li = local[flammable.cell[r]];
      const std::int64_t id =
          grid::NationalGrid::cell_id(s.tile_row0[t] + s.row_in_tile[li], s.tile_col0[t] + s.col_in_tile[li]);
      cells.push_back(static_cast<std::uint32_t>(i));
      ids.push_back(id);
      probability.push_back(
          kernels::ignition_probability(fp, lu, drought[s.climate_cell[i]], grid::NationalGrid::cell_area_ha));
      const auto block = static_cast<std::uint64_t>(id) >> 2;
      if (block != last_block) {
        c0.push_back(static_cast<std::uint32_t>(block));
        c1.push_back(static_cast<std::uint32_t>(block >> 32));
        last_block = block;
      }
      block_of.push_back(static_cast<std::uint32_t>(c0.size() - 1));
    }
    const std::size_t nb = c0.size();
    c2.assign(nb, word);
    c3.assign(nb, 0x5ca1ab1eU);
    kernels::philox4x32_10(nb, {c0.data(), c1.data(), c2.data(), c3.data()}, key0, key1);
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const std::uint32_t b = block_of[k];
      const std::uint32_t lanes[4] = {c0[b], c1[b], c2[b], c3[b]};
      const double u = static_cast<double>(lanes[ids[k] & 3]) * 0x1.0p-32;
      if (!(u < probability[k])) continue;
      const std::size_t i = cells[k];
      const std::uint16_t li = local[i - s.begin(t)];
      m_field.at(t, li / T, li % T) = 2;
      m_front[t].push_back(li);
      m_touched[t].push_back(li);
      if (on_edge(li)) m_changed[t] = 1;
      burnt[t].push_back(static_cast<std::uint32_t>(i));
      ++ignitions[t];
    }
  });
  for (const auto n : ignitions) out.ignitions += n;
  out.burnt_cells = out.ignitions;

  // Spread: synchronous steps until no rank has a front left.
  // Only a front cell on a tile edge can light cells of another tile (on this rank or another), so
  // the halo is exchanged when some rank has one, and once more after that to clear the burnt-out
  // front from the rings; without edge fronts anywhere no ring cell is burning and rings are skipped.
  // Only tiles whose edge changed since the last exchange feed their neighbours' rings, and only
  // tiles with a front or a non-zero ring are visited.
  std::vector<std::pair<std::size_t, std::uint16_t>> next;
  std::vector<std::uint16_t> candidates;
  bool rings_hold_fronts = false;
  for (std::int32_t step = 1; step <= fp.max_spread_steps; ++step) {
    bool any_front = false, edge_front = false;
    for (const auto& f : m_front) {
      any_front = any_front || !f.empty();
      for (const auto li : f) edge_front = edge_front || on_edge(li);
    }
    if (!m_comm.any(any_front)) break;
    const bool edge_fronts = m_comm.any(edge_front);
    if (edge_fronts || rings_hold_fronts) {
      m_halo.exchange(m_field, m_changed, &m_ring_set);
      std::fill(m_changed.begin(), m_changed.end(), 0);
    }
    rings_hold_fronts = edge_fronts;
    out.spread_steps = step;
    next.clear();
    for (std::size_t t = 0; t < s.n_tiles(); ++t) {
      const bool scan_ring = edge_fronts && m_ring_set[t];
      if (m_front[t].empty() && !scan_ring) continue;
      // Candidates: the unburnt neighbours of front cells in this tile and of front cells in the ring.
      candidates.clear();
      const auto add_neighbours = [&](std::int32_t r, std::int32_t c) {
        for (int d = 0; d < 8; ++d) {
          const std::int32_t nr = r + grid::k_dir_drow[static_cast<std::size_t>(d)];
          const std::int32_t nc = c + grid::k_dir_dcol[static_cast<std::size_t>(d)];
          if (nr < 0 || nc < 0 || nr >= T || nc >= T) continue;
          if (m_field.at(t, nr, nc) == 0) candidates.push_back(static_cast<std::uint16_t>(nr * T + nc));
        }
      };
      for (const auto li : m_front[t]) add_neighbours(li / T, li % T);
      if (scan_ring) {
        bool any_set = false;
        for (std::int32_t k = -1; k <= T; ++k) {
          for (const auto& [r, c] : {std::pair{-1, k}, std::pair{T, k}, std::pair{k, -1}, std::pair{k, T}}) {
            const std::uint8_t v = m_field.at(t, r, c);
            any_set = any_set || v != 0;
            if (v == 2) add_neighbours(r, c);
          }
        }
        if (!any_set) m_ring_set[t] = 0;
      }
      if (candidates.empty()) continue;
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      for (const auto li : candidates) {
        const std::int32_t r = li / T, c = li % T;
        const std::int64_t i = find_cell(s, t, r, c);
        if (i < 0) continue;
        const auto idx = static_cast<std::size_t>(i);
        const std::uint8_t lu = s.land_use[idx];
        if (fp.spread_probability[lu] <= 0.0) continue;
        int burning = 0;
        for (int d = 0; d < 8; ++d)
          burning += m_field.at(t, r + grid::k_dir_drow[static_cast<std::size_t>(d)],
                                c + grid::k_dir_dcol[static_cast<std::size_t>(d)]) == 2
                         ? 1
                         : 0;
        const double p1 = kernels::spread_probability(fp, lu, drought[s.climate_cell[idx]]);
        const double p = 1.0 - std::pow(1.0 - p1, burning);
        if (kernels::uniform01(seed, kernels::RandomStream::fire_spread, ctx.year, s.cell_id(t, idx),
                               static_cast<std::uint32_t>(step)) < p) {
          next.emplace_back(t, li);
          burnt[t].push_back(static_cast<std::uint32_t>(idx));
        }
      }
    }
    // The old front is now burnt out; the new one burns.
    for (std::size_t t = 0; t < s.n_tiles(); ++t) {
      for (const auto li : m_front[t]) {
        m_field.at(t, li / T, li % T) = 1;
        if (on_edge(li)) m_changed[t] = 1;
      }
      m_front[t].clear();
    }
    for (const auto& [t, li] : next) {
      m_field.at(t, li / T, li % T) = 2;
      m_front[t].push_back(li);
      m_touched[t].push_back(li);
      if (on_edge(li)) m_changed[t] = 1;
    }
    out.burnt_cells += static_cast<std::int64_t>(next.size());
  }
  for (auto& b : burnt) std::sort(b.begin(), b.end());
  return out;
}

}  // namespace polder::engine
