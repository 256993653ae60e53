#pragma once
// Reads the province outlines from GeoJSON (a FeatureCollection of Polygon/MultiPolygon features with
// CBS properties `statcode` PV20..PV31 and `statnaam`). A small hand-written JSON reader: the file is
// ours and small, so no JSON library is needed.

#include <string>
#include <string_view>
#include <vector>

#include "io/synth/polygon.hpp"

namespace polder::io::synth {

struct ProvinceOutline {
  int code = 0;          ///< 1..12 (CBS PV20..PV31), as model::k_province_keys
  std::string statcode;  ///< "PV20" ...
  std::string name;      ///< CBS statnaam, e.g. "Fryslân"
  Polygon shape;
};

/// Parses the GeoJSON; throws InputError naming `source` on malformed input or a missing province.
/// The result holds the 12 provinces in code order.
std::vector<ProvinceOutline> read_province_outlines(std::string_view geojson, const std::string& source);

/// The embedded outlines, parsed once per process.
const std::vector<ProvinceOutline>& embedded_province_outlines();

}  // namespace polder::io::synth
