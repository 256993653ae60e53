#pragma once
// Reads an input stack into the per-rank CellState: counts active cells per tile (row bands shared
// out over ranks, exact integer sums), decomposes the tiles, then every rank reads the tiles it owns
// (independent hyperslab reads aligned with the 256 x 256 chunks) and keeps only active cells. Every
// value is checked on the way in; the first bad cell over all ranks is reported on every rank.

#include <memory>
#include <string>
#include <vector>

#include "io/netcdf/input_checks.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/grid/tile_layout.hpp"
#include "solver/parallel/comm.hpp"
#include "solver/parallel/decomposition.hpp"

namespace polder::engine {

/// Attributes needed only to set up the starting state, dropped afterwards.
struct StartingAttributes {
  std::vector<std::int16_t> forest_age_in_reference_year;
  std::vector<float> standing_volume_m3_ha;
  std::int32_t forest_reference_year = 2021;
  std::vector<float> peat_thickness_cm;
};

struct LoadedInput {
  io::StackInfo info;
  std::unique_ptr<grid::TileLayout> layout;
  std::unique_ptr<parallel::Decomposition> decomposition;
  CellState state;
  StartingAttributes start;
};

/// Collective over `comm`. Throws InputError (on every rank) for any metadata or value problem.
LoadedInput load_input(const parallel::Comm& comm, const std::string& path, std::int32_t tile_size);

/// Collective: per national tile, the number of active (territory) cells in the stack at `path`.
std::vector<std::int64_t> count_active_cells(const parallel::Comm& comm, const io::NcFile& file,
                                             const grid::GridWindow& window, const grid::TileLayout& layout);

}  // namespace polder::engine
