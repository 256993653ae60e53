#pragma once
// Activity-data uncertainty that keeps the map geography. The maps say where land use changed and where
// organic soils lie; their errors are mostly false positives (a change or a peat soil on the map that is
// not there: docs/uncertainty.md "Activity data" gives the figures and sources). A member therefore
// keeps each mapped change and each mapped organic soil with a probability, its keep fraction, drawn
// per member like any parameter (`activity.*` entries, central value 1); nothing is added where the map
// shows nothing, so every perturbed map is a thinned copy of the real one.
//
// The keep decision is made per patch (a block of patch_cells x patch_cells cells, 1 ha at the default
// 4 x 4), not per cell: misclassification comes in parcels, not in single 25 m cells. Each decision is
// a pure function of (seed, draw, patch, map interval) through Philox, so a member gives the same map
// on any rank count and in any tile visit order. Draw 0 (the central estimate) keeps everything.

#include <cstdint>
#include <span>
#include <string_view>

#include "solver/ensemble/sampling_plan.hpp"

namespace polder::ensemble {

/// Parameter-file names of the keep fractions (configs/parameters/activity_data.ini).
inline constexpr std::string_view k_land_use_change_keep = "activity.land_use_change.keep_fraction";
inline constexpr std::string_view k_organic_soil_keep = "activity.organic_soil.keep_fraction";

/// The keep fractions of one draw: 1 (keep all) for a fraction the plan does not sample.
struct ActivityKeep {
  double land_use_change = 1.0;
  double organic_soil = 1.0;
};

/// The keep fractions in `draw_values`, the values(draw) of `plan`.
ActivityKeep activity_keep(const SamplingPlan& plan, std::span<const double> draw_values);

/// Patch edge in cells by default: 4 x 25 m = 100 m, a 1 ha block, the size of a small Dutch parcel.
inline constexpr std::int32_t k_default_patch_cells = 4;

/// The patch that holds cell `cell_id` of a row-major grid with `grid_columns` columns (the national
/// grid: grid::NationalGrid::n_cols), for square patches of `patch_cells` cells.
constexpr std::int64_t patch_id(std::int64_t cell_id, std::int64_t grid_columns,
                                std::int32_t patch_cells = k_default_patch_cells) {
  const std::int64_t row = cell_id / grid_columns, col = cell_id % grid_columns;
  const std::int64_t patch_columns = (grid_columns + patch_cells - 1) / patch_cells;
  return (row / patch_cells) * patch_columns + col / patch_cells;
}

/// True if the change that the maps show for `patch` between map `interval` and map `interval + 1` is
/// kept in draw `draw`. Always true in draw 0 and for keep_fraction >= 1.
bool keep_mapped_change(std::uint64_t seed, std::int64_t draw, std::int64_t patch, std::int32_t interval,
                        double keep_fraction);

/// Applies the land-use keep decisions to one cell's map sequence, in map order: where map k+1 differs
/// from map k and the change is not kept, map k+1 is taken to be wrong there and gets the code of map k
/// (so a later map that still differs brings the change one interval later, with its own draw).
/// Returns the number of changes rejected.
std::int32_t thin_land_use_sequence(std::span<std::uint8_t> codes, std::uint64_t seed, std::int64_t draw,
                                    std::int64_t patch, double keep_fraction);

/// True if a cell of `patch` that the soil map shows as organic (peat or peaty) stays organic in draw
/// `draw`; if not, the engine treats it as its mineral substrate for the whole run. Always true in
/// draw 0 and for keep_fraction >= 1.
bool keep_organic_soil(std::uint64_t seed, std::int64_t draw, std::int64_t patch, double keep_fraction);

}  // namespace polder::ensemble
