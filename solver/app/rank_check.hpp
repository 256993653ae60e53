#pragma once
// A rank without a tile would only wait: refuse the launch rather than spend its allocation.

#include "io/config/run_config.hpp"
#include "solver/core/error.hpp"
#include "solver/engine/simulation.hpp"
#include "solver/parallel/comm.hpp"

namespace polder::app {

/// Throws ConfigError if `comm` (the world, or an ensemble group) has more ranks than the input has
/// tiles with active cells.
inline void check_ranks(const parallel::Comm& comm, const engine::Simulation& sim, const io::RunConfig& config) {
  if (static_cast<std::size_t>(comm.size()) > sim.active_tiles())
    throw ConfigError(cat(comm.size(), " MPI ranks, but the input has only ", sim.active_tiles(),
                          " tiles with active cells at grid.tile_size = ", config.tile_size, ": run on at most ",
                          sim.active_tiles(), " ranks, or use smaller tiles"));
}

}  // namespace polder::app
