#pragma once
// The province outlines (io/synth/data/nl_provinces_rd.geojson, CBS/PDOK, CC BY 4.0), embedded into the
// library at configure time by io/synth/CMakeLists.txt.

#include <string_view>

namespace polder::io::synth {

/// The GeoJSON text of the 12 province outlines in RD New metres.
std::string_view embedded_province_geojson();

}  // namespace polder::io::synth
