#include "solver/engine/fire_patches.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "solver/grid/national_grid.hpp"

namespace polder::engine {

FirePatches fire_patches(std::vector<std::int64_t> ids) {
  using grid::NationalGrid;
  std::sort(ids.begin(), ids.end());
  const std::size_t n = ids.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  const auto root = [&](std::size_t a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  };
  for (std::size_t k = 0; k < n; ++k) {
    const auto row = static_cast<std::int32_t>(ids[k] / NationalGrid::n_cols);
    const auto col = static_cast<std::int32_t>(ids[k] % NationalGrid::n_cols);
    // The four neighbours before this cell in id order (the other four find this one).
    const std::int32_t d[4][2] = {{0, -1}, {-1, -1}, {-1, 0}, {-1, 1}};
    for (const auto& [dr, dc] : d) {
      const std::int32_t r = row + dr, c = col + dc;
      if (r < 0 || c < 0 || c >= NationalGrid::n_cols) continue;
      const auto it = std::lower_bound(ids.begin(), ids.end(), NationalGrid::cell_id(r, c));
      if (it == ids.end() || *it != NationalGrid::cell_id(r, c)) continue;
      const std::size_t a = root(k), b = root(static_cast<std::size_t>(it - ids.begin()));
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  std::vector<std::int64_t> size(n, 0);
  for (std::size_t k = 0; k < n; ++k) ++size[root(k)];
  const auto min_cells = static_cast<std::int64_t>(std::ceil(k_effis_min_fire_ha / NationalGrid::cell_area_ha));
  FirePatches out;
  for (const std::int64_t m : size) {
    if (m == 0) continue;
    ++out.patches;
    if (m >= min_cells) out.large_cells += m;
    out.largest_cells = std::max(out.largest_cells, m);
  }
  return out;
}

FirePatches fire_patches(const parallel::Comm& comm, std::span<const std::int64_t> local_ids) {
  const std::vector<std::byte> all = comm.gatherv_to_root(std::as_bytes(local_ids));
  if (!comm.is_root()) return {};
  std::vector<std::int64_t> ids(all.size() / sizeof(std::int64_t));
  if (!ids.empty()) std::memcpy(ids.data(), all.data(), ids.size() * sizeof(std::int64_t));
  return fire_patches(std::move(ids));
}

}  // namespace polder::engine
