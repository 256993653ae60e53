#pragma once
// Every input-stack layer of one window, as row-major arrays over the window (the synthesizer's output
// before it is written, and what the tests compare).

#include <array>
#include <cstdint>
#include <vector>

#include "io/synth/cell_drivers.hpp"
#include "solver/grid/grid_window.hpp"

namespace polder::io::synth {

struct SynthBlock {
  grid::GridWindow window;
  std::vector<std::uint8_t> territory, province, soil, forest_species, yield_class;
  std::array<std::vector<std::uint8_t>, k_map_years> land_use;
  std::vector<float> peat_thickness, glg, ghg, ditch_fraction, standing_volume, marsh_elevation;
  std::vector<std::int16_t> forest_age, seagrass_since;

  void resize(const grid::GridWindow& w) {
    window = w;
    const auto n = static_cast<std::size_t>(w.size());
    for (auto* v : {&territory, &province, &soil, &forest_species, &yield_class}) v->assign(n, 0);
    for (auto& v : land_use) v.assign(n, 0);
    for (auto* v : {&peat_thickness, &glg, &ghg, &ditch_fraction, &standing_volume, &marsh_elevation})
      v->assign(n, 0.0F);
    forest_age.assign(n, -1);
    seagrass_since.assign(n, 0);
  }
};

}  // namespace polder::io::synth
