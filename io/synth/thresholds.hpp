#pragma once
// The calibrated thresholds of the synthetic country: for each ranking key of CellDrivers, the key
// value from which a cell takes the class (key >= threshold). k_none (65536) selects nothing. They are
// found once, on the national sample (calibration.hpp), so every region and rank uses the same values.

#include <array>
#include <cstdint>
#include <vector>

#include "io/synth/cell_drivers.hpp"

namespace polder::io::synth {

inline constexpr std::uint32_t k_none = 65536;

struct Thresholds {
  std::uint32_t marsh = k_none;           ///< salt marsh (static)
  std::vector<std::uint32_t> tidal_flat;  ///< per water body: intertidal flat (else coastal water)
  std::uint32_t peat = k_none;            ///< organic key: peat soil
  std::uint32_t peaty = k_none;           ///< organic key: peaty soil (below peat)
  std::uint32_t forest_1970 = k_none;     ///< the 1970 forest
  using PerYear = std::array<std::uint32_t, k_map_years>;
  static constexpr PerYear none() {
    PerYear y{};
    y.fill(k_none);
    return y;
  }
  PerYear settle = none(), wet = none(), defor = none(), afforest = none(), other = none(), nature = none(),
          heath = none(), orchard = none(), arable = none(), tof = none(), green = none();
  double volume_scale = 1.0;                ///< standing volume: raw yield-curve value times this
  std::int16_t seagrass_first_year = 2018;  ///< (documentation) first meadow year near Griend
};

}  // namespace polder::io::synth
