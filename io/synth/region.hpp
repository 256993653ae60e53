#pragma once
// Regions of `polder synth`: `national` or a province, by key (k_province_keys), official name
// ("Fryslân") or ASCII spelling ("fryslan"), case-insensitive. A province's window is the bounding box
// of its cells (its outline and the waters assigned to it), grown outwards to multiples of 256 cells
// from the national origin and clipped to the national grid.

#include <string>

#include "io/synth/territory.hpp"
#include "solver/grid/grid_window.hpp"

namespace polder::io::synth {

struct Region {
  std::string key;   ///< "national" or a province key
  int province = 0;  ///< 0 for national, else 1..12
};

/// Resolves a region name; throws ConfigError naming it and suggesting the closest key.
Region parse_region(const std::string& name);

/// The window of a region (the whole grid for national).
grid::GridWindow region_window(const Territory& territory, const Region& region);

}  // namespace polder::io::synth
