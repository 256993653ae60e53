#pragma once
// The modelled yearly cost of a tile, for cutting the Hilbert order into runs of equal work
// (parallel/decomposition.hpp) instead of equal cell counts: a tile of forest or peat costs many times
// a tile of open water. Costs are nanoseconds per cell and year of each process, measured on the national
// run from the per-rank phase times and work terms that `polder run` logs at the end (docs/performance.md,
// "Decomposition"); only their ratios matter.

#include <array>
#include <cstdint>

#include "solver/engine/model_parameters.hpp"
#include "solver/engine/tile_input.hpp"
#include "solver/model/land_use.hpp"

namespace polder::engine {

struct WorkCosts {
  double per_cell = 2.3;       ///< every active cell and year: area book, expiry of conversions
  double per_woody = 42.0;     ///< a stand and year (forest span kernel, booking)
  double per_organic = 57.0;   ///< an organic-soil cell and year (organic span kernel, booking)
  double per_flammable = 9.3;  ///< a cell that can ignite, per year: its share of a Philox block, spread
  double per_event = 1200.0;   ///< a land-use event, once: the conversion and its 20-year soil transition
};

/// The work terms of a tile: active cells, woody cells, organic cells, flammable cells (of the last
/// map), each for one year, and the land-use events of the whole run.
inline std::array<double, 5> tile_work_terms(const TileWork& w, const ModelParameters& p) {
  double woody = 0.0, flammable = 0.0;
  for (std::size_t lu = 0; lu < w.last_map.size() && lu < model::k_land_use_classes; ++lu) {
    const auto n = static_cast<double>(w.last_map[lu]);
    if (lu == static_cast<std::size_t>(model::LandUse::forest) ||
        lu == static_cast<std::size_t>(model::LandUse::trees_outside_forest))
      woody += n;
    if (p.fire.ignition_per_ha_yr[lu] > 0.0) flammable += n;
  }
  return {static_cast<double>(w.active), woody, static_cast<double>(w.organic), flammable,
          static_cast<double>(w.events)};
}

/// Modelled nanoseconds of a run of `years` years for the work terms.
inline double tile_cost_ns(const std::array<double, 5>& terms, const WorkCosts& c, std::int32_t years) {
  const double per_year =
      c.per_cell * terms[0] + c.per_woody * terms[1] + c.per_organic * terms[2] + c.per_flammable * terms[3];
  return per_year * years + c.per_event * terms[4];
}

inline std::int64_t tile_cost(const TileWork& w, const ModelParameters& p, std::int32_t years,
                              const WorkCosts& c = {}) {
  const double ns = tile_cost_ns(tile_work_terms(w, p), c, years);
  return static_cast<std::int64_t>(ns) + 1;  // 1 ns resolution, never 0
}

}  // namespace polder::engine
