#include "solver/engine/fire_process.hpp"

#include <algorithm>
#include <cmath>

#include "solver/grid/national_grid.hpp"
#include "solver/kernels/counter_hash.hpp"
#include "solver/kernels/fire.hpp"
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
  const auto* first = s.local_index.data() + s.begin(t);
  const auto* last = s.local_index.data() + s.end(t);
  const auto* it = std::lower_bound(first, last, key);
  return (it != last && *it == key) ? static_cast<std::int64_t>(it - s.local_index.data()) : -1;
}

FireYear FireProcess::run(const StepContext& ctx, const CellState& s, std::uint64_t seed,
                          std::vector<std::uint8_t>& burnt) {
  const auto& fp = ctx.parameters->fire;
  const auto& cy = ctx.climate_year;
  const std::int32_t T = s.tile_size;
  FireYear out;
  burnt.assign(s.n_cells(), 0);
  for (std::size_t t = 0; t < s.n_tiles(); ++t) {
    for (const auto pos : m_touched[t]) m_field.at(t, pos / T, pos % T) = 0;
    m_touched[t].clear();
    m_front[t].clear();
  }

  // Ignition: one draw per flammable cell, tiles in parallel. The drought factor depends only on the
  // climate cell and is computed once per year.
  m_drought.resize(cy.cells);
  for (std::size_t c = 0; c < m_drought.size(); ++c)
    m_drought[c] = kernels::drought_factor(fp, cy.precip_deficit_mm[c]);
  const auto drought_factor = [&](std::uint16_t c) { return m_drought[c]; };
  std::vector<std::int64_t> ignitions(s.n_tiles(), 0);
  parallel::for_each_tile(s.n_tiles(), [&](std::size_t t) {
    const auto window = ctx.layout->geometry(s.tiles[t]).window;
    kernels::SharedUniformStream draw(seed, kernels::RandomStream::fire_ignition, ctx.year);
    for (std::size_t i = s.begin(t); i < s.end(t); ++i) {
      const std::uint8_t lu = s.land_use[i];
      if (fp.ignition_per_ha_yr[lu] <= 0.0) continue;
      const double p =
          kernels::ignition_probability(fp, lu, m_drought[s.climate_cell[i]], grid::NationalGrid::cell_area_ha);
      const std::uint16_t li = s.local_index[i];
      const std::int64_t id = grid::NationalGrid::cell_id(window.row0 + li / T, window.col0 + li % T);
      if (draw(id) < p) {
        m_field.at(t, li / T, li % T) = 2;
        m_front[t].push_back(li);
        m_touched[t].push_back(li);
        burnt[i] = 1;
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
  std::vector<std::pair<std::size_t, std::uint16_t>> next;
  std::vector<std::uint16_t> candidates;
  bool rings_hold_fronts = false;
  for (std::int32_t step = 1; step <= fp.max_spread_steps; ++step) {
    bool any_front = false, edge_front = false;
    for (const auto& f : m_front) {
      any_front = any_front || !f.empty();
      for (const auto li : f) {
        const std::int32_t r = li / T, c = li % T;
        edge_front = edge_front || r == 0 || c == 0 || r == T - 1 || c == T - 1;
      }
    }
    if (!m_comm.any(any_front)) break;
    const bool edge_fronts = m_comm.any(edge_front);
    if (edge_fronts || rings_hold_fronts) m_halo.exchange(m_field);
    rings_hold_fronts = edge_fronts;
    out.spread_steps = step;
    next.clear();
    for (std::size_t t = 0; t < s.n_tiles(); ++t) {
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
      for (std::int32_t k = -1; k <= T && edge_fronts; ++k) {
        for (const auto& [r, c] : {std::pair{-1, k}, std::pair{T, k}, std::pair{k, -1}, std::pair{k, T}}) {
          if (m_field.at(t, r, c) == 2) add_neighbours(r, c);
        }
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
        const double p1 = kernels::spread_probability(fp, lu, drought_factor(s.climate_cell[idx]));
        const double p = 1.0 - std::pow(1.0 - p1, burning);
        const auto pos = cell_position(s, *ctx.layout, t, idx);
        if (kernels::uniform01(seed, kernels::RandomStream::fire_spread, ctx.year, pos.id,
                               static_cast<std::uint32_t>(step)) < p) {
          next.emplace_back(t, li);
          burnt[idx] = 1;
        }
      }
    }
    // The old front is now burnt out; the new one burns.
    for (std::size_t t = 0; t < s.n_tiles(); ++t) {
      for (const auto li : m_front[t]) m_field.at(t, li / T, li % T) = 1;
      m_front[t].clear();
    }
    for (const auto& [t, li] : next) {
      m_field.at(t, li / T, li % T) = 2;
      m_front[t].push_back(li);
      m_touched[t].push_back(li);
    }
    out.burnt_cells += static_cast<std::int64_t>(next.size());
  }
  return out;
}

}  // namespace polder::engine
