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
      m_touched(state.n_tiles()),
      m_climate_cells(state.n_tiles()) {
  for (std::size_t t = 0; t < state.n_tiles(); ++t) {
    auto& cells = m_climate_cells[t];
    for (std::size_t i = state.begin(t); i < state.end(t); ++i)
      if (cells.empty() || cells.back() != state.climate_cell[i]) cells.push_back(state.climate_cell[i]);
    std::sort(cells.begin(), cells.end());
    cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  }
}

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
  // batch (kernels/philox_batch.hpp): the same numbers as one SharedUniformStream draw per cell. Only
  // blocks with a lane below the tile's largest ignition probability are looked at cell by cell.
  const std::vector<double>& drought = ctx.climate->fire_drought;
  std::vector<std::int64_t> ignitions(s.n_tiles(), 0);
  const auto key0 = static_cast<std::uint32_t>(seed), key1 = static_cast<std::uint32_t>(seed >> 32);
  const std::uint32_t word =
      static_cast<std::uint32_t>(ctx.year) ^ (static_cast<std::uint32_t>(kernels::RandomStream::fire_ignition) << 24);
  double max_rate = 0.0;  // ignition_probability's first factor, in its order of operations
  for (const double per_ha : fp.ignition_per_ha_yr)
    max_rate = std::max(max_rate, per_ha * grid::NationalGrid::cell_area_ha);
  max_rate *= std::max(1.0, ctx.max_ignition_factor);  // measures may raise ignition on their cells
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    const FlammableList& flammable = s.processes[t].flammable;
    if (flammable.empty()) return;
    // The tile's blocks of four cell ids (one Philox block each) and the first record of each.
    thread_local std::vector<std::uint32_t> c0, c1, c2, c3, block_first;
    c0.clear();
    block_first.clear();
    std::uint32_t last_block = 0xFFFFFFFFU;
    for (std::size_t r = 0; r < flammable.size(); ++r) {
      const std::uint32_t block = flammable.cell_id[r] >> 2;
      if (block != last_block) {
        c0.push_back(block);
        block_first.push_back(static_cast<std::uint32_t>(r));
        last_block = block;
      }
    }
    const std::size_t nb = c0.size();
    block_first.push_back(static_cast<std::uint32_t>(flammable.size()));
    c1.assign(nb, 0);  // cell ids < 2^32: the block number's high word is 0
    c2.assign(nb, word);
    c3.assign(nb, 0x5ca1ab1eU);
    kernels::philox4x32_10(nb, {c0.data(), c1.data(), c2.data(), c3.data()}, key0, key1);
    // u < p <= p_max with u = lane / 2^32: a block can hold an ignition only if a lane is below
    // p_max * 2^32 (exact: a power-of-two scaling), tested on the integers with one to spare.
    double max_drought = 0.0;
    for (const std::uint16_t cc : m_climate_cells[t]) max_drought = std::max(max_drought, drought[cc]);
    const double bound = std::ldexp(std::min(1.0, max_rate * max_drought), 32);
    const bool every_block = !(bound < 4294967295.0);  // p_max near 1 (or not a number): no filter
    const std::uint32_t limit = every_block ? 0xFFFFFFFFU : static_cast<std::uint32_t>(bound) + 1U;
    const auto& local = s.tile_input(t).local_index;
    for (std::size_t b = 0; b < nb; ++b) {
      const std::uint32_t lowest = std::min(std::min(c0[b], c1[b]), std::min(c2[b], c3[b]));
      if (!every_block && lowest >= limit) continue;
      const std::uint32_t lanes[4] = {c0[b], c1[b], c2[b], c3[b]};
      for (std::uint32_t k = block_first[b]; k < block_first[b + 1]; ++k) {
        const std::size_t i = s.begin(t) + flammable.cell[k];
        const double u = static_cast<double>(lanes[flammable.cell_id[k] & 3]) * 0x1.0p-32;
        const double p = kernels::ignition_probability(fp, s.land_use[i], drought[s.climate_cell[i]],
                                                       grid::NationalGrid::cell_area_ha) *
                         static_cast<double>(flammable.ignition_factor[k]);
        if (!(u < p)) continue;
        const std::uint16_t li = local[i - s.begin(t)];
        m_field.at(t, li / T, li % T) = 2;
        m_front[t].push_back(li);
        m_touched[t].push_back(li);
        if (on_edge(li)) m_changed[t] = 1;
        burnt[t].push_back(static_cast<std::uint32_t>(i));
        ++ignitions[t];
      }
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
        // A fuel break (a fire-prevention measure) does not burn.
        const FlammableList& fl = s.processes[t].flammable;
        if (const auto f = fl.find(static_cast<std::uint16_t>(idx - s.begin(t)));
            f >= 0 && fl.spreads[static_cast<std::size_t>(f)] == 0)
          continue;
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
  std::vector<std::int64_t> ids;
  for (std::size_t t = 0; t < burnt.size(); ++t)
    for (const std::uint32_t i : burnt[t]) ids.push_back(s.cell_id(t, i));
  out.patches = fire_patches(m_comm, ids);
  return out;
}

}  // namespace polder::engine
