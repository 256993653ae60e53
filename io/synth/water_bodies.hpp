#pragma once
// The large waters the province outlines leave out, which the Dutch reporting territory includes
// (IJsselmeer, Markermeer, Waddenzee, the Delta waters, a North Sea coastal strip, ...). Their polygons
// are in water_polygon_data.cpp, derived by io/synth/data/design_water_polygons.py and documented in
// docs/synthetic-netherlands.md. A cell belongs to the first water body whose polygon holds its centre,
// and only if no province outline holds it.

#include <cstdint>
#include <string_view>
#include <vector>

#include "io/synth/polygon.hpp"

namespace polder::io::synth {

enum class WaterKind : std::uint8_t {
  inland_lake,  ///< fresh or closed water (IJsselmeer, Randmeren, Delta lakes): open inland water
  tidal,        ///< tidal basins (Waddenzee, Eems-Dollard, Ooster- and Westerschelde): channels, flats, marsh
  sea,          ///< North Sea coastal strip: coastal water
};

enum class WaterOrigin : std::uint8_t {
  hole,    ///< an interior ring of the union of the province outlines (exact)
  drawn,   ///< drawn by hand, clipped against the outlines and the waters before it
  buffer,  ///< coastal strip: a buffer around the country on the sea side
};

struct WaterBodyData {
  std::string_view name;
  WaterKind kind;
  WaterOrigin origin;
  std::vector<Ring> rings;  ///< even-odd, RD New metres
};

/// The water bodies in priority order (generated data).
const std::vector<WaterBodyData>& water_body_data();

}  // namespace polder::io::synth
