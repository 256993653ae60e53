#pragma once
// The modelled yearly cost of a tile, for cutting the Hilbert order into runs of equal work
// (parallel/decomposition.hpp) instead of equal cell counts: a tile of forest or peat costs many times
// a tile of open water. Costs are nanoseconds per cell and year of each process, measured with
// `polder run --profile-tiles` on the national run (docs/performance.md, "Decomposition"); only their
// ratios matter.

#include <cstdint>

#include "solver/engine/model_parameters.hpp"
#include "solver/engine/tile_input.hpp"
#include "solver/model/land_use.hpp"

namespace polder::engine {

struct WorkCosts {
  double per_cell = 0.4;       ///< every active cell: area book, fire scan
  double per_woody = 9.0;      ///< a stand (forest kernel)
  double per_organic = 7.0;    ///< an organic-soil cell
  double per_flammable = 3.5;  ///< a cell that can ignite: one counter-based draw
  double per_event = 4.0;      ///< a land-use event, spread over the run's years
};

inline std::int64_t tile_cost(const TileWork& w, const ModelParameters& p, const WorkCosts& c = {}) {
  double woody = 0.0, flammable = 0.0;
  for (std::size_t lu = 0; lu < w.last_map.size() && lu < model::k_land_use_classes; ++lu) {
    const auto n = static_cast<double>(w.last_map[lu]);
    if (lu == static_cast<std::size_t>(model::LandUse::forest) ||
        lu == static_cast<std::size_t>(model::LandUse::trees_outside_forest))
      woody += n;
    if (p.fire.ignition_per_ha_yr[lu] > 0.0) flammable += n;
  }
  const double ns = c.per_cell * static_cast<double>(w.active) + c.per_woody * woody +
                    c.per_organic * static_cast<double>(w.organic) + c.per_flammable * flammable +
                    c.per_event * static_cast<double>(w.events);
  return static_cast<std::int64_t>(ns * 16.0) + 1;  // 1/16 ns resolution, never 0
}

}  // namespace polder::engine
