#pragma once
// Fires as they would be mapped: a year's burnt cells joined into patches by their eight neighbours.
// EFFIS maps fires of about 30 ha and more (../shared/reference/measures_uncertainty.md, "Wildfire,
// EFFIS"), the national database all fires; the burnt area in patches of at least that size is the
// figure to set against EFFIS. Patches are found on the root from all ranks' burnt cells, so they do
// not depend on the decomposition. Adjacent fires of one year count as one patch.

#include <cstdint>
#include <span>
#include <vector>

#include "solver/parallel/comm.hpp"

namespace polder::engine {

/// The smallest fire EFFIS maps, hectares (EFFIS rapid damage assessment, ~30 ha).
inline constexpr double k_effis_min_fire_ha = 30.0;

struct FirePatches {
  std::int64_t patches = 0;        ///< burnt patches (8-connected)
  std::int64_t large_cells = 0;    ///< cells in patches of at least k_effis_min_fire_ha
  std::int64_t largest_cells = 0;  ///< cells of the largest patch
};

/// Patches of the national cell ids `ids` (unsorted, distinct), on one process.
FirePatches fire_patches(std::vector<std::int64_t> ids);

/// Collective: the patches of every rank's burnt cells, on the root (zero elsewhere).
FirePatches fire_patches(const parallel::Comm& comm, std::span<const std::int64_t> local_ids);

}  // namespace polder::engine
