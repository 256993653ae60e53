#pragma once
// Wildfire ignition and spread. Ignition is drawn per flammable cell from a counter-based generator
// keyed by (seed, year, cell id); fire then spreads step by step to the eight neighbours, across tile
// and rank boundaries through the halo exchange, each step's draws keyed by (seed, year, cell, step).
// Every step is a pure function of the previous one, so the burnt cells are the same on any number of
// ranks and threads.

#include <cstdint>
#include <vector>

#include "solver/engine/cell_state.hpp"
#include "solver/engine/fire_patches.hpp"
#include "solver/engine/year_context.hpp"
#include "solver/parallel/comm.hpp"
#include "solver/parallel/decomposition.hpp"
#include "solver/parallel/halo_exchange.hpp"
#include "solver/parallel/halo_field.hpp"

namespace polder::engine {

struct FireYear {
  std::int64_t ignitions = 0;    ///< cells that ignited (this rank)
  std::int64_t burnt_cells = 0;  ///< cells burnt, including spread (this rank)
  std::int32_t spread_steps = 0;
  FirePatches patches;  ///< the year's burnt patches, on the root (fire_patches.hpp)
};

class FireProcess {
 public:
  FireProcess(const parallel::Comm& comm, const grid::TileLayout& layout, const parallel::Decomposition& decomposition,
              const CellState& state);

  /// Burns this year's fires; `burnt[t]` lists the rank indices of local tile t's burnt cells,
  /// ascending.
  FireYear run(const YearContext& ctx, const CellState& s, std::vector<std::vector<std::uint32_t>>& burnt);

 private:
  /// Local cell index of tile-local (row, col), or -1 if that cell is not active.
  std::int64_t find_cell(const CellState& s, std::size_t t, std::int32_t row, std::int32_t col) const;

  const parallel::Comm& m_comm;
  parallel::HaloField<std::uint8_t> m_field;  ///< 0 unburnt, 1 burnt in an earlier step, 2 burning front
  parallel::HaloExchange m_halo;
  std::vector<std::vector<std::uint16_t>> m_front;          ///< per tile: tile-local positions of the front
  std::vector<std::vector<std::uint16_t>> m_touched;        ///< per tile: positions set this year (to reset)
  std::vector<std::uint8_t> m_changed;                      ///< per tile: an edge cell changed since the last exchange
  std::vector<std::uint8_t> m_ring_set;                     ///< per tile: the ring may hold non-zero values
  std::vector<std::vector<std::uint16_t>> m_climate_cells;  ///< per local tile: its distinct climate cells
};

}  // namespace polder::engine
