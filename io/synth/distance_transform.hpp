#pragma once
// Exact Euclidean distance transform with nearest-seed labels on a small raster (Felzenszwalb &
// Huttenlocher 2012, "Distance transforms of sampled functions", Theory of Computing 8:415). Used on the
// coarse 100 m national rasters (nearest province for water cells, distances to coast and rivers);
// deterministic, so every rank computes the same field.

#include <cstdint>
#include <vector>

namespace polder::io::synth {

struct DistanceField {
  std::int32_t n_rows = 0;
  std::int32_t n_cols = 0;
  std::vector<float> distance;        ///< in cells to the nearest seed (0 on seeds); huge if no seed
  std::vector<std::int32_t> nearest;  ///< flat index of the nearest seed; -1 if no seed
};

/// Distance from every cell to the nearest cell with seed[i] != 0.
DistanceField distance_transform(std::int32_t n_rows, std::int32_t n_cols, const std::vector<std::uint8_t>& seed);

}  // namespace polder::io::synth
