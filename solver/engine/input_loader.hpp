#pragma once
// Reads an input stack once into the compact per-tile form a run keeps (tile_input.hpp):
//   1. bands of whole tile rows are shared out over the ranks; each rank reads its bands (collective
//      NetCDF reads, every variable once), checks every value and builds the TileInputs of the tiles
//      in them, tiles in parallel over threads;
//   2. the tiles' cell counts and work are gathered, which gives the TileLayout and a decomposition
//      cut by modelled cost (work_model.hpp);
//   3. each tile is sent to the rank that owns it (one all-to-all).
// The first bad cell over all ranks is reported on every rank (exit 2, nothing written).

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "io/netcdf/input_checks.hpp"
#include "solver/engine/tile_input.hpp"
#include "solver/grid/tile_layout.hpp"
#include "solver/parallel/comm.hpp"
#include "solver/parallel/decomposition.hpp"

namespace polder::engine {

struct LoadTimings {
  double read_s = 0.0;        ///< reading and decompressing
  double check_s = 0.0;       ///< value checks and building the tiles
  double distribute_s = 0.0;  ///< layout, decomposition and sending tiles to their owners
};

/// The input of a run, kept for its whole life (and for every member of an ensemble).
struct KeptInput {
  io::StackInfo info;
  std::int32_t tile_size = 256;
  std::unique_ptr<grid::TileLayout> layout;
  std::unique_ptr<parallel::Decomposition> decomposition;
  std::vector<TileInput> tiles;         ///< this rank's tiles, in global (Hilbert) order
  std::vector<std::size_t> tile_begin;  ///< tiles.size() + 1 offsets of each tile's first cell
  LoadTimings timings;

  std::size_t n_cells() const { return tile_begin.empty() ? 0 : tile_begin.back(); }
  std::size_t bytes() const;
};

/// Cost of a tile's yearly work in arbitrary integer units, for the decomposition.
using TileCost = std::function<std::int64_t(const TileWork&)>;

/// Collective over `comm`. Throws InputError (on every rank) for any metadata or value problem.
KeptInput load_input(const parallel::Comm& comm, const std::string& path, std::int32_t tile_size, const TileCost& cost);

}  // namespace polder::engine
